// End to end: the built app (`next start`, no LANGDOCK_API_KEY, so the emulator) driven in Debian's Chromium.
// Run `npm run build` first; `npm run test:e2e` then starts the server on a free port and stops it afterwards.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(appDir, '.artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Long enough to watch an answer grow and to press stop in the middle of one; short enough for a quick run.
const CHUNK_DELAY_MS = 40;

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
async function until(what, check, timeoutMs = 15_000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startApp() {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const port = await freePort();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LANGDOCK_EMULATOR_CHUNK_DELAY_MS: String(CHUNK_DELAY_MS) };
  delete env.LANGDOCK_API_KEY; // the point of this test: no key on the server, so the emulator answers
  const log = createWriteStream(path.join(artifacts, 'server.log'));
  const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Its own process group, so stopping it also stops anything it started.
  const server = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await until('next start to answer', async () => {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}; see .artifacts/server.log.`);
    return fetch(url).then((response) => response.ok, () => false);
  }, 60_000, 200);
  return {
    url,
    async stop() {
      if (server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
    },
  };
}

describe('Next.js chat example in Chromium', { timeout: 180_000 }, () => {
  let app;
  let browser;
  let page;

  const chatForm = () => page.locator('section.chat form');
  const messageBox = () => page.getByRole('textbox', { name: 'Message' });
  const lastAssistant = () => page.locator('li[data-role="assistant"]').last();
  const chatStatus = () => chatForm().getAttribute('data-status');
  const assistantText = async () => (await lastAssistant().locator('.text').allTextContents()).join('');
  const assistantCount = () => page.locator('li[data-role="assistant"]').count();

  async function ask(text) {
    const answersBefore = await assistantCount();
    await messageBox().fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    return answersBefore;
  }

  /** Runs a step and, when it fails, keeps a screenshot of the page as it was. */
  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: path.join(artifacts, `failed-${name}.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  before(async () => {
    await mkdir(artifacts, { recursive: true });
    app = await startApp();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.goto(app.url);
    // Hydrated once typing enables Send (React state, not just server HTML).
    await messageBox().fill('x');
    await until('the page to hydrate', () => page.getByRole('button', { name: 'Send' }).isEnabled());
    await messageBox().fill('');
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says the server has no key and answers from the emulator', () => step('banner', async () => {
    const banner = await page.getByRole('status').textContent();
    assert.match(banner, /No LANGDOCK_API_KEY on the server: answers come from the local Langdock emulator at http:\/\/127\.0\.0\.1:\d+/);
  }));

  it('streams the answer: the text grows while the status is streaming', () => step('stream', async () => {
    const question = 'Write two sentences about the river Spree.';
    const before = await ask(question);
    await until('an assistant message', async () => (await assistantCount()) > before);
    const lengths = [];
    await until('the answer to finish', async () => {
      const [text, status] = [await assistantText(), await chatStatus()];
      if (text.length > 0 && text.length !== lengths.at(-1)) lengths.push(text.length);
      return status === 'ready' && text.length > 0;
    }, 20_000, 30);
    assert.ok(lengths.length >= 5, `expected the text to grow in several steps, saw lengths ${lengths.join(', ')}`);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => a - b), 'the text only grows');
    assert.equal(await assistantText(), `You said: "${question}". This is a deterministic reply from the Langdock emulator.`);
  }));

  it('calls the weather tool and shows the call, its result and the answer', () => step('tool', async () => {
    await ask('What is the weather in Berlin?');
    const tool = page.locator('li[data-role="assistant"] [data-tool="weather"][data-state="output-available"]').last();
    await tool.waitFor({ timeout: 15_000 });
    assert.equal(await tool.locator('code').textContent(), '{"city":"Berlin"}');
    assert.match(await tool.locator('.tool-result').textContent(), /^Berlin: \d+ °C, [a-z ]+$/);
    await until('the answer after the tool', async () => (await chatStatus()) === 'ready');
    assert.match(await assistantText(), /^Based on the tool results: weather returned \{"city":"Berlin","celsius":\d+,"sky":"[a-z ]+"\}\.$/);
  }));

  it('renders the object from generateObject', () => step('object', async () => {
    const section = page.getByRole('region', { name: 'City facts' });
    await section.getByRole('textbox', { name: 'City' }).fill('Munich');
    await section.getByRole('button', { name: 'Generate' }).click();
    const facts = section.getByTestId('city-facts');
    await facts.waitFor({ timeout: 15_000 });
    assert.deepEqual(await facts.locator('dt').allTextContents(), ['Name', 'Country', 'Population', 'Famous for', 'Best month']);
    const values = await facts.locator('dd').allTextContents();
    assert.equal(values.length, 5);
    assert.ok(values.every((value) => value.trim() !== ''), `every field has a value: ${JSON.stringify(values)}`);
    assert.match(values[2], /^[\d,]+$/, 'population is a number');
    await page.screenshot({ path: path.join(artifacts, 'readme.png'), fullPage: true });
    if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(path.join(artifacts, 'readme.png'), path.join(appDir, 'screenshot.png'));
  }));

  it('stops mid-stream: the text stops growing and the chat is ready again', () => step('stop', async () => {
    const question = `Tell me a long story about a lighthouse keeper. ${'The sea was grey and the nights were long. '.repeat(8)}`.trim();
    const fullLength = `You said: "${question}". This is a deterministic reply from the Langdock emulator.`.length;
    const before = await ask(question);
    await until('the answer to start', async () => (await assistantCount()) > before && (await assistantText()).length >= 40);
    assert.equal(await chatStatus(), 'streaming');
    await page.getByRole('button', { name: 'Stop' }).click();
    await until('the chat to be ready after stop', async () => (await chatStatus()) === 'ready', 5_000);
    const stoppedAt = (await assistantText()).length;
    await new Promise((resolve) => setTimeout(resolve, 20 * CHUNK_DELAY_MS));
    assert.equal((await assistantText()).length, stoppedAt, 'no text arrives after stop');
    assert.ok(stoppedAt < fullLength / 2, `stopped early: ${stoppedAt} of ${fullLength} characters`);
    assert.ok(await page.getByRole('button', { name: 'Send' }).isVisible(), 'Send replaces Stop');
    assert.equal(await lastAssistant().locator('.stopped').textContent(), 'stopped');
  }));

  it('shows a rate limit (429) readably', () => step('rate-limit', async () => {
    await page.getByRole('combobox', { name: 'Failure drill' }).selectOption('rate-limit');
    await ask('Hello after the limit.');
    const alert = page.locator('section.chat [role="alert"]');
    await alert.waitFor({ timeout: 15_000 }); // three attempts, one second apart (retry-after: 1)
    assert.equal(
      await alert.textContent(),
      'Langdock API error 429: Rate limit for public API exceeded. The workspace limit is 500 requests and 60,000 tokens per minute per model; wait and retry, or spread load across models. (gave up after 3 attempts)',
    );
    await until('the error status', async () => (await chatStatus()) === 'error');
  }));

  it('shows a wrong key (401) readably, without the key, and recovers', () => step('wrong-key', async () => {
    await page.getByRole('combobox', { name: 'Failure drill' }).selectOption('wrong-key');
    await ask('Hello with a wrong key.');
    const alert = page.locator('section.chat [role="alert"]');
    await until('the 401 message', async () => /401/.test((await alert.textContent().catch(() => '')) ?? ''));
    const message = await alert.textContent();
    assert.equal(message, 'Langdock API error 401: The provided API key is invalid. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.');
    assert.doesNotMatch(await page.content(), /ld-wrong-key-for-this-drill|emulator-key-0000/, 'no key reaches the browser');

    await page.getByRole('combobox', { name: 'Failure drill' }).selectOption('');
    await ask('Back to normal?');
    await until('a normal answer', async () => (await chatStatus()) === 'ready' && (await assistantText()).startsWith('You said: "Back to normal?"'));
    assert.equal(await alert.count(), 0, 'the error is cleared');
    await page.screenshot({ path: path.join(artifacts, 'chat.png'), fullPage: true });
  }));
});
