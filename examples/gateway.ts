// Langdock's Model Gateway: one host, no region, every model of the workspace. createLangdock({ gateway: true })
// (or LANGDOCK_GATEWAY=1) sends GPT ids to /chat/completions and Claude ids to /messages; each answer's usage
// carries what the call cost, surfaced as providerMetadata.langdock.cost. With a key, use a gateway key.
import { generateText, streamText, type ProviderMetadata } from 'ai';
import { connect } from './shared/connect';

const { langdock, modelId, claudeModelId, close } = await connect({ gateway: true });

/** The cost the gateway reported for a call, in US dollars, or undefined when its usage had none. */
function costOf(metadata: ProviderMetadata | undefined): number | undefined {
  const cost = metadata?.langdock?.cost;
  return typeof cost === 'number' ? cost : undefined;
}

const formatCost = (cost: number | undefined) =>
  cost === undefined ? 'not reported' : `$${cost.toFixed(6)}`;

try {
  let total = 0;
  // langdock.chat(id) sends a Claude id through chat completions instead (no thinking replay, no PDFs).
  for (const model of [langdock(modelId), langdock(claudeModelId), langdock.chat(claudeModelId)]) {
    const result = await generateText({ model, prompt: 'Name one bridge in Berlin.' });
    const cost = costOf(result.providerMetadata);
    total += cost ?? 0;
    console.log(`\n${model.modelId} (${model.provider})`);
    console.log(`   ${result.text}`);
    console.log(
      `   ${result.usage.inputTokens} input + ${result.usage.outputTokens} output tokens, cost ${formatCost(cost)}`,
    );
  }

  // A stream reports its cost at the end, in the last usage the gateway sends.
  const stream = streamText({ model: langdock(claudeModelId), prompt: 'And one river?' });
  let characters = 0;
  for await (const delta of stream.textStream) characters += delta.length;
  const streamCost = costOf(await stream.providerMetadata);
  total += streamCost ?? 0;
  const usage = await stream.usage;
  console.log(`\nstreamed ${characters} characters from ${claudeModelId}`);
  console.log(
    `   ${usage.inputTokens} input + ${usage.outputTokens} output tokens, cost ${formatCost(streamCost)}`,
  );
  console.log(`total cost: ${formatCost(total)}`);
} finally {
  await close();
}
