// One part of `npm run bench` in its own process, so each process holds one generation's providers (as a
// user's would) and the ai@7 generation can run on its own Node. bench.ts starts these:
//   node bench/.out/section.mjs generation v2|v3|v4 [--growth] [--quick]   doStream against the generic providers, streamText
//   node bench/.out/section.mjs messages v2|v3|v4 [--growth] [--quick]     Claude on Messages against @ai-sdk/anthropic and our chat path
//   node bench/.out/section.mjs entries [--quick]                           root, /v3 and /v4 on the same bytes, chat and Messages
// Prints Markdown; sends the targets it missed to the parent; exits non-zero when a contender parses wrongly.
import {
  createMessagesModel,
  createModel,
  floor,
  providerNames,
  runDoStream,
  streamFloor,
  type Generation,
  type ProviderName,
  type Summary,
} from './contenders';
import { generationIds, isGenerationId, loadGeneration } from './generations';
import { compare, type Timed } from './measure';
import { n, streamTextTiming, timing } from './settings';
import { messagesSection, messagesWorkloads } from './messages-section';
import { check, missed, print, ratio, splits, us, verify } from './report';
import { reads, textWorkload, toolWorkload, type Workload } from './workloads';

const workloads = () => [
  textWorkload(n(20_000)),
  toolWorkload(1, n(20_000)),
  toolWorkload(4, n(5_000)),
];

async function timeDoStream(
  generation: Generation,
  workload: Workload,
  split = reads,
): Promise<Record<'floor' | 'streamFloor' | ProviderName, Timed<unknown>>> {
  const bytes = [...split(workload.events())];
  const contenders: Record<string, () => unknown> = {
    floor: () => floor(bytes),
    streamFloor: () => streamFloor(bytes.values()),
  };
  for (const name of providerNames)
    contenders[name] = () => runDoStream(createModel(generation, name, bytes.values()));
  const timed = await compare(contenders, timing);
  for (const name of providerNames)
    verify(workload, generation.contenders[name].label, timed[name]!.result as Summary);
  return timed;
}

/** `growth`: also time 10x the deltas (the tool-call tracker is shared by the entries, so once is enough). */
async function generationSection(generation: Generation, growth: boolean): Promise<void> {
  const { contenders } = generation;
  const entry = generation.entry.replace('langdock-ai-provider', 'ours');
  print(
    `### \`${generation.entry}\` (${generation.spec}, ${generation.ai}) on Node ${process.version}`,
  );
  print();
  print(
    `ours: ${contenders.ours.label}; openai-compatible: ${contenders['openai-compatible'].label} \`chatModel\`; openai chat: ${contenders['openai chat'].label} \`.chat\``,
  );
  print();
  for (const { label, short, split } of splits) {
    print(
      `doStream, µs per chunk (content chunk or argument delta), median of ${timing.rounds} interleaved runs, ${label}`,
    );
    print();
    print(
      '| workload | floor | floor + streams | ours | openai-compatible | openai chat | ours / floor (≤ 2x) | ours / (floor + streams) | ours / openai-compatible (≤ 0.5x) |',
    );
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const workload of workloads()) {
      const t = await timeDoStream(generation, workload, split);
      const ours = t.ours.ms;
      const name = `${entry}, ${workload.name}, ${short}`;
      print(
        `| ${workload.name} | ${us(t.floor, workload)} | ${us(t.streamFloor, workload)} | ${us(t.ours, workload)} | ${us(t['openai-compatible'], workload)} | ${us(t['openai chat'], workload)} ` +
          `| ${ratio(ours, t.floor.ms)} ${check(ours <= 2 * t.floor.ms, `${name}: ours ≤ 2x floor`)} | ${ratio(ours, t.streamFloor.ms)} ` +
          `| ${ratio(ours, t['openai-compatible'].ms)} ${check(ours <= 0.5 * t['openai-compatible'].ms, `${name}: ours ≤ 0.5x openai-compatible`)} |`,
      );
    }
    print();
  }

  if (growth) {
    print(
      'Growth: time for 10x the deltas, 16 KiB reads, both sizes in the same interleaved rounds (linear would be 10x; target ≤ 11x)',
    );
    print();
    print('| workload | ours | openai-compatible | openai chat |');
    print('|---|---:|---:|---:|');
    for (const [calls, small] of [
      [1, n(2_000)],
      [4, n(500)],
    ] as const) {
      const [a, b] = [toolWorkload(calls, small), toolWorkload(calls, small * 10)];
      const [bytesA, bytesB] = [[...reads(a.events())], [...reads(b.events())]];
      // One round runs every provider on both sizes, so a burst of load hits the small and the large run alike.
      const contenders: Record<string, () => Promise<Summary>> = {};
      for (const name of providerNames) {
        contenders[`${name} small`] = () =>
          runDoStream(createModel(generation, name, bytesA.values()));
        contenders[`${name} large`] = () =>
          runDoStream(createModel(generation, name, bytesB.values()));
      }
      const t = await compare(contenders, timing);
      for (const name of providerNames) {
        verify(a, generation.contenders[name].label, t[`${name} small`]!.result);
        verify(b, generation.contenders[name].label, t[`${name} large`]!.result);
      }
      const grew = (name: ProviderName) => t[`${name} large`]!.ms / t[`${name} small`]!.ms;
      print(
        `| ${a.name} → ${b.chunks / calls / 1000}k | ${ratio(grew('ours'), 1)} ${check(grew('ours') <= 11, `${entry}, ${a.name}: linear growth`)} ` +
          `| ${ratio(grew('openai-compatible'), 1)} | ${ratio(grew('openai chat'), 1)} |`,
      );
    }
    print();
  }

  const { streamText } = generation;
  if ('missing' in streamText) {
    print(`End to end: \`streamText\` (${generation.ai}) not measured: ${streamText.missing}.`);
    print();
    return;
  }
  print(
    `End to end: \`streamText\` (${streamText.label}) with its full stream drained, 16 KiB reads, ms per stream, median of ${streamTextTiming.rounds} interleaved runs`,
  );
  print();
  print('| workload | ours | openai-compatible | openai chat | ours / openai-compatible (< 1x) |');
  print('|---|---:|---:|---:|---:|');
  for (const workload of [textWorkload(n(20_000)), toolWorkload(1, n(20_000))]) {
    const bytes = [...reads(workload.events())];
    const contenders: Record<string, () => Promise<Summary>> = {};
    for (const name of providerNames) contenders[name] = () => streamText.run(name, bytes.values());
    const t = await compare(contenders, streamTextTiming);
    for (const name of providerNames)
      verify(workload, `streamText with ${generation.contenders[name].label}`, t[name]!.result);
    const [ours, compat] = [t.ours!.ms, t['openai-compatible']!.ms];
    print(
      `| streamText, ${workload.name} | ${ours.toFixed(1)} | ${compat.toFixed(1)} | ${t['openai chat']!.ms.toFixed(1)} ` +
        `| ${ratio(ours, compat)} ${check(ours < compat, `${entry}, streamText ${workload.name}: ours < openai-compatible`)} |`,
    );
  }
  print();
}

