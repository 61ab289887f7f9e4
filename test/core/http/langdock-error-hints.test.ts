import { describe, expect, it } from 'vitest';
import {
  describeLangdockInvalidModel,
  describeLangdockRefusedSetting,
  langdockRequestIdNote,
} from '../../../src/core/http/langdock-error-hints';

// Langdock's refusal of a wrong model on the Anthropic route, as seen live (the list cut short).
const INVALID_CLAUDE =
  'Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-8-default, claude-sonnet-5-default, claude-haiku-4-5-20251001, claude-haiku-4-5@20251001, claude-opus-4-6-def…';

describe('describeLangdockInvalidModel', () => {
  it.each([
    [
      'a misspelt id',
      'claude-sonet-4-6',
      'claude-sonnet-4-6-default, claude-sonnet-5-default, claude-opus-4-8-default',
    ],
    [
      'an id without its suffix',
      'claude-haiku-4-5',
      'claude-haiku-4-5-20251001, claude-haiku-4-5@20251001, claude-opus-4-8-default',
    ],
    [
      'a prefixed id',
      'eu.anthropic.claude-opus-4-8-default',
      'claude-opus-4-8-default, claude-sonnet-4-6-default, claude-sonnet-5-default',
    ],
  ])('names the closest ids for %s', (_, model, closest) => {
    expect(describeLangdockInvalidModel(INVALID_CLAUDE, model)).toBe(
      `Langdock does not serve "${model}" here; the closest ids in its list are ${closest} ` +
        '(the list may be cut short: provider.listModels() lists every model this key can use).',
    );
  });

  it('never offers the id the ellipsis cut', () => {
    expect(describeLangdockInvalidModel(INVALID_CLAUDE, 'claude-opus-4-6-default')).not.toContain(
      'claude-opus-4-6-def,',
    );
    expect(
      describeLangdockInvalidModel('Invalid model, available models are: a-1, a-2...', 'a-22'),
    ).toContain('the closest ids in its list are a-1 (');
  });

  it('names listModels() without a model id or a list', () => {
    expect(describeLangdockInvalidModel(INVALID_CLAUDE, undefined)).toBe(
      'Langdock does not serve this model here: provider.listModels() lists every model this key can use.',
    );
    expect(describeLangdockInvalidModel('Invalid model, available models are: ', 'x')).toBe(
      'Langdock does not serve this model here: provider.listModels() lists every model this key can use.',
    );
  });

  it.each([
    'No valid model in the request, and no default model set for this workspace',
    'The model `gpt-9` does not exist',
    undefined,
  ])('says nothing about %s', (detail) => {
    expect(describeLangdockInvalidModel(detail, 'gpt-9')).toBeUndefined();
  });
});

describe('describeLangdockRefusedSetting', () => {
  it.each([
    ['`temperature` is deprecated for this model', 'temperature', 'temperature'],
    ["'temperature' is not supported for this model", 'temperature', 'temperature'],
    ["Unsupported parameter: 'top_p' is not supported with this model.", 'top_p', 'topP'],
    [
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      'temperature',
      'temperature',
    ],
    [
      'presence_penalty is not supported (invalid_request_error)',
      'presence_penalty',
      'presencePenalty',
    ],
  ])('%s → leave %s out', (detail, parameter, setting) => {
    expect(describeLangdockRefusedSetting(detail)).toBe(
      `This model does not take \`${parameter}\`: leave ${setting} out of the call (generateText, streamText), or choose a model that takes it.`,
    );
  });

  it.each([
    'temperature must not be greater than 2',
    'Function tools with reasoning_effort are not supported for gpt-5.6-mini',
    "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    'stream_options is not supported',
    undefined,
  ])('says nothing about %s', (detail) => {
    expect(describeLangdockRefusedSetting(detail)).toBeUndefined();
  });
});

describe('langdockRequestIdNote', () => {
  it.each([
    [{ 'x-request-id': 'req_abc-123' }, undefined, '(request id req_abc-123)'],
    [
      {},
      { type: 'error', request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' },
      '(request id req_011CSHoEeqs5C35K2UUqR7Fy)',
    ],
    [{ 'x-request-id': 'r-1' }, { request_id: 'r-2' }, '(request id r-1)'],
    [{ 'x-request-id': '<html>not an id</html>' }, undefined, undefined],
    [{}, { request_id: 42 }, undefined],
    [{}, undefined, undefined],
  ])('%j with body %j', (headers, data, expected) => {
    expect(langdockRequestIdNote(headers, data)).toBe(expected);
  });
});
