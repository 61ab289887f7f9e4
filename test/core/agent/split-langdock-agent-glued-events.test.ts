import { describe, expect, it } from 'vitest';
import { splitLangdockGluedEvents } from '../../../src/core/agent/split-langdock-agent-glued-events';

describe('splitLangdockGluedEvents', () => {
  it.each([
    {
      name: 'two events on one line, as captured',
      data: '{"type":"text-delta","delta":"  \\n"}data: {"type":"text-delta","delta":"2"}',
      events: ['{"type":"text-delta","delta":"  \\n"}', '{"type":"text-delta","delta":"2"}'],
    },
    {
      name: 'without the space after data:',
      data: '{"a":1}data:{"b":2}',
      events: ['{"a":1}', '{"b":2}'],
    },
    {
      name: 'three glued, the last [DONE]',
      data: '{"a":1}data: {"b":2}data: [DONE]',
      events: ['{"a":1}', '{"b":2}', '[DONE]'],
    },
    {
      name: 'two data lines without a blank line between (SSE joins them with a line break)',
      data: '{"a":1}\n{"b":2}',
      events: ['{"a":1}', '{"b":2}'],
    },
    {
      name: 'data: inside a JSON string does not split it',
      data: '{"delta":"see data: here"}data: {"b":2}',
      events: ['{"delta":"see data: here"}', '{"b":2}'],
    },
    {
      name: 'a line break inside a JSON string does not split it',
      data: '{"delta":"a\\nb"}\n{"b":2}',
      events: ['{"delta":"a\\nb"}', '{"b":2}'],
    },
  ])('splits $name', ({ data, events }) => {
    expect(() => JSON.parse(data)).toThrow();
    expect(splitLangdockGluedEvents(data)).toEqual(events);
  });

  it.each(['{broken', '{"a":1}data: {broken', 'data: data:', '{"a":1'])(
    'leaves malformed data alone: %s',
    (data) => {
      expect(splitLangdockGluedEvents(data)).toBeUndefined();
    },
  );

  it('gives up on data with very many line breaks instead of trying every prefix', () => {
    expect(splitLangdockGluedEvents(`{"a":${'\n1'.repeat(5000)}`)).toBeUndefined();
  });
});
