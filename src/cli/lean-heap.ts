// Peak memory on very large logs. V8 grows its young generation up to 16 MB semi-spaces while a
// long stream is parsed: on a 1 GB log that is about 20 MB of resident memory for garbage it could
// collect sooner. The flag that caps it (`--max-semi-space-size`) only works at start-up, so the
// CLI starts itself once more with it, for inputs where the ~50 ms this costs is nothing: a file
// of 64 MB or more, or a pipe (a build streaming into us takes minutes). The analysis is the same.
import { spawn } from 'node:child_process';
import { fstatSync, statSync } from 'node:fs';
import { parseCommand } from './args.js';
import { processExitCode } from '../run/run-and-analyze.js';

/** Set in the restarted process, so that it never restarts again. */
export const LEAN_HEAP_ENV = 'BUILDKIT_DOCTOR_LEAN_HEAP';
const FLAG = '--max-semi-space-size=4';
const LARGE_BYTES = 64 * 1024 * 1024;

function largeFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size >= LARGE_BYTES;
  } catch {
    return false; // a glob, a missing file: the analysis says what is wrong with it
  }
}

function stdinIsLargeOrStream(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket() || (stat.isFile() && stat.size >= LARGE_BYTES);
  } catch {
    return false;
  }
}

/** Whether this run of the CLI is worth restarting with a capped young generation. */
export function wantsLeanHeap(argv: readonly string[], env: NodeJS.ProcessEnv, execArgv: readonly string[]): boolean {
  if (env[LEAN_HEAP_ENV] !== undefined || execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return false;
  let command;
  try {
    command = parseCommand([...argv]);
  } catch {
    return false; // a usage error is reported by the normal path
  }
  if (command.kind !== 'analyze') return false;
  const inputs = command.inputs.length === 0 ? ['-'] : command.inputs;
  return inputs.some((input) => (input === '-' ? stdinIsLargeOrStream() : largeFile(input)));
}

/**
 * Runs this CLI again with the flag, input and output inherited; resolves with its exit code.
 * Signals that end the wait end the child the same way.
 */
export function restartWithLeanHeap(script: string, argv: readonly string[], execArgv: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...execArgv, FLAG, script, ...argv], {
      stdio: 'inherit',
      env: { ...process.env, [LEAN_HEAP_ENV]: '1' },
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(processExitCode(code, signal));
    });
  });
}
