// Generate a whole text answer in one call.
import { generateText } from 'ai';
import { connect } from './shared/connect';

const { langdock, modelId, close } = await connect();
try {
  const { text, usage, warnings } = await generateText({
    model: langdock(modelId),
    system: 'You answer in one short paragraph.',
    prompt: 'What is Langdock?',
    maxOutputTokens: 200,
  });
  console.log(text);
  console.log('usage:', usage);
  if (warnings?.length) console.log('warnings:', warnings);
} finally {
  await close();
}
