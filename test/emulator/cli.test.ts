import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_USAGE, parseCliArgs } from '../../emulator/cli-args';
import { call } from './helpers';

describe('parseCliArgs', () => {
  it.each([
    {
      argv: [],
      expected: { type: 'start', quiet: false, options: { port: 0, host: '127.0.0.1', azureFilterChunk: false, streamUsage: false, allowJsonSchema: false } },
    },
    {
      argv: ['--port', '4010', '--api-key', 'a', '--api-key', 'b', '--rpm', '5', '--chunk-delay-ms', '10', '--azure-filter-chunk', '--quiet'],
      expected: {
        type: 'start',
        quiet: true,
        options: {
          port: 4010,
          host: '127.0.0.1',
          azureFilterChunk: true,
          streamUsage: false,
          allowJsonSchema: false,
          apiKeys: ['a', 'b'],
          rateLimit: { rpm: 5 },
          chunkDelayMs: 10,
        },
      },
    },
    {
      argv: ['--no-rate-limit', '--allow-json-schema', '--stream-usage', '--host', '0.0.0.0'],
      expected: {
        type: 'start',
        quiet: false,
        options: { port: 0, host: '0.0.0.0', azureFilterChunk: false, streamUsage: true, allowJsonSchema: true, rateLimit: false },
      },
    },
    { argv: ['--help'], expected: { type: 'help' } },
  ])('$argv', ({ argv, expected }) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it.each([
    { argv: ['--port', 'abc'], message: "--port needs a whole number, got 'abc'." },
    { argv: ['--tpm=-5'], message: "--tpm needs a whole number, got '-5'." },
    { argv: ['--colour'], message: "Unknown option '--colour'" },
  ])('refuses $argv', ({ argv, message }) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('langdock-emulator executable', () => {
  let dir: string;
  let cliPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langdock-emulator-cli-'));
    cliPath = join(dir, 'cli.mjs');
    await build({ entryPoints: ['emulator/cli.ts'], bundle: true, platform: 'node', format: 'esm', outfile: cliPath, logLevel: 'silent' });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every flag in --help', async () => {
    const child = spawn(process.execPath, [cliPath, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => (output += data));
    expect(await once(child, 'exit')).toEqual([0, null]);
    expect(output).toBe(`${CLI_USAGE}\n`);
    for (const flag of ['--port', '--api-key', '--no-rate-limit', '--chunk-delay-ms', '--azure-filter-chunk', '--stream-usage', '--allow-json-schema']) {
      expect(output).toContain(`  ${flag} `);
    }
  });

  it('keeps the node shebang', async () => {
    expect((await readFile(cliPath, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('prints its base URL, serves requests and exits cleanly on %s', async (signal) => {
    const child = spawn(process.execPath, [cliPath, '--port', '0', '--api-key', 'cli-key'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (data: string) => (output += data));
      await expect.poll(() => output, { timeout: 10_000 }).toContain('EU base URL');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain(`EU base URL: ${url}/openai/eu/v1\n`);
      expect(output).toContain(`US base URL: ${url}/openai/us/v1\n`);
      const models = await call(`${url}/openai/eu/v1/models`, { key: 'cli-key' });
      expect(models.status).toBe(200);
      await expect.poll(() => output).toContain('GET /openai/eu/v1/models -> 200');
      expect(output).not.toContain('cli-key');
      const exited = once(child, 'exit');
      child.kill(signal);
      expect(await exited).toEqual([0, null]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
