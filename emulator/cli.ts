#!/usr/bin/env node
// `langdock-emulator`: runs the offline Langdock API emulator until interrupted.
import { CLI_USAGE, parseCliArgs, type CliCommand } from './server/cli-args';
import { startLangdockEmulator } from './index';

async function main(): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n\n${CLI_USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (command.type === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }
  const logger = command.quiet
    ? undefined
    : (line: string): void => void process.stdout.write(`${line}\n`);
  const emulator = await startLangdockEmulator({
    ...command.options,
    ...(logger === undefined ? {} : { logger }),
  });
  process.stdout.write(
    command.options.gateway === true
      ? `Langdock emulator (Model Gateway) listening on ${emulator.url}\n` +
          `  OpenAI-style base URL: ${emulator.gatewayBaseURL}\n` +
          `  Anthropic base URL:    ${emulator.url}\n`
      : `Langdock emulator listening on ${emulator.url}\n` +
          `  EU base URL: ${emulator.baseURLFor('eu')}\n` +
          `  US base URL: ${emulator.baseURLFor('us')}\n` +
          `  Anthropic EU base URL: ${emulator.anthropicBaseURLFor('eu')}\n` +
          `  Anthropic US base URL: ${emulator.anthropicBaseURLFor('us')}\n` +
          `  Agents API:  ${emulator.agentBaseURLFor()}/agent/v1/chat/completions\n`,
  );
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `langdock-emulator failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
