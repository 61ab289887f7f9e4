// One contender on one workload in a loop, for `node --cpu-prof`:
// node --cpu-prof bench/.out/profile.mjs [ours|openai-compatible|openai chat] [text|tool|tools] [bulk|per-event] [runs] [v2|v3|v4]
// The last argument picks the generation (v2: the root entry and the ai@5 providers; v4 wants Node 22+).
import { createModel, isProviderName, providerNames, runDoStream } from './contenders';
import { generationIds, isGenerationId, loadGeneration } from './generations';
import { eventReads, reads, textWorkload, toolWorkload } from './workloads';

const [name = 'ours', kind = 'text', split = 'bulk', runs = '20', id = 'v2'] =
  process.argv.slice(2);
if (!isProviderName(name))
  throw new Error(`Unknown provider ${name}; one of ${providerNames.join(', ')}`);
if (!isGenerationId(id))
  throw new Error(`Unknown generation ${id}; one of ${generationIds.join(', ')}`);
const generation = await loadGeneration(id);
const workload =
  kind === 'text'
    ? textWorkload(20_000)
    : kind === 'tool'
      ? toolWorkload(1, 20_000)
      : toolWorkload(4, 5_000);
const bytes = [...(split === 'per-event' ? eventReads : reads)(workload.events())];
const start = performance.now();
for (let i = 0; i < Number(runs); i++)
  await runDoStream(createModel(generation, name, bytes.values()));
const usPerChunk = ((performance.now() - start) * 1000) / Number(runs) / workload.chunks;
console.log(
  `${generation.contenders[name].label}, ${workload.name}, ${split}: ${usPerChunk.toFixed(2)} µs/chunk (mean of ${runs} runs, warm-up included)`,
);
