// Claude through Anthropic Messages, per entry: ours against the generation's `@ai-sdk/anthropic` and the floor,
// and against our own chat path on the chat counterpart of each workload, all interleaved in one process.
import {
  createMessagesModel,
  createModel,
  floor,
  messagesProviderNames,
  runDoStream,
  streamFloor,
  type Generation,
  type Summary,
} from './contenders';
import { compare } from './measure';
import {
  messagesTextWorkload,
  messagesThinkingWorkload,
  messagesToolWorkload,
} from './messages-workloads';
import { check, print, ratio, splits, us, verify } from './report';
import { n, timing } from './settings';
import { reads, reasoningWorkload, textWorkload, toolWorkload, type Workload } from './workloads';

/** The per-chunk cost the Messages path may have over the chat path: the noise of one figure. */
const chatLimit = 1.1;

/** Each Messages workload with its chat counterpart: the same words in the same number of chunks. */
export const messagesWorkloads = (): { messages: Workload; chat: Workload }[] => [
  { messages: messagesTextWorkload(n(20_000)), chat: textWorkload(n(20_000)) },
  { messages: messagesToolWorkload(n(20_000)), chat: toolWorkload(1, n(20_000)) },
  {
    messages: messagesThinkingWorkload(n(15_000), n(5_000)),
    chat: reasoningWorkload(n(15_000), n(5_000)),
  },
];

/** `growth`: also time 10x the input deltas (the tool input tracker is shared by the entries, so once is enough). */
export async function messagesSection(generation: Generation, growth: boolean): Promise<void> {
  const { messages } = generation;
  const entry = `${generation.entry.replace('langdock-ai-provider', 'ours')} Messages`;
  print(
    `### Claude on Anthropic Messages: \`${generation.entry}\` (${generation.spec}, ${generation.ai}) on Node ${process.version}`,
  );
  print();
  print(
    `ours: ${messages.ours.label}, \`langdock('claude-sonnet-4-6-default')\` (routed to Messages by its id); anthropic: ${messages.anthropic.label}; ` +
      `chat path: ours on \`gpt-4.1\`, fed each workload's chat counterpart (the same words in as many chunks: content, tool-call argument, \`reasoning_content\` deltas)`,
  );
  print();
  for (const { label, short, split } of splits) {
    print(
      `doStream, µs per chunk (text, thinking or input_json delta), median of ${timing.rounds} interleaved runs, ${label}`,
    );
    print();
    print(
      `| workload | floor | floor + streams | ours | anthropic | ours / floor | ours / (floor + streams) | ours / anthropic (≤ 0.5x) | chat: floor | chat: ours | chat: ours / floor | ours / chat path (≤ ${chatLimit}x) |`,
    );
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const pair of messagesWorkloads()) {
      const [bytes, chatBytes] = [
        [...split(pair.messages.events())],
        [...split(pair.chat.events())],
      ];
      const contenders: Record<string, () => unknown> = {
        floor: () => floor(bytes),
        streamFloor: () => streamFloor(bytes.values()),
        chatFloor: () => floor(chatBytes),
        chat: () => runDoStream(createModel(generation, 'ours', chatBytes.values())),
      };
      for (const name of messagesProviderNames)
        contenders[name] = () => runDoStream(createMessagesModel(generation, name, bytes.values()));
      const t = await compare(contenders, timing);
      for (const name of messagesProviderNames)
        verify(pair.messages, messages[name].label, t[name]!.result as Summary);
      verify(pair.chat, generation.contenders.ours.label, t.chat!.result as Summary);
      const w = pair.messages;
      const [ours, anthropic, chat] = [t.ours!.ms, t.anthropic!.ms, t.chat!.ms];
      const name = `${entry}, ${w.name}, ${short}`;
      print(
        `| ${w.name} | ${us(t.floor!, w)} | ${us(t.streamFloor!, w)} | ${us(t.ours!, w)} | ${us(t.anthropic!, w)} ` +
          `| ${ratio(ours, t.floor!.ms)} | ${ratio(ours, t.streamFloor!.ms)} ` +
          `| ${ratio(ours, anthropic)} ${check(ours <= 0.5 * anthropic, `${name}: ours ≤ 0.5x anthropic`)} ` +
          `| ${us(t.chatFloor!, pair.chat)} | ${us(t.chat!, pair.chat)} | ${ratio(chat, t.chatFloor!.ms)} ` +
          `| ${ratio(ours, chat)} ${check(ours <= chatLimit * chat, `${name}: ours ≤ ${chatLimit}x the chat path`)} |`,
      );
    }
    print();
  }
  if (growth) await messagesGrowth(generation, entry);
}

async function messagesGrowth(generation: Generation, entry: string): Promise<void> {
  print(
    'Growth: time for 10x the input deltas, 16 KiB reads, both sizes in the same interleaved rounds (linear would be 10x; target ≤ 11x)',
  );
  print();
  print('| workload | ours | anthropic |');
  print('|---|---:|---:|');
  const [a, b] = [messagesToolWorkload(n(2_000)), messagesToolWorkload(n(20_000))];
  const [bytesA, bytesB] = [[...reads(a.events())], [...reads(b.events())]];
  const contenders: Record<string, () => Promise<Summary>> = {};
  for (const name of messagesProviderNames) {
    contenders[`${name} small`] = () =>
      runDoStream(createMessagesModel(generation, name, bytesA.values()));
    contenders[`${name} large`] = () =>
      runDoStream(createMessagesModel(generation, name, bytesB.values()));
  }
  const t = await compare(contenders, timing);
  for (const name of messagesProviderNames) {
    verify(a, generation.messages[name].label, t[`${name} small`]!.result);
    verify(b, generation.messages[name].label, t[`${name} large`]!.result);
  }
  const grew = (name: string) => t[`${name} large`]!.ms / t[`${name} small`]!.ms;
  print(
    `| ${a.name} → ${b.chunks / 1000}k | ${ratio(grew('ours'), 1)} ${check(grew('ours') <= 11, `${entry}, ${a.name}: linear growth`)} | ${ratio(grew('anthropic'), 1)} |`,
  );
  print();
}
