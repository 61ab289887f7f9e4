// Command-line flags of `langdock-emulator`, parsed into emulator options.
import { parseArgs } from 'node:util';
import type { LangdockEmulatorOptions } from './types';

export const CLI_USAGE = `Usage: langdock-emulator [options]

Options:
  --port <n>            Port to listen on (default 0: a free port)
  --host <host>         Interface to bind (default 127.0.0.1)
  --api-key <key>       Accept only this key; repeat for more (default: any non-empty key)
  --rpm <n>             Requests per minute per model (default 500)
  --tpm <n>             Tokens per minute per model (default 60000)
  --no-rate-limit       Turn rate limiting off
  --chunk-delay-ms <n>  Pause between streamed chunks
  --azure-filter-chunk  Start streams with Azure's prompt_filter_results chunk
  --stream-usage        End streams with a usage chunk (off: Langdock refuses stream_options)
  --allow-json-schema   Accept response_format json_schema
  --quiet               Do not log requests
  --help                Show this help`;

export type CliCommand = { type: 'help' } | { type: 'start'; options: LangdockEmulatorOptions; quiet: boolean };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'chunk-delay-ms': { type: 'string' },
      'azure-filter-chunk': { type: 'boolean' },
      'stream-usage': { type: 'boolean' },
      'allow-json-schema': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return { type: 'help' };
  const options: LangdockEmulatorOptions = {
    port: wholeNumber('--port', values.port) ?? 0,
    host: values.host ?? '127.0.0.1',
    azureFilterChunk: values['azure-filter-chunk'] === true,
    streamUsage: values['stream-usage'] === true,
    allowJsonSchema: values['allow-json-schema'] === true,
  };
  const apiKeys = values['api-key'];
  if (apiKeys !== undefined) options.apiKeys = apiKeys;
  const chunkDelayMs = wholeNumber('--chunk-delay-ms', values['chunk-delay-ms']);
  if (chunkDelayMs !== undefined) options.chunkDelayMs = chunkDelayMs;
  const rpm = wholeNumber('--rpm', values.rpm);
  const tpm = wholeNumber('--tpm', values.tpm);
  if (values['no-rate-limit'] === true) options.rateLimit = false;
  else if (rpm !== undefined || tpm !== undefined) options.rateLimit = { ...(rpm === undefined ? {} : { rpm }), ...(tpm === undefined ? {} : { tpm }) };
  return { type: 'start', options, quiet: values.quiet === true };
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new Error(`${flag} needs a whole number, got '${value}'.`);
  return number;
}
