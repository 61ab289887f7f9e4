// Generate a whole text answer in one call, with AI SDK 7's provider-agnostic `reasoning` setting and its
// detailed token usage.
import { generateText } from 'ai';
import { connect } from './shared/connect';

const { langdock, reasoningModelId, close } = await connect();
try {
  const { text, usage, warnings, finalStep } = await generateText({
    model: langdock(reasoningModelId),
    instructions: 'You answer in one short paragraph.',
    prompt: 'What is Langdock?',
    // Sent as Langdock's reasoning_effort: the closest effort this model family accepts (a warning says so if it differs).
    reasoning: 'low',
    // Hidden reasoning counts against the limit, so for a reasoning model this is sent as max_completion_tokens.
    maxOutputTokens: 400,
    // Keep the request body in the result (AI SDK 7 drops it by default), to show what was sent.
    include: { requestBody: true },
  });
  console.log(text);

  // The body the provider posted to Langdock's /chat/completions.
  const sent = finalStep.request.body as {
    reasoning_effort?: string;
    max_completion_tokens?: number;
    max_tokens?: number;
  };
  console.log(
    `sent: reasoning_effort ${sent.reasoning_effort}, max_completion_tokens ${sent.max_completion_tokens}, max_tokens ${sent.max_tokens ?? 'not sent'}`,
  );

  const { inputTokens, inputTokenDetails, outputTokens, outputTokenDetails, totalTokens } = usage;
  console.log(
    `usage: ${inputTokens} input (${inputTokenDetails.cacheReadTokens ?? 0} from cache) + ${outputTokens} output (${outputTokenDetails.reasoningTokens ?? 0} reasoning, ${outputTokenDetails.textTokens} text) = ${totalTokens} tokens`,
  );
  console.log(`warnings: ${warnings?.length ? JSON.stringify(warnings) : 'none'}`);
} finally {
  await close();
}
