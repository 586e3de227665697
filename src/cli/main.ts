// The CLI: parse arguments, run one command, print, and map the outcome to an exit code.
// Nothing escapes as a stack trace: input problems are one line and exit 2.
import type { Readable, Writable } from 'node:stream';
import { promises as fs } from 'node:fs';
import { parseCommand, USAGE, type Command, type CommonOptions } from './args.js';
import { InputError } from './errors.js';
import { openInput, describeFsError, readLogFd, readLogFile } from './open-input.js';
import { analyzeStream, type Analysis } from '../analyze.js';
import { loadRuleSet, type RuleSet } from '../rules/load-rules.js';
import { parseDockerfile, type Dockerfile } from '../dockerfile/dockerfile.js';
import { loadDockerfileSet, unknownTargetWarnings, type DockerfileSet } from '../dockerfile/dockerfile-set.js';
import { renderLogs } from '../report/multi-log.js';
import { expandLogPaths } from '../inputs/expand-globs.js';
import { failsOn } from '../report/severity.js';
import { VERSION } from '../version.js';
import { withProgress, wantsProgress } from './progress.js';
import { textWidth } from './width.js';

export interface CliIO {
  stdin: Readable;
  /**
   * The descriptor behind `stdin`, when the CLI may read it directly (the real process): a log on
   * stdin is then read like a file, without a stream. Reading `stdin` first would make a pipe
   * non-blocking, so the CLI's own `stdin` is only touched when needed.
   */
  stdinFd?: number;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress while a large log is read). */
  stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one: the text report is fitted to it (80 otherwise). */
  columns?: number;
}

export async function readOptionalFile(path: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    throw describeFsError(path, error);
  }
}

/** The Dockerfile path used when none is given, if it exists in the working directory. */
export const DEFAULT_DOCKERFILE = 'Dockerfile';

export async function loadDockerfile(path: string | null): Promise<Dockerfile | null> {
  if (path === null) {
    // No --dockerfile: the usual `Dockerfile` of the working directory, when there is one. The
    // locator ignores it for steps when the log's error block names a different file.
    const text = await fs.readFile(DEFAULT_DOCKERFILE, 'utf8').catch(() => null);
    return text === null ? null : parseDockerfile(text, DEFAULT_DOCKERFILE);
  }
  return parseDockerfile(await readOptionalFile(path), path);
}

/**
 * The Dockerfiles the options name: the plain `--dockerfile PATH` and each `TARGET=PATH` (a path
 * that cannot be read is an input error); without a plain PATH, the one the log's error block
 * names, else ./Dockerfile, once the log is read.
 */
export function loadDockerfiles(options: CommonOptions): Promise<DockerfileSet> {
  return loadDockerfileSet({ path: options.dockerfile, targets: options.targetDockerfiles }, readOptionalFile, process.cwd());
}

/** A `--dockerfile TARGET=PATH` whose target no log builds: one warning line each, not an error. */
export async function warnUnknownTargets(options: CommonOptions, analyses: readonly Analysis[], stderr: Writable): Promise<void> {
  const warnings = unknownTargetWarnings({ path: options.dockerfile, targets: options.targetDockerfiles }, analyses.map((a) => a.model));
  for (const warning of warnings) await write(stderr, `buildkit-doctor: warning: --dockerfile: ${warning}\n`);
}

/** The rule set of a run: the catalog, merged with the rules file the options name. */
export async function rulesFor(options: { rules: string | null }): Promise<RuleSet> {
  if (options.rules === null) return loadRuleSet();
  return loadRuleSet(await readOptionalFile(options.rules), options.rules);
}

/**
 * Writes and waits until the stream takes more. A stream whose reader went away (EPIPE, see
 * closed-output.ts) is destroyed and never drains: then there is nothing to wait for.
 */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.write(text)) {
      resolve();
      return;
    }
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

async function analyzeCommand(command: Extract<Command, { kind: 'analyze' }>, io: CliIO): Promise<number> {
  const ruleSet = await rulesFor(command);
  const dockerfiles = await loadDockerfiles(command);
  const analyses: Analysis[] = [];
  const paths = await expandLogPaths(command.inputs);
  for (const path of paths) {
    const total = path === '-' ? null : await fs.stat(path).then((s) => s.size, () => null);
    let input: AsyncIterable<Buffer>;
    if (wantsProgress(Boolean(io.stderrIsTTY), total, io.env)) {
      input = withProgress(await openInput(path, io.stdin), { label: path === '-' ? 'standard input' : path, total, stderr: io.stderr });
    } else if (path !== '-') {
      input = readLogFile(path);
    } else if (io.stdinFd !== undefined) {
      input = readLogFd(io.stdinFd, 'standard input', () => io.stdin);
    } else {
      input = await openInput(path, io.stdin);
    }
    analyses.push(await analyzeStream(input, { ...ruleSet, ...dockerfiles }));
  }
  await warnUnknownTargets(command, analyses, io.stderr);
  const color = command.format === 'text' && io.isTTY && !io.env.NO_COLOR;
  const logs = analyses.map((analysis, i) => ({ name: paths[i] ?? '-', analysis }));
  await write(io.stdout, renderLogs(logs, command.format, { color, dockerfile: command.dockerfile, width: textWidth(io) }));
  return analyses.some((a) => failsOn(a.findings, command.failOn)) ? 1 : 0;
}

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
