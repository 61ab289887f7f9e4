// One contender on one workload in a loop, for `node --cpu-prof`:
// node --cpu-prof bench/.out/profile.mjs [ours|openai-compatible|openai chat] [text|tool|tools] [bulk|per-event] [runs]
import { createModel, providerNames, runDoStream, type ProviderName } from './contenders';
import { eventReads, reads, textWorkload, toolWorkload } from './workloads';

const [name = 'ours', kind = 'text', split = 'bulk', runs = '20'] = process.argv.slice(2);
if (!providerNames.includes(name as ProviderName)) throw new Error(`Unknown provider ${name}; one of ${providerNames.join(', ')}`);
const workload = kind === 'text' ? textWorkload(20_000) : kind === 'tool' ? toolWorkload(1, 20_000) : toolWorkload(4, 5_000);
const bytes = [...(split === 'per-event' ? eventReads : reads)(workload.events())];
const start = performance.now();
for (let i = 0; i < Number(runs); i++) await runDoStream(createModel(name as ProviderName, bytes.values()));
const usPerChunk = ((performance.now() - start) * 1000) / Number(runs) / workload.chunks;
console.log(`${name}, ${workload.name}, ${split}: ${usPerChunk.toFixed(2)} µs/chunk (mean of ${runs} runs, warm-up included)`);
