// A tiny semantic search: embed a few sentences, embed a question, rank by cosine similarity.
import { cosineSimilarity, embed, embedMany } from 'ai';
import { connect } from './shared/connect';

const sentences = [
  'The Spree flows through the centre of Berlin.',
  'Croissants are best eaten warm with butter.',
  'A lighthouse keeper tends the lamp through stormy nights.',
  'Munich hosts the Oktoberfest every autumn.',
];
const question = 'Which river runs through Berlin?';

const { langdock, close } = await connect();
try {
  const model = langdock.embeddingModel(
    process.env.LANGDOCK_EMBEDDING_MODEL ?? 'text-embedding-3-small',
  );
  const { embeddings, usage } = await embedMany({ model, values: sentences });
  const { embedding } = await embed({ model, value: question });

  const ranked = sentences
    .map((sentence, i) => ({ sentence, score: cosineSimilarity(embedding, embeddings[i]!) }))
    .sort((a, b) => b.score - a.score);
  console.log(`question: ${question}`);
  for (const { sentence, score } of ranked) console.log(`  ${score.toFixed(3)}  ${sentence}`);
  console.log(`most similar: ${ranked[0]!.sentence}`);
  console.log(
    `${embeddings.length} vectors of ${embedding.length} dimensions, ${usage.tokens} tokens`,
  );
} finally {
  await close();
}
