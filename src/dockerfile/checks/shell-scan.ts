// Cheap, linear scans of RUN shell source: pipes outside quotes, command words, pip install
// arguments. Not a shell parser: enough to see what the checks look for, never enough to throw.
import { splitWords, unquote } from '../words.js';

/** True when the source has a `|` pipe (not `||`) outside quotes and comments. */
export function hasPipe(source: string): boolean {
  let quote: '"' | "'" | null = null;
  let comment = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (comment) {
      if (ch === '\n') comment = false;
      continue;
    }
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '\\') {
      i++;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      comment = true;
    } else if (ch === '|') {
      if (source[i + 1] === '|') {
        i++;
        continue;
      }
      return true;
    }
  }
  return false;
}

/** The command lines of a shell source, split at `&&`, `||`, `;`, `|` and newlines (outside quotes). */
export function commands(source: string): string[][] {
  const result: string[][] = [];
  for (const piece of splitCommands(source)) {
    const words = splitWords(piece.trim()).map((w) => unquote(w));
    if (words.length > 0) result.push(words);
  }
  return result;
}

function splitCommands(source: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote !== null) {
      current += ch;
      if (ch === '\\' && quote === '"' && i + 1 < source.length) current += source[++i]!;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === '\\' && i + 1 < source.length) {
      const next = source[++i]!;
      current += next === '\n' ? ' ' : ch + next;
    } else if (ch === ';' || ch === '\n' || ch === '|' || (ch === '&' && source[i + 1] === '&')) {
      if (ch === '&' || (ch === '|' && source[i + 1] === '|')) i++;
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Whether one of the commands runs `name` (as `name`, `/usr/bin/name`, after `sudo`/`env`/`exec`). */
export function runsCommand(source: string, name: string): boolean {
  return commands(source).some((words) => words.some((w) => basename(w) === name));
}

/** The arguments of every `pip install` / `pip3 install` / `python -m pip install` in the source. */
export function pipInstalls(source: string): { words: string[]; command: string[] }[] {
  const installs: { words: string[]; command: string[] }[] = [];
  for (const command of commands(source)) {
    for (let i = 0; i < command.length - 1; i++) {
      const word = basename(command[i]!);
      const isPip = /^pip(?:3(?:\.\d+)?)?$/.test(word);
      if (isPip && command[i + 1] === 'install') {
        installs.push({ words: command.slice(i + 2), command });
        break;
      }
    }
  }
  return installs;
}
