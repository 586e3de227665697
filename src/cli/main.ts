// The CLI: parse arguments, run one command, print, and map the outcome to an exit code.
// Nothing escapes as a stack trace: input problems are one line and exit 2.
import { parseCommand, USAGE, type Command } from './args.js';
import { write, type CliIO } from './io.js';
import { analyzeCommand } from './analyze-command.js';
import { InputError } from '../core/errors.js';
import { VERSION } from '../version.js';

export type { CliIO } from './io.js';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        await write(io.stdout, USAGE + '\n');
        return 0;
      case 'version':
        await write(io.stdout, VERSION + '\n');
        return 0;
      case 'analyze':
        return await analyzeCommand(command, io);
      case 'lint': {
        const { lintCommand } = await import('./lint-command.js');
        return await lintCommand(command, io);
      }
      case 'run': {
        const { runCommand } = await import('./run-command.js');
        return await runCommand(command, io);
      }
      case 'history': {
        const { historyCommand } = await import('./history-command.js');
        return await historyCommand(command, io);
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      await write(io.stderr, `buildkit-doctor: ${error.message}\n`);
      return 2;
    }
    // Our own bug: say so in one line, with what to attach to a report, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    await write(io.stderr, `buildkit-doctor: internal error: ${message.split('\n')[0]} (please report it with the log that caused it)\n`);
    return 2;
  }
}
