// List the models this workspace offers in this region.
import { connect } from './shared/connect';

const { langdock, close } = await connect();
try {
  const models = await langdock.listModels();
  for (const model of models) {
    console.log(
      `${model.id.padEnd(28)} ${model.ownedBy ?? ''}  ${model.created?.toISOString().slice(0, 10) ?? ''}`,
    );
  }
  console.log(`${models.length} models`);
} finally {
  await close();
}
