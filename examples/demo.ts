// `npm run demo`: a short tour of the provider — streaming, a tool loop, and a typed object.
import { generateText, isStepCount, Output, streamText, tool } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

const { langdock, modelId, close } = await connect({ chunkDelayMs: 3 });
const model = langdock(modelId);

try {
  console.log('\n1. streamText');
  const stream = streamText({ model, prompt: 'Greet a new Langdock user in one sentence.' });
  for await (const delta of stream.textStream) process.stdout.write(delta);
  console.log(
    `\n   finish: ${await stream.finishReason}, tokens: ${(await stream.usage).totalTokens ?? 'not reported'}`,
  );

  console.log('\n2. tools, with a multi-step loop');
  const loop = streamText({
    model,
    prompt: 'What is the weather in Hamburg? Use the weather tool.',
    tools: {
      weather: tool({
        description: 'Get the current weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, celsius: 14, sky: 'cloudy' }),
      }),
    },
    stopWhen: isStepCount(3),
  });
  for await (const part of loop.stream) {
    if (part.type === 'tool-call')
      console.log(`   tool call   ${part.toolName}(${JSON.stringify(part.input)})`);
    if (part.type === 'tool-result') console.log(`   tool result ${JSON.stringify(part.output)}`);
  }
  console.log(`   answer: ${await loop.text}`);

  console.log('\n3. a typed object (generateText with Output.object, JSON mode)');
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
