// Conformance: where each call goes. `langdock(id)` routes by id (Claude ids, `@default` spelling included, to
// Messages), `chat(id)` and `messages(id)` force a route, `LANGDOCK_GATEWAY=1` selects the gateway as `gateway: true`
// does, and embeddings follow the destination. Checked on every entry against both emulators.
import { embed, generateText } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LangdockEmulator } from '../../emulator/index';
import { createLangdock as createRoot, langdock as rootLangdock } from '../../src/index';
import { createLangdock as createV3, langdock as v3Langdock } from '../../src/v3/index';
import { createLangdock as createV4, langdock as v4Langdock } from '../../src/v4/index';
import {
  ANTHROPIC_VERSION,
  calls,
  CLAUDE,
  ENTRIES,
  GPT,
  KEY,
  MODES,
  routePath,
  settingsFor,
  useEmulators,
  type Entry,
  type Mode,
} from './conformance-cells';

const emulators = useEmulators();
const PROMPT = 'Say hello.';
const ANSWER = 'You said: "Say hello.". This is a deterministic reply from the Langdock emulator.';

afterEach(() => void vi.unstubAllEnvs());

interface AnyProvider {
  (modelId: string): unknown;
  chat(modelId: string): unknown;
  messages(modelId: string): unknown;
  embeddingModel(modelId: string): unknown;
}

function providerOf(entry: Entry, mode: Mode, emulator: LangdockEmulator): AnyProvider {
  const settings = settingsFor(mode, emulator);
  if (entry === 'root') return createRoot(settings) as unknown as AnyProvider;
  if (entry === 'v3') return createV3(settings) as unknown as AnyProvider;
  return createV4(settings) as unknown as AnyProvider;
}

const defaultInstance = (entry: Entry): AnyProvider =>
  (entry === 'root'
    ? rootLangdock
    : entry === 'v3'
      ? v3Langdock
      : v4Langdock) as unknown as AnyProvider;

/** One text call through the entry's way of calling: ai@5 for the root, doGenerate for /v3 and /v4. */
async function textOf(entry: Entry, model: unknown): Promise<string> {
  if (entry === 'root')
    return (
      await generateText({
        model: model as Parameters<typeof generateText>[0]['model'],
        prompt: PROMPT,
      })
    ).text;
  const result = await (
    model as {
      doGenerate(options: object): Promise<{ content: Array<{ type: string; text?: string }> }>;
    }
  ).doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }] });
  return result.content.map((part) => part.text ?? '').join('');
}

describe.each(ENTRIES.flatMap((entry) => MODES.map((mode) => ({ entry, mode }))))(
  'routes: $entry $mode',
  ({ entry, mode }) => {
    const emulator = () => emulators.of(mode);

    it("the '@default' spelling of a Claude id goes to Messages as it is", async () => {
      const id = 'claude-sonnet-4-6@default';
      expect(await textOf(entry, providerOf(entry, mode, emulator())(id))).toBe(ANSWER);
      expect(calls(emulator())).toEqual([`POST ${routePath({ model: CLAUDE, mode })}`]);
      expect(emulator().requests[0]!.headers['anthropic-version']).toBe(ANTHROPIC_VERSION);
      expect((emulator().requests[0]!.body as { model: string }).model).toBe(id);
    });

    it('chat(claude id) and messages(gpt id) force the route', async () => {
      const provider = providerOf(entry, mode, emulator());
      const chat = textOf(entry, provider.chat(CLAUDE.id));
      const messages = textOf(entry, provider.messages(GPT.id));
      if (mode === 'gateway') {
        // The gateway serves every model on both formats.
        expect(await chat).toBe(ANSWER);
        expect(await messages).toBe(ANSWER);
      } else {
        // The classic API serves Claude on its Anthropic route only, GPT on its OpenAI route only.
        await expect(chat).rejects.toMatchObject({ statusCode: 404 });
        await expect(messages).rejects.toMatchObject({
          statusCode: 400,
          message: expect.stringContaining('Invalid model'),
        });
      }
      expect(calls(emulator()).sort()).toEqual(
        [
          `POST ${routePath({ model: { ...CLAUDE, route: 'chat' }, mode })}`,
          `POST ${routePath({ model: { ...GPT, route: 'messages' }, mode })}`,
        ].sort(),
      );
    });

    it('embeddings go to the destination’s /embeddings', async () => {
      const provider = providerOf(entry, mode, emulator());
      const model = provider.embeddingModel('text-embedding-3-small');
      if (entry === 'root') {
        const { embedding } = await embed({
          model: model as Parameters<typeof embed>[0]['model'],
          value: 'sunny',
        });
        expect(embedding).toHaveLength(1536);
      } else {
        const { embeddings } = await (
          model as { doEmbed(options: object): Promise<{ embeddings: number[][] }> }
        ).doEmbed({ values: ['sunny'] });
        expect(embeddings[0]).toHaveLength(1536);
      }
      expect(calls(emulator())).toEqual([
        `POST ${mode === 'gateway' ? '/v1/embeddings' : '/openai/eu/v1/embeddings'}`,
      ]);
    });

    it(`the default instance reads ${mode === 'gateway' ? 'LANGDOCK_GATEWAY=1 and ' : ''}LANGDOCK_BASE_URL`, async () => {
      vi.stubEnv('LANGDOCK_API_KEY', KEY);
      vi.stubEnv(
        'LANGDOCK_BASE_URL',
        mode === 'gateway' ? emulator().gatewayBaseURL : emulator().baseURL,
      );
      vi.stubEnv('LANGDOCK_GATEWAY', mode === 'gateway' ? '1' : '0');
      const provider = defaultInstance(entry);
      expect(await textOf(entry, provider(GPT.id))).toBe(ANSWER);
      expect(await textOf(entry, provider(CLAUDE.id))).toBe(ANSWER);
      expect(calls(emulator())).toEqual([
        `POST ${routePath({ model: GPT, mode })}`,
        `POST ${routePath({ model: CLAUDE, mode })}`,
      ]);
      expect(emulator().requests.map((request) => request.headers.authorization)).toEqual([
        `Bearer ${KEY}`,
        `Bearer ${KEY}`,
      ]);
    });
  },
);
