import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { backendError, call, embeddings } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ rateLimit: false });
});

afterAll(async () => {
  await emulator.close();
});

interface EmbeddingBody {
  object: string;
  data: Array<{ object: string; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

async function embed(body: Record<string, unknown>): Promise<EmbeddingBody> {
  const result = await embeddings(emulator, body);
  expect(result.status).toBe(200);
  return result.json as EmbeddingBody;
}

function vector(body: EmbeddingBody, index = 0): number[] {
  const embedding = body.data[index]?.embedding;
  if (!Array.isArray(embedding)) throw new Error('expected a float embedding');
  return embedding;
}

const norm = (values: number[]): number =>
  Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
const cosine = (a: number[], b: number[]): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0) / (norm(a) * norm(b));

describe('embeddings', () => {
  it('answers in OpenAI shape with default sizes and usage', async () => {
    const body = await embed({
      model: 'text-embedding-3-small',
      input: ['hello world', 'another text'],
    });
    expect(body.object).toBe('list');
    expect(body.model).toBe('text-embedding-3-small');
    expect(body.data.map((item) => [item.object, item.index])).toEqual([
      ['embedding', 0],
      ['embedding', 1],
    ]);
    expect(vector(body)).toHaveLength(1536);
    expect(body.usage).toEqual({ prompt_tokens: 3 + 3, total_tokens: 6 });
    expect(vector(await embed({ model: 'text-embedding-3-large', input: 'x' }))).toHaveLength(3072);
    expect(vector(await embed({ model: 'text-embedding-ada-002', input: 'x' }))).toHaveLength(1536);
  });

  it('is deterministic, normalized, and similar for texts sharing words', async () => {
    const a = vector(
      await embed({ model: 'text-embedding-3-small', input: 'the cat sat on the mat' }),
    );
    const again = vector(
      await embed({ model: 'text-embedding-3-small', input: 'the cat sat on the mat' }),
    );
    const near = vector(
      await embed({ model: 'text-embedding-3-small', input: 'the cat sat on a mat' }),
    );
    const far = vector(
      await embed({ model: 'text-embedding-3-small', input: 'quarterly revenue grew strongly' }),
    );
    expect(again).toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(cosine(a, near)).toBeGreaterThan(0.7);
    expect(Math.abs(cosine(a, far))).toBeLessThan(0.2);
  });

  it('shortens text-embedding-3 vectors to dimensions, keeping the leading direction', async () => {
    const full = vector(await embed({ model: 'text-embedding-3-large', input: 'shorten me' }));
    const short = vector(
      await embed({ model: 'text-embedding-3-large', input: 'shorten me', dimensions: 256 }),
    );
    expect(short).toHaveLength(256);
    expect(norm(short)).toBeCloseTo(1, 5);
    const head = full.slice(0, 256);
    expect(cosine(head, short)).toBeCloseTo(1, 5);
  });

  it('encodes base64 as little-endian float32 with the same numbers', async () => {
    const floats = vector(
      await embed({
        model: 'text-embedding-3-small',
        input: 'encode me',
        encoding_format: 'float',
      }),
    );
    const encoded = (
      await embed({
        model: 'text-embedding-3-small',
        input: 'encode me',
        encoding_format: 'base64',
      })
    ).data[0]?.embedding;
    expect(typeof encoded).toBe('string');
    const bytes = Buffer.from(String(encoded), 'base64');
    const decoded = Array.from(
      new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4),
    );
    expect(decoded).toEqual(floats);
  });

  it.each([
    {
      rule: 'dimensions only on text-embedding-3',
      body: { model: 'text-embedding-ada-002', input: 'x', dimensions: 256 },
      status: 400,
      message:
        "'dimensions' is not supported by model 'text-embedding-ada-002'; only text-embedding-3 models take it.",
      param: 'dimensions',
      code: 'unsupported_parameter',
    },
    {
      rule: 'dimensions within the native size',
      body: { model: 'text-embedding-3-small', input: 'x', dimensions: 2000 },
      status: 400,
      message:
        "'dimensions' must be an integer between 1 and 1536 for model 'text-embedding-3-small'.",
      param: 'dimensions',
      code: null,
    },
    {
      rule: 'encoding_format float or base64',
      body: { model: 'text-embedding-3-small', input: 'x', encoding_format: 'int8' },
      status: 400,
      message: "'encoding_format' must be 'float' or 'base64'.",
      param: 'encoding_format',
      code: null,
    },
    {
      rule: 'input must be text',
      body: { model: 'text-embedding-3-small', input: [1, 2, 3] },
      status: 400,
      message: "'input[0]' must be a non-empty string.",
      param: 'input[0]',
      code: null,
    },
    {
      rule: 'input must be present',
      body: { model: 'text-embedding-3-small' },
      status: 400,
      message: "'input' must be a string or an array of 1 to 2048 strings.",
      param: 'input',
      code: null,
    },
    {
      rule: 'inputs over 8192 tokens',
      body: { model: 'text-embedding-3-small', input: ['ok', 'x'.repeat(8192 * 4 + 1)] },
      status: 400,
      message: "'input[1]' has about 8193 tokens; the maximum is 8192 tokens per input.",
      param: 'input[1]',
      code: null,
    },
    {
      rule: 'unknown model',
      body: { model: 'text-embedding-4', input: 'x' },
      status: 404,
      message: "Model 'text-embedding-4' not found.",
      param: 'model',
      code: 'model_not_found',
    },
    {
      rule: 'chat model cannot embed',
      body: { model: 'gpt-4o', input: 'x' },
      status: 400,
      message: "Model 'gpt-4o' does not support embeddings.",
      param: 'model',
      code: 'unsupported_model',
    },
  ])('$rule -> $status', async ({ body, status, message, param, code }) => {
    const result = await embeddings(emulator, body);
    expect(result.status).toBe(status);
    expect(result.json).toEqual(backendError(message, param, code));
  });

  it('accepts exactly 8192 estimated tokens', async () => {
    const body = await embed({ model: 'text-embedding-3-small', input: 'x'.repeat(8192 * 4) });
    expect(body.usage.prompt_tokens).toBe(8192);
  });

  it('counts CJK text as a token per character against the 8192-token limit', async () => {
    const fits = await embed({
      model: 'text-embedding-3-small',
      input: ['东京'.repeat(4096), 'ok'],
    });
    expect(fits.usage).toEqual({ prompt_tokens: 8192 + 1, total_tokens: 8192 + 1 });
    const result = await embeddings(emulator, {
      model: 'text-embedding-3-small',
      input: ['ok', `${'东京'.repeat(4096)}都`],
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(
      backendError(
        "'input[1]' has about 8193 tokens; the maximum is 8192 tokens per input.",
        'input[1]',
      ),
    );
  });
});

describe('models list', () => {
  it('lists the default models in OpenAI list shape with created in milliseconds', async () => {
    const result = await call(`${emulator.baseURL}/models`);
    expect(result.status).toBe(200);
    const body = result.json as {
      object: string;
      data: Array<{ id: string; object: string; created: number; owned_by: string }>;
    };
    expect(body.object).toBe('list');
    // Every row of the emulator's model table, in table order.
    expect(body.data.map((model) => model.id)).toEqual([
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
      'gpt-5-chat',
      'gpt-5.1',
      'gpt-5.1-chat',
      'gpt-5.2',
      'gpt-5.4',
      'gpt-5.5',
      'gpt-5.6',
      'o1',
      'o3',
      'o3-mini',
      'o4-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-35-turbo',
      'DeepSeek-R1',
      'text-embedding-3-small',
      'text-embedding-3-large',
      'text-embedding-ada-002',
    ]);
    expect(body.data[0]).toEqual({
      id: 'gpt-5',
      object: 'model',
      created: 1_715_000_000_000,
      owned_by: 'system',
    });
  });

  it('uses configured models for the list and for validation', async () => {
    const custom = await startLangdockEmulator({
      models: ['my-model', { id: 'my-reasoner', reasoning: true, created: 5 }],
    });
    try {
      const list = await call(`${custom.baseURL}/models`);
      expect(list.json).toEqual({
        object: 'list',
        data: [
          { id: 'my-model', object: 'model', created: 1_715_000_000_000, owned_by: 'system' },
          { id: 'my-reasoner', object: 'model', created: 5, owned_by: 'system' },
        ],
      });
      const gone = await call(`${custom.baseURL}/chat/completions`, {
        body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] },
      });
      expect(gone.status).toBe(404);
      const reasoner = await call(`${custom.baseURL}/chat/completions`, {
        body: { model: 'my-reasoner', messages: [{ role: 'user', content: 'x' }], max_tokens: 5 },
      });
      expect(reasoner.status).toBe(400);
    } finally {
      await custom.close();
    }
  });
});
