// Wrapping the build: `buildkit-doctor run -- COMMAND…` and the action's `run` input.
//
// The command runs under `bash -o pipefail -c` (without ~/.bashrc), so that
// `docker build … | tee build.log` fails when the build does. Its stderr is joined to its stdout
// inside bash (`exec 2>&1`), so the log we read is the one a terminal would show, in the order it
// was written, with no line torn between two pipes. Every byte goes, as it comes, both to `output`
// (the job log or the terminal) and to the analyzer, which reads it through the same line stage as
// a file. The analysis is finished when the command ends, however it ends: with an exit code,
// killed by a signal, or cancelled through us (SIGINT/SIGTERM are passed on to its whole process
// group and we wait for it to stop), so that every report can still be written.
//
// Under GitHub Actions the output is fenced: a build can print `::add-mask::`, `::set-output` or
// `::error` lines of its own, and nothing it prints may be taken as a workflow command.
import type { spawn as spawnType } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { PassThrough, Writable } from 'node:stream';
import { Analyzer, type AnalyzeOptions } from '../analyze.js';
import type { Analysis } from '../report/analysis.js';
import { readLogLines } from '../lines/read-lines.js';
import { startCommandFence } from '../security/workflow-commands.js';

// Loaded when a command is run: the action loads this module whether or not its `run` input is set.
const nodeRequire = createRequire(import.meta.url);

export interface RunOptions extends AnalyzeOptions {
  /** Where the command's output is shown live. */
  output: NodeJS.WritableStream;
  /** Fence the live output against workflow commands (do it when `GITHUB_ACTIONS=true`). */
  fence: boolean;
  /** The command's environment (default: ours). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The command's standard input: ours (CLI) or none (action). Default 'ignore'. */
  stdin?: 'inherit' | 'ignore';
  /** Signals passed on to the command while it runs (default SIGINT, SIGTERM). */
  forwardSignals?: NodeJS.Signals[];
  /** The process whose signals are passed on (default `process`; tests give an emitter). */
  signalSource?: NodeJS.EventEmitter;
  /** The clock that stamps each line as it arrives, in epoch ms (default `Date.now`; tests give their own). */
  now?: () => number;
}

export interface RunResult {
  analysis: Analysis;
  /** The command's exit code; 128 + N when it was killed by signal N (as a shell reports it). */
  exitCode: number;
  /** The signal that ended the command, if one did. */
  signal: NodeJS.Signals | null;
  /** The signal we received and passed on, if the run was cancelled through us. */
  cancelledBy: NodeJS.Signals | null;
}

/** Exit code for a command that could not be started (bash missing), as a shell says it. */
const NOT_STARTED = 127;

/** A child's end as a shell reports it: its code, or 128 + the signal that ended it. */
export function processExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  if (signal !== null) return 128 + (osConstants.signals[signal] ?? 0);
  return 1;
}

/**
 * A writable that hands every chunk to both the live output and the analyzer, and asks for the
 * next chunk only when both have taken this one: a slow terminal or a busy analyzer slows the
 * command down instead of filling memory. A broken live output (EPIPE: the reader went away) is
 * dropped, never the build or its analysis.
 */
class Tee extends Writable {
  private outputBroken = false;
  /** Whether the live output ends at a line's end (a fence line must start a line of its own). */
  atLineStart = true;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly analysis: PassThrough,
  ) {
    super();
    output.on('error', this.onOutputError);
  }

  private readonly onOutputError = (): void => {
    this.outputBroken = true;
  };

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (chunk.length > 0) this.atLineStart = chunk[chunk.length - 1] === 0x0a;
    let pending = 2;
    const done = (): void => {
      if (--pending === 0) callback();
    };
    if (this.outputBroken || this.output.write(chunk)) done();
    else this.waitFor(this.output, done);
    if (this.analysis.write(chunk)) done();
    else this.waitFor(this.analysis, done);
  }

  private waitFor(stream: NodeJS.WritableStream, done: () => void): void {
    const finish = (): void => {
      stream.removeListener('drain', finish);
      stream.removeListener('error', finish);
      done();
    };
    stream.once('drain', finish);
    stream.once('error', finish);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.output.removeListener('error', this.onOutputError);
    this.analysis.end();
    callback();
  }
}

function writeLine(output: NodeJS.WritableStream, text: string): void {
  try {
    output.write(text);
  } catch {
    // A closed output must not lose the analysis.
  }
}

/**
 * Runs `command` (one bash command line), shows its output live, analyses it on the fly, and
 * resolves when it has ended with its exit code and the finished analysis. Never rejects for what
 * the command does; a command that cannot be started ends with exit code 127 and its error message
 * as the whole log.
 */
export async function runAndAnalyze(command: string, options: RunOptions): Promise<RunResult> {
  const analyzer = new Analyzer(options);
  const lines = new PassThrough();
  // Lines are read as the command prints them: their arrival time is the clock of the builders
  // that print none (classic, podman), as a CI's line stamps are for a log read afterwards.
  const now = options.now ?? Date.now;
  const reading = readLogLines(
    lines,
    (line) => {
      line.at ??= now(); // the line is ours: the line stage made it for this call
      analyzer.pushLine(line);
    },
    options.lines,
  );
  const tee = new Tee(options.output, lines);
  const fence = options.fence ? startCommandFence() : null;
  if (fence) writeLine(options.output, fence.start + '\n');

  // Its own process group, so that a signal reaches every process of the command line (the
  // docker CLI, the `tee` after it, …) and a terminal's Ctrl-C reaches it once, through us.
  // `--norc`: bash reads ~/.bashrc even non-interactively when its stdin is a socket (it takes
  // itself for a remote shell), which is what a pipe from Node is.
  const { spawn } = nodeRequire('node:child_process') as { spawn: typeof spawnType };
  const child = spawn('bash', ['--norc', '-o', 'pipefail', '-c', `exec 2>&1; ${command}`], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    detached: true,
  });

  const source = options.signalSource ?? process;
  const signals = options.forwardSignals ?? ['SIGINT', 'SIGTERM'];
  let cancelledBy: NodeJS.Signals | null = null;
  const forward = (signal: NodeJS.Signals): void => {
    cancelledBy = signal;
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal); // the group is gone already: at least bash itself
    }
  };
  const handlers = signals.map((signal) => {
    const handler = (): void => forward(signal);
    source.on(signal, handler);
    return [signal, handler] as const;
  });

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: NOT_STARTED, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  // stdout carries everything after `exec 2>&1`; stderr only what bash says before it (a syntax
  // error in the command line). Neither ends the tee: that waits for the command to end.
  child.stdout?.pipe(tee, { end: false });
  child.stderr?.pipe(tee, { end: false });

  const { code, signal, error } = await ended;
  for (const [name, handler] of handlers) source.removeListener(name, handler);
  if (error) {
    // Nothing was piped: the message is the log, so the analysis says why nothing ran.
    const message = `buildkit-doctor: cannot run bash: ${error.message}\n`;
    tee.write(message);
  }
  await new Promise<void>((resolve) => tee.end(resolve));
  await reading;
  if (fence) writeLine(options.output, (tee.atLineStart ? '' : '\n') + fence.end + '\n');

  return { analysis: analyzer.finish(), exitCode: processExitCode(code, signal), signal, cancelledBy };
}
