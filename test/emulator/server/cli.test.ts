import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_USAGE, parseCliArgs } from '../../../emulator/server/cli-args';
import { call } from '../helpers';

describe('parseCliArgs', () => {
  it.each([
    {
      argv: [],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
        },
      },
    },
    {
      argv: [
        '--port',
        '4010',
        '--api-key',
        'a',
        '--api-key',
        'b',
        '--rpm',
        '5',
        '--chunk-delay-ms',
        '10',
        '--azure-filter-chunk',
        '--quiet',
      ],
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
        options: {
          port: 0,
          host: '0.0.0.0',
          azureFilterChunk: false,
          streamUsage: true,
          allowJsonSchema: true,
          rateLimit: false,
        },
      },
    },
    {
      argv: [
        '--rpm',
        '2',
        '--window-ms',
        '1000',
        '--model-rpm',
        'gpt-4o=1',
        '--model-tpm',
        'gpt-4o=50',
        '--model-rpm',
        'azure/o3=3',
        '--no-retry-after',
        '--error-shape',
        'openai',
      ],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          retryAfter: false,
          errorShape: 'openai',
          rateLimit: {
            rpm: 2,
            windowMs: 1000,
            models: { 'gpt-4o': { rpm: 1, tpm: 50 }, 'azure/o3': { rpm: 3 } },
          },
        },
      },
    },
    {
      argv: ['--gateway', '--empty-anthropic-models', 'us', '--empty-anthropic-models', 'eu'],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          gateway: true,
          emptyAnthropicModelRegions: ['us', 'eu'],
        },
      },
    },
    {
      argv: [
        '--latency-ms',
        '1500',
        '--non-streaming-timeout-ms',
        '1000',
        '--timeout-body',
        'empty',
      ],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          latencyMs: 1500,
          nonStreamingTimeoutMs: 1000,
          timeoutBody: 'empty',
        },
      },
    },
    {
      argv: ['--rate-limit-headers', '--spend-limit', 'key:gpt-4.1,gpt-4o'],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          rateLimitHeaders: true,
          spendLimit: { scope: 'key', models: ['gpt-4.1', 'gpt-4o'] },
        },
      },
    },
    {
      argv: ['--spend-limit', 'workspace'],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          spendLimit: 'workspace',
        },
      },
    },
    {
      argv: ['--unknown-model', 'invalid-model', '--invalid-model-list-length', '10'],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          unknownModel: 'invalid-model',
          invalidModelListLength: 10,
        },
      },
    },
    {
      argv: ['--json-schema-as-json-object', '--reasoning-tokens-exceed-completion'],
      expected: {
        type: 'start',
        quiet: false,
        options: {
          port: 0,
          host: '127.0.0.1',
          azureFilterChunk: false,
          streamUsage: false,
          allowJsonSchema: false,
          jsonSchemaAsJsonObject: true,
          reasoningTokensExceedCompletion: true,
        },
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
    {
      argv: ['--error-shape', 'xml'],
      message: "--error-shape must be one of layered, langdock, openai, got 'xml'.",
    },
    {
      argv: ['--model-rpm', 'gpt-4o'],
      message: "--model-rpm needs <model id>=<whole number>, got 'gpt-4o'.",
    },
    {
      argv: ['--model-tpm', '=5'],
      message: "--model-tpm needs <model id>=<whole number>, got '=5'.",
    },
    { argv: ['--window-ms', '1.5'], message: "--window-ms needs a whole number, got '1.5'." },
    {
      argv: ['--spend-limit', 'team'],
      message: "--spend-limit must be one of workspace, user, key, got 'team'.",
    },
    {
      argv: ['--spend-limit', 'key:'],
      message: "--spend-limit needs model ids after ':', got 'key:'.",
    },
    {
      argv: ['--unknown-model', '404'],
      message: "--unknown-model must be one of not-found, invalid-model, got '404'.",
    },
    {
      argv: ['--timeout-body', 'json'],
      message: "--timeout-body must be one of html, empty, got 'json'.",
    },
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
    await build({
      entryPoints: ['emulator/cli.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: cliPath,
      logLevel: 'silent',
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every flag in --help', async () => {
    const child = spawn(process.execPath, [cliPath, '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => (output += data));
    expect(await once(child, 'exit')).toEqual([0, null]);
    expect(output).toBe(`${CLI_USAGE}\n`);
    for (const flag of [
      '--port',
      '--api-key',
      '--no-rate-limit',
      '--chunk-delay-ms',
      '--azure-filter-chunk',
      '--stream-usage',
      '--allow-json-schema',
      '--window-ms',
      '--model-rpm',
      '--model-tpm',
      '--no-retry-after',
      '--error-shape',
      '--gateway',
      '--empty-anthropic-models',
    ]) {
      expect(output).toContain(`  ${flag} `);
    }
  });

  it('keeps the node shebang', async () => {
    expect((await readFile(cliPath, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its base URL, serves requests and exits cleanly on %s',
    async (signal) => {
      const child = spawn(process.execPath, [cliPath, '--port', '0', '--api-key', 'cli-key'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        let output = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (data: string) => (output += data));
        await expect.poll(() => output, { timeout: 10_000 }).toContain('EU base URL');
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
        expect(url).toBeDefined();
        expect(output).toContain(`EU base URL: ${url}/openai/eu/v1\n`);
        expect(output).toContain(`US base URL: ${url}/openai/us/v1\n`);
        expect(output).toContain(`Anthropic EU base URL: ${url}/anthropic/eu/v1\n`);
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
    },
  );

  it('serves the Model Gateway with --gateway and prints its base URLs', async () => {
    const child = spawn(process.execPath, [cliPath, '--gateway', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (data: string) => (output += data));
      await expect.poll(() => output, { timeout: 10_000 }).toContain('Anthropic base URL');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
      expect(output).toContain(`OpenAI-style base URL: ${url}/v1\n`);
      const models = await call(`${url}/v1/models`, { key: 'any-key' });
      expect(models.status).toBe(200);
      const classic = await call(`${url}/openai/eu/v1/models`, { key: 'any-key' });
      expect(classic.status).toBe(404);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
