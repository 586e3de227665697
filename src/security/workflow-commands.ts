// Keeping log text from being read as a GitHub Actions workflow command.
//
// The runner scans every line a step prints for `::name …::value`. A build log is written by
// whoever wrote the Dockerfile (a fork's pull request, a dependency's setup.py), so a line such as
// `::add-mask::`, `::set-output name=x::` or `::error file=…::` printed as is would be obeyed.
// Two tools, for two situations:
//
// - Our own commands (`--format github` annotations): escape the values with `escapeData` and
//   `escapeProperty`, the same rules as @actions/core (`%`, CR and LF everywhere, plus `:` and `,`
//   in properties), so a value can never end the command or start a new line.
// - Log text passed through verbatim (the `run` wrapper's live output, any echo of raw lines):
//   print `fence.start` before it and `fence.end` after it (`startCommandFence()`). Between the
//   two the runner ignores every command; the token is random per run, so the log cannot guess
//   it and resume commands early.
import { createRequire } from 'node:module';

// Loaded on first use: most runs never need it, and Node compiles each built-in module it loads.
const nodeRequire = createRequire(import.meta.url);

/** Escapes a workflow command's message (the part after the final `::`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (`file=…,title=…`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface CommandFence {
  /** The random token; never printed except in `start` and `end`. */
  token: string;
  /** `::stop-commands::<token>`: from the next line on, the runner obeys no command. */
  start: string;
  /** `::<token>::`: commands are processed again. */
  end: string;
}

/** A fresh fence with a 128-bit random token (crypto, not Math.random: the log must not guess it). */
export function startCommandFence(): CommandFence {
  const { randomBytes } = nodeRequire('node:crypto') as typeof import('node:crypto');
  const token = randomBytes(16).toString('hex');
  return { token, start: `::stop-commands::${token}`, end: `::${token}::` };
}

/**
 * Wraps text for stdout: the fence lines around it, each on a line of its own. Empty text needs
 * no fence.
 */
export function fenceText(text: string, fence: CommandFence = startCommandFence()): string {
  if (text === '') return '';
  const body = text.endsWith('\n') ? text : text + '\n';
  return `${fence.start}\n${body}${fence.end}\n`;
}
