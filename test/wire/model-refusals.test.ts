// Issue #20, refusals that name a fix: Langdock's "Invalid model" 400 and a model that refuses temperature, against
// the emulator, as the library reports them.
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_IDS } from '../../emulator/index';
import { echo, emulatorPerTest, failure, langdockOn, requestsTo } from './wire-emulator';

const emulators = emulatorPerTest();
const LIST_MODELS = 'provider.listModels() lists every model this key can use';

describe('"Invalid model, available models are: …"', () => {
  it('on the chat route: the closest ids of the cut list, and listModels()', async () => {
    const emulator = await emulators.start({
      unknownModel: 'invalid-model',
      invalidModelListLength: 4,
      models: ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'gpt-5', 'o3'],
    });
    const error = await failure(
      generateText({ model: langdockOn(emulator)('gpt-4.2'), prompt: 'Hi' }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
      status: 400,
      retryable: false,
    });
    expect(apiError.message).toContain(
      'Langdock API error 400: Invalid model, available models are: gpt-4.1, gpt-4.1-mini, gpt-4o, gpt-4o-mini, ….',
    );
    expect(apiError.message).toContain(
      `Langdock does not serve "gpt-4.2" here; the closest ids in its list are gpt-4.1, gpt-4o, gpt-4.1-mini (the list may be cut short: ${LIST_MODELS}).`,
    );
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(1);
  });

  it('on the Anthropic route: a Claude id close to a served one', async () => {
    const emulator = await emulators.start();
    const error = await failure(
      generateText({ model: langdockOn(emulator)('claude-sonnet-4-6'), prompt: 'Hi' }),
    );
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(400);
    expect(apiError.message).toContain(
      'Langdock does not serve "claude-sonnet-4-6" here; the closest ids in its list are claude-sonnet-4-6-default,',
    );
    expect(apiError.message).toContain(LIST_MODELS);
  });

  it('the backend’s 404 for an unknown model names listModels() too', async () => {
    const emulator = await emulators.start();
    const error = await failure(
      generateText({ model: langdockOn(emulator)('gpt-4.2'), prompt: 'Hi' }),
    );
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(404);
    expect(apiError.message).toContain(LIST_MODELS);
  });
});

describe('a model that refuses temperature ("`temperature` is deprecated for this model")', () => {
  it('on chat completions: the error names the AI SDK setting to leave out', async () => {
    const emulator = await emulators.start({
      models: [...DEFAULT_MODEL_IDS, { id: 'house-model', samplingDeprecated: true }],
    });
    const error = await failure(
      generateText({ model: langdockOn(emulator)('house-model'), prompt: 'Hi', temperature: 0.3 }),
    );
    const apiError = error as APICallError;
    expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
      status: 400,
      retryable: false,
    });
    expect(apiError.message).toContain(
      'Langdock API error 400: `temperature` is deprecated for this model. This model does not take `temperature`: leave temperature out of the call (generateText, streamText), or choose a model that takes it.',
    );
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(1);
  });

  it('on Messages, Claude Opus 4.8 and Sonnet 5: the library leaves it out with a warning, and the call passes', async () => {
    const emulator = await emulators.start();
    for (const model of ['claude-opus-4-8-default', 'claude-sonnet-5-default']) {
      const result = await generateText({
        model: langdockOn(emulator)(model),
        prompt: 'Hi',
        temperature: 0.3,
      });
      expect(result.text).toBe(echo('Hi'));
      expect(result.warnings).toContainEqual({
        type: 'unsupported-setting',
        setting: 'temperature',
        details: `${model} refuses sampling settings (as Claude Opus 4.7 and later do); it was not sent.`,
      });
    }
    const sent = requestsTo(emulator, '/messages').map(
      (request) => (request.body as { temperature?: number }).temperature,
    );
    expect(sent).toEqual([undefined, undefined]);
  });
});
