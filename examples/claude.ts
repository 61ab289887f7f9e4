// Claude on Langdock: langdock('claude-…') calls Langdock's Anthropic Messages route. Streamed thinking, a tool
// loop whose signed thinking goes back to Claude on the next step, and a typed object.
import { generateText, isStepCount, Output, streamText, tool } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

const { langdock, claudeModelId, close } = await connect({ chunkDelayMs: 3 });
const model = langdock(claudeModelId);

try {
  console.log(`\n1. streamText with thinking (${claudeModelId})`);
  const stream = streamText({
    model,
    prompt: 'Why is the sky blue? One sentence.',
    // Claude 4.6 and later think adaptively; older families take { type: 'enabled', budgetTokens }.
    providerOptions: { langdock: { thinking: { type: 'adaptive', effort: 'medium' } } },
  });
  for await (const part of stream.stream) {
    if (part.type === 'reasoning-start') process.stdout.write('   thinking: ');
    if (part.type === 'text-start') process.stdout.write('   answer:   ');
    if (part.type === 'reasoning-delta' || part.type === 'text-delta')
      process.stdout.write(part.text);
    if (part.type === 'reasoning-end' || part.type === 'text-end') process.stdout.write('\n');
  }
  // The signature is what lets the thinking go back to Claude in a later turn; the provider sends it on its own.
  const signed = (await stream.reasoning).filter(
    (part) => typeof part.providerMetadata?.langdock?.signature === 'string',
  );
  const usage = await stream.usage;
  console.log(`   ${signed.length} signed thinking block(s), finish: ${await stream.finishReason}`);
  console.log(`   tokens: ${usage.inputTokens} input + ${usage.outputTokens} output`);

  console.log('\n2. a tool loop, thinking on (the AI SDK reasoning setting)');
  const loop = streamText({
    model,
    prompt: 'What is the weather in Berlin? Use the weather tool.',
    reasoning: 'medium',
    tools: {
      weather: tool({
        description: 'Get the current weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, celsius: 19, sky: 'clear' }),
      }),
    },
    stopWhen: isStepCount(3),
  });
  for await (const part of loop.stream) {
    if (part.type === 'tool-call')
      console.log(`   tool call   ${part.toolName}(${JSON.stringify(part.input)})`);
    if (part.type === 'tool-result') console.log(`   tool result ${JSON.stringify(part.output)}`);
  }
  // Claude needs the step's thinking back with the tool result; step 2 is refused when it is missing or altered.
  const steps = await loop.steps;
  console.log(`   answer: ${await loop.text}`);
  console.log(
    `   steps: ${steps.length} (${steps.map((step) => `${step.finishReason}, ${step.reasoning.length} thinking`).join(' -> ')})`,
  );
  const warnings = steps.flatMap((step) => step.warnings ?? []);
  console.log(`   warnings: ${warnings.length === 0 ? 'none' : JSON.stringify(warnings)}`);

  console.log('\n3. a typed object (generateText with Output.object)');
  const { output } = await generateText({
    model,
    output: Output.object({
      schema: z.object({
        city: z.string(),
        population: z.number(),
        famousFor: z.array(z.string()),
      }),
    }),
    prompt: 'Describe Munich.',
  });
  console.log('   parsed object:', JSON.stringify(output));
} finally {
  await close();
}
