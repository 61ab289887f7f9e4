// Generate a typed object: AI SDK 7 does this with generateText and `output: Output.object(...)`. Langdock has
// JSON mode, so the provider sends response_format json_object and tells the model the schema in the prompt.
import { generateText, Output } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

const recipe = z.object({
  name: z.string(),
  servings: z.number().int(),
  ingredients: z.array(z.object({ item: z.string(), grams: z.number() })),
});

const { langdock, modelId, close } = await connect();
try {
  const { output, finalStep } = await generateText({
    model: langdock(modelId),
    output: Output.object({ schema: recipe, name: 'recipe' }),
    prompt: 'A simple pancake recipe.',
  });
  // `output` is already parsed and validated against the schema; its type is z.infer<typeof recipe>.
  console.log('parsed object:', JSON.stringify(output, null, 2));
  console.log(`${output.ingredients.length} ingredient(s) for ${output.servings} serving(s)`);
  console.log('valid against the schema:', recipe.safeParse(output).success);
  console.log('finish reason:', finalStep.finishReason);
} finally {
  await close();
}
