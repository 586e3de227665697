// The command a tool says failed, read from its own error line, so a failure whose step the log does
// not show can still name what failed:
// - Python's `subprocess.CalledProcessError: Command '['cmake', '--build', '.']' returned non-zero
//   exit status 1.` (CPython Lib/subprocess.py, CalledProcessError.__str__: the command as repr() of
//   its argument list, or of the string it was given);
// - setuptools / distutils' `error: command '/usr/bin/gcc' failed with exit code 1` (older:
//   `… failed with exit status 1`), printed by the build_ext of `pip install` and `setup.py`.
import { quoteWord } from '../text/shell-words.js';

export interface FailedCommand {
  /** The command as a shell line (`cmake --build . -j=1`). */
  command: string;
  /** Its exit status as printed. */
  status: number;
}

const calledProcess = /\bCalledProcessError: Command '(?<command>.{1,2000})' returned non-zero exit status (?<status>\d{1,3})\b/;
const setuptoolsCommand = /^error: command '(?<command>[^']{1,500})' failed with exit (?:code|status) (?<status>\d{1,3})\b/;

/** The quoted strings of a Python list's repr, in order (`'a', "b's"` → a, b's), a backslash escaping the next character. */
function quotedWords(text: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') continue;
    let word = '';
    let j = i + 1;
    for (; j < text.length && text[j] !== quote; j++) word += text[j] === '\\' && j + 1 < text.length ? text[++j] : text[j];
    words.push(word);
    i = j;
  }
  return words;
}

/** `['cmake', '--build', '.']` → `cmake --build .`; a plain string command is kept as it is. */
function commandOfRepr(repr: string): string {
  if (!repr.startsWith('[') || !repr.endsWith(']')) return repr;
  const words = quotedWords(repr.slice(1, -1));
  // quoted where bash would split or expand a word, so that the line runs those words
  return words.length === 0 ? repr : words.map(quoteWord).join(' ');
}

/** The command a line says failed and its exit status, or null when the line names none. */
export function failedCommandOf(line: string): FailedCommand | null {
  const m = calledProcess.exec(line) ?? setuptoolsCommand.exec(line.trimStart());
  if (m?.groups === undefined) return null;
  return { command: commandOfRepr(m.groups.command!), status: Number(m.groups.status) };
}
