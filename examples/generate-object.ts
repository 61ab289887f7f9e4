// Generate a typed object (JSON mode): the provider sends json_object and tells the model the schema.
import { generateObject } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

const recipe = z.object({
  name: z.string(),
  servings: z.number().int(),
  ingredients: z.array(z.object({ item: z.string(), grams: z.number() })),
});

const { langdock, modelId, close } = await connect();
try {
  const { object } = await generateObject({
    model: langdock(modelId),
    schema: recipe,
    schemaName: 'recipe',
    prompt: 'A simple pancake recipe.',
  });
  console.log('parsed object:', JSON.stringify(object, null, 2));
  console.log('valid against the schema:', recipe.safeParse(object).success);
} finally {
  await close();
}
