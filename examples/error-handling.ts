// What failures look like: a rejected key, a rate limit after the SDK's retries, a setting Langdock
// cannot take, and a warning.
import { APICallError, InvalidArgumentError, RetryError, generateText } from 'ai';
import { createLangdock } from 'langdock-ai-provider/v4';
import { connect } from './shared/connect';

/** The SDK retries 429 and 5xx, then throws a RetryError whose lastError is Langdock's APICallError. */
function describe(error: unknown): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (!APICallError.isInstance(cause)) throw error;
  const retries = RetryError.isInstance(error)
    ? ` (gave up after ${error.errors.length} attempts)`
    : '';
  return `APICallError ${cause.statusCode}: ${cause.message}${retries}`;
}

const { langdock, modelId, baseURL, close } = await connect();
try {
  // 1. A wrong key: Langdock answers 401, not retried. The key itself never shows.
  const wrongKey = createLangdock({ apiKey: 'ld-not-a-real-key-123', ...(baseURL && { baseURL }) });
  try {
    await generateText({ model: wrongKey(modelId), prompt: 'Hi' });
  } catch (error) {
    console.log(describe(error));
  }

  // 2. A rate limit, simulated with a custom fetch so it happens on demand: retried, then reported.
  const rateLimited = createLangdock({
    apiKey: 'ld-simulated-key-000',
    fetch: async () =>
      new Response(JSON.stringify({ message: 'Rate limit for public API exceeded' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
      }),
  });
  try {
    await generateText({ model: rateLimited(modelId), prompt: 'Hi', maxRetries: 2 });
  } catch (error) {
    console.log(describe(error));
  }

  // 3. More than 4 stop sequences: refused before any request is sent.
  try {
    await generateText({
      model: langdock(modelId),
      prompt: 'Hi',
      stopSequences: ['a', 'b', 'c', 'd', 'e'],
    });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error))
      console.log(`InvalidArgumentError: ${error.message}`);
    else throw error;
  }

  // 4. A setting Langdock lacks: the call succeeds and says what was not sent. (AI SDK 7 also logs each warning;
  //    set globalThis.AI_SDK_LOG_WARNINGS = false to silence that.)
  const { warnings } = await generateText({ model: langdock(modelId), prompt: 'Hi', topK: 5 });
  console.log('warnings:', JSON.stringify(warnings));
} finally {
  await close();
}
