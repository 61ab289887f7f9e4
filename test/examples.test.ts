import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Every example runs as a user would run it, offline: no key, so each starts the emulator itself.
const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
// No LANGDOCK_* variable of the developer's may steer the examples away from the emulator's defaults.
const offlineEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LANGDOCK_')));

const expectations: Record<string, RegExp[]> = {
  'demo.ts': [/1\. streamText\n.+\n\s+finish: stop/, /tool call\s+weather\(\{"city":"Hamburg"\}\)/, /tool result \{"city":"Hamburg"/, /parsed object: \{"city":/],
  'stream-text.ts': [/river Spree/, /finish reason: stop \| tokens: not reported for this stream/],
  'generate-text.ts': [/What is Langdock\?/, /usage:/],
  'generate-object.ts': [/"servings": 1/, /valid against the schema: true/],
  'tool-call.ts': [/tool call: weather\(\{"city":"Berlin"\}\)/, /tool result: \{"city":"Berlin","celsius":21/, /steps: 2/],
  'image-input.ts': [/with 1 attachment/],
  'abort.ts': [/\(aborted by the caller\)/, /received \d+ characters before stopping/],
  'error-handling.ts': [
    /APICallError 401: Langdock API error 401: The provided API key is invalid/,
    /APICallError 429: Langdock API error 429: Rate limit for public API exceeded\. The workspace limit is 500 requests .* \(gave up after 3 attempts\)/,
    /at most 4 stop sequences/,
    /"setting":"topK"/,
  ],
  'embed.ts': [/most similar: The Spree flows through the centre of Berlin\./, /4 vectors of 1536 dimensions/],
  'list-models.ts': [/^gpt-4\.1 /m, /text-embedding-3-small/, /\d+ models/],
};

const examples = readdirSync(`${root}/examples`).filter((name) => name.endsWith('.ts'));

describe('examples', () => {
  it('has an expectation for every example file', () => {
    expect(examples.filter((name) => !(name in expectations))).toEqual([]);
  });

  it.each(examples)('%s runs offline on the emulator', async (name) => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `examples/${name}`], { cwd: root, env: offlineEnv, timeout: 60_000 });
    expect(stdout).toContain('No LANGDOCK_API_KEY set: using the local Langdock emulator');
    for (const pattern of expectations[name] ?? []) expect(stdout).toMatch(pattern);
    for (const key of ['emulator-key-0000', 'ld-not-a-real-key-123', 'ld-simulated-key-000']) expect(stdout + stderr).not.toContain(key);
  });
});
