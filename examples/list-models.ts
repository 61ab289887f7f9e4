// List the models this workspace offers: in this region on the chat and Anthropic routes, or on the Model Gateway.
import { connect } from './shared/connect';

const { langdock, close } = await connect();
try {
  const models = await langdock.listModels();
  for (const model of models) {
    const details = [
      model.displayName,
      model.ownedBy,
      model.created?.toISOString().slice(0, 10),
      model.contextWindow !== undefined ? `${model.contextWindow} tokens` : undefined,
      model.operations?.join(','),
    ].filter((detail) => detail !== undefined);
    console.log(`${model.id.padEnd(28)} ${model.route.padEnd(8)} ${details.join('  ')}`);
  }
  console.log(`${models.length} models`);
} finally {
  await close();
}
