// What failures look like: a rejected key, a setting Langdock cannot take, and a warning.
import { APICallError, InvalidArgumentError, generateText } from 'ai';
import { createLangdock } from 'langdock-ai-provider';
import { connect } from './shared/connect';

const { langdock, modelId, baseURL, close } = await connect();
try {
  // 1. A wrong key: Langdock answers 401, the provider explains it. The key itself never shows.
  const wrongKey = createLangdock({ apiKey: 'ld-not-a-real-key-123', ...(baseURL && { baseURL }) });
  try {
    await generateText({ model: wrongKey(modelId), prompt: 'Hi' });
  } catch (error) {
    if (APICallError.isInstance(error)) console.log(`APICallError ${error.statusCode}: ${error.message} (retryable: ${error.isRetryable})`);
    else throw error;
  }

  // 2. More than 4 stop sequences: refused before any request is sent.
  try {
    await generateText({ model: langdock(modelId), prompt: 'Hi', stopSequences: ['a', 'b', 'c', 'd', 'e'] });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) console.log(`InvalidArgumentError: ${error.message}`);
    else throw error;
  }

  // 3. A setting Langdock lacks: the call succeeds and says what was not sent.
  const { warnings } = await generateText({ model: langdock(modelId), prompt: 'Hi', topK: 5 });
  console.log('warnings:', JSON.stringify(warnings));
} finally {
  await close();
}

