import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { parseLangdockMessagesOptions } from '../../../src/core/messages/langdock-messages-options';

describe('parseLangdockMessagesOptions', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['nothing', {}, {}],
    [
      'enabled thinking',
      { thinking: { type: 'enabled', budgetTokens: 4096 } },
      { thinking: { type: 'enabled', budgetTokens: 4096 } },
    ],
    [
      'adaptive thinking with effort and display',
      { thinking: { type: 'adaptive', effort: 'xhigh', display: 'omitted' } },
      { thinking: { type: 'adaptive', effort: 'xhigh', display: 'omitted' } },
    ],
    ['disabled thinking', { thinking: { type: 'disabled' } }, { thinking: { type: 'disabled' } }],
    ['sendReasoning', { sendReasoning: false }, { sendReasoning: false }],
    ['extraBody', { extraBody: { service_tier: 'auto' } }, { extraBody: { service_tier: 'auto' } }],
    ['a null option (unset)', { sendReasoning: null }, {}],
  ])('accepts %s', (_name, langdock, expected) => {
    expect(parseLangdockMessagesOptions({ langdock })).toEqual(expected);
  });

  it('reads nothing when there are no provider options', () => {
    expect(parseLangdockMessagesOptions(undefined)).toEqual({});
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'an unknown key, pointing at extraBody',
      { topK: 3 },
      /providerOptions\.langdock: .*topK.*extraBody/,
    ],
    [
      'a budget below 1024',
      { thinking: { type: 'enabled', budgetTokens: 512 } },
      /providerOptions\.langdock\.thinking\.budgetTokens/,
    ],
    [
      'an unknown effort',
      { thinking: { type: 'adaptive', effort: 'extreme' } },
      /providerOptions\.langdock\.thinking\.effort/,
    ],
    [
      'effort on enabled thinking',
      { thinking: { type: 'enabled', effort: 'low' } },
      /providerOptions\.langdock\.thinking/,
    ],
    [
      'an unknown thinking type',
      { thinking: { type: 'auto' } },
      /providerOptions\.langdock\.thinking/,
    ],
    [
      'a budget with adaptive thinking',
      { thinking: { type: 'adaptive', budgetTokens: 2048 } },
      /thinking\.budgetTokens: budgetTokens goes with type 'enabled', not 'adaptive'/,
    ],
    [
      'an effort with budget thinking',
      { thinking: { type: 'enabled', effort: 'high' } },
      /thinking\.effort: effort goes with type 'adaptive', not 'enabled'/,
    ],
    [
      'sendReasoning not a boolean',
      { sendReasoning: 'yes' },
      /providerOptions\.langdock\.sendReasoning/,
    ],
  ])('refuses %s', (_name, langdock, message) => {
    expect(() => parseLangdockMessagesOptions({ langdock })).toThrow(InvalidArgumentError);
    expect(() => parseLangdockMessagesOptions({ langdock })).toThrow(message);
  });
});
