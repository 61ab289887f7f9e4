// Stop a stream midway with an AbortSignal, e.g. when the user presses stop.
import { streamText } from 'ai';
import { connect } from './shared/connect';

const { langdock, modelId, close } = await connect({ chunkDelayMs: 20 });
try {
  const controller = new AbortController();
  const result = streamText({
    model: langdock(modelId),
    prompt: 'Tell a long story about a lighthouse keeper.',
    abortSignal: controller.signal,
    onAbort: () => console.log('\n(aborted by the caller)'),
  });
  let received = 0;
  for await (const delta of result.textStream) {
    process.stdout.write(delta);
    received += delta.length;
    if (received >= 40) controller.abort();
  }
  console.log(`received ${received} characters before stopping`);
} finally {
  await close();
}