/** The per-chunk path is shared; only `stream-start` and `finish` differ per spec. This shows it costs the same through each entry, on either route. */
async function entriesSection(): Promise<void> {
  const generations = await Promise.all(generationIds.map(loadGeneration));
  const routes = [
    { route: 'chat', workloads: workloads(), model: createModel },
    {
      route: 'Messages',
      workloads: messagesWorkloads().map((pair) => pair.messages),
      model: (generation: Generation, name: 'ours', source: Iterator<Uint8Array>) =>
        createMessagesModel(generation, name, source),
    },
  ];
  // Within measurement noise: the same code runs per chunk, so anything above this is a real difference.
  const limit = 1.1;
  print(
    `### Entries side by side on Node ${process.version}: root, \`/v3\` and \`/v4\` in one process on the same bytes`,
  );
  print();
  print(`doStream, µs per chunk, median of ${timing.rounds} interleaved runs`);
  print();
  print(
    `| route | workload | reads | root (V2) | /v3 (V3) | /v4 (V4) | /v3 / root (≤ ${limit}x) | /v4 / root (≤ ${limit}x) |`,
  );
  print('|---|---|---|---:|---:|---:|---:|---:|');
  for (const { route, workloads: routeWorkloads, model } of routes) {
    for (const { short, split } of splits) {
      for (const workload of routeWorkloads) {
        const bytes = [...split(workload.events())];
        const contenders: Record<string, () => Promise<Summary>> = {};
        for (const generation of generations)
          contenders[generation.id] = () => runDoStream(model(generation, 'ours', bytes.values()));
        const t = await compare(contenders, timing);
        for (const generation of generations)
          verify(
            workload,
            `${generation.contenders.ours.label} (${route})`,
            t[generation.id]!.result,
          );
        const [root, v3, v4] = [t.v2!, t.v3!, t.v4!];
        const versus = (entry: Timed<Summary>, id: string) =>
          `${ratio(entry.ms, root.ms)} ${check(entry.ms <= limit * root.ms, `Node ${process.version}, ${route} ${workload.name}, ${short}: /${id} ≤ ${limit}x root`)}`;
        print(
          `| ${route} | ${workload.name} | ${short} | ${us(root, workload)} | ${us(v3, workload)} | ${us(v4, workload)} | ${versus(v3, 'v3')} | ${versus(v4, 'v4')} |`,
        );
      }
    }
  }
  print();
}

const [kind, id] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (kind === 'generation' && isGenerationId(id))
  await generationSection(await loadGeneration(id), process.argv.includes('--growth'));
else if (kind === 'messages' && isGenerationId(id))
  await messagesSection(await loadGeneration(id), process.argv.includes('--growth'));
else if (kind === 'entries') await entriesSection();
else
  throw new Error(
    `Unknown section "${process.argv.slice(2).join(' ')}": generation v2|v3|v4, messages v2|v3|v4, or entries`,
  );

// The parent collects what was missed for its summary; run alone, the section prints it.
if (process.send !== undefined) process.send({ missed }, () => process.disconnect());
else if (missed.length > 0) print(`Targets missed: ${missed.join('; ')}`);
