// One contender on one workload in a loop, for `node --cpu-prof`:
// node --cpu-prof bench/.out/profile.mjs [provider] [workload] [bulk|per-event] [runs] [v2|v3|v4]
//   chat:     provider ours|openai-compatible|"openai chat", workload text|tool|tools|reasoning
//   Messages: provider messages (ours, Claude) or anthropic (@ai-sdk/anthropic), workload text|tool|thinking
// The last argument picks the generation (v2: the root entry and the ai@5 providers; v4 wants Node 22+).
import {
  createMessagesModel,
  createModel,
  isProviderName,
  providerNames,
  runDoStream,
  type BenchModel,
} from './contenders';
import { generationIds, isGenerationId, loadGeneration } from './generations';
import {
  messagesTextWorkload,
  messagesThinkingWorkload,
  messagesToolWorkload,
} from './messages-workloads';
import {
  eventReads,
  reads,
  reasoningWorkload,
  textWorkload,
  toolWorkload,
  type Workload,
} from './workloads';

const [name = 'ours', kind = 'text', split = 'bulk', runs = '20', id = 'v2'] =
  process.argv.slice(2);
const messages = name === 'messages' || name === 'anthropic';
if (!messages && !isProviderName(name))
  throw new Error(
    `Unknown provider ${name}; one of ${providerNames.join(', ')}, messages, anthropic`,
  );
if (!isGenerationId(id))
  throw new Error(`Unknown generation ${id}; one of ${generationIds.join(', ')}`);
const generation = await loadGeneration(id);

const chatWorkloads: Record<string, () => Workload> = {
  text: () => textWorkload(20_000),
  tool: () => toolWorkload(1, 20_000),
  tools: () => toolWorkload(4, 5_000),
  reasoning: () => reasoningWorkload(15_000, 5_000),
};
const messagesWorkloads: Record<string, () => Workload> = {
  text: () => messagesTextWorkload(20_000),
  tool: () => messagesToolWorkload(20_000),
  thinking: () => messagesThinkingWorkload(15_000, 5_000),
};
const makeWorkload = (messages ? messagesWorkloads : chatWorkloads)[kind];
if (makeWorkload === undefined)
  throw new Error(
    `Unknown workload ${kind}; one of ${Object.keys(messages ? messagesWorkloads : chatWorkloads).join(', ')}`,
  );
const workload = makeWorkload();

const bytes = [...(split === 'per-event' ? eventReads : reads)(workload.events())];
const model = (): BenchModel =>
  messages
    ? createMessagesModel(generation, name === 'messages' ? 'ours' : 'anthropic', bytes.values())
    : createModel(generation, isProviderName(name) ? name : 'ours', bytes.values());
const label =
  name === 'messages'
    ? `${generation.messages.ours.label} (Messages)`
    : name === 'anthropic'
      ? generation.messages.anthropic.label
      : generation.contenders[isProviderName(name) ? name : 'ours'].label;

const start = performance.now();
for (let i = 0; i < Number(runs); i++) await runDoStream(model());
const usPerChunk = ((performance.now() - start) * 1000) / Number(runs) / workload.chunks;
console.log(
  `${label}, ${workload.name}, ${split}: ${usPerChunk.toFixed(2)} µs/chunk (mean of ${runs} runs, warm-up included)`,
);
