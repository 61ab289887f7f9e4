// A multi-step tool loop: the model calls a tool, sees its result, and answers.
import { isStepCount, streamText, tool } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

const weather = tool({
  description: 'Get the current weather in a city',
  inputSchema: z.object({ city: z.string().describe('The city name') }),
  execute: async ({ city }) => ({ city, celsius: 21, sky: 'sunny' }),
});

const { langdock, modelId, close } = await connect();
try {
  const result = streamText({
    model: langdock(modelId),
    prompt: 'What is the weather in Berlin? Use the weather tool.',
    tools: { weather },
    // Up to 4 model calls: call the tool, read its result, answer (AI SDK 7 renamed stepCountIs to isStepCount).
    stopWhen: isStepCount(4),
  });
  for await (const part of result.stream) {
    if (part.type === 'tool-call')
      console.log(`tool call: ${part.toolName}(${JSON.stringify(part.input)})`);
    if (part.type === 'tool-result') console.log(`tool result: ${JSON.stringify(part.output)}`);
    if (part.type === 'text-delta') process.stdout.write(part.text);
  }
  process.stdout.write('\n');
  const steps = await result.steps;
  console.log(`steps: ${steps.length} (${steps.map((step) => step.finishReason).join(' -> ')})`);
} finally {
  await close();
}
