// Stream a text answer as it is written.
import { streamText } from 'ai';
import { connect } from './shared/connect';

const { langdock, modelId, close } = await connect({ chunkDelayMs: 5 });
try {
  const result = streamText({
    model: langdock(modelId),
    prompt: 'Write two sentences about the river Spree.',
  });
  for await (const delta of result.textStream) process.stdout.write(delta);
  process.stdout.write('\n');
  // Langdock refuses stream_options, so a stream may carry no token counts: then they are undefined, not 0.
  const { totalTokens } = await result.usage;
  console.log(
    `finish reason: ${await result.finishReason} | tokens: ${totalTokens ?? 'not reported for this stream'}`,
  );
} finally {
  await close();
}
