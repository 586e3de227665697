// Variable substitution as the Dockerfile frontend does it for FROM, RUN, COPY, ENV, …: `$NAME`,
// `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`. Values come
// from ARG defaults and ENV; build args given on the command line are unknown to us, so a name
// without a value is reported as unresolved rather than guessed.

export type Variables = ReadonlyMap<string, string>;

export interface Expansion {
  text: string;
  /** Names referenced without a known value (kept as written in `text` when `keepUnset`). */
  unresolved: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Expands variable references in `text`. Single-quoted parts are left alone, like the shell
 * lexer does. `keepUnset` keeps an unknown reference as written (BuildKit does this for the RUN
 * text it prints); otherwise it becomes empty (what FROM sees).
 */
export function expandVariables(text: string, vars: Variables, keepUnset: boolean, escape = '\\'): Expansion {
  let out = '';
  const unresolved: string[] = [];
  let inSingle = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (inSingle) {
      out += ch;
      if (ch === "'") inSingle = false;
      i++;
      continue;
    }
    if (ch === "'") {
      inSingle = true;
      out += ch;
      i++;
      continue;
    }
    if (ch === escape && i + 1 < text.length) {
      // `\$HOME` stays literal.
      out += ch + text[i + 1]!;
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const ref = readReference(text, i);
    if (ref === null) {
      out += ch;
      i++;
      continue;
    }
    const value = vars.get(ref.name);
    let replacement: string | null;
    switch (ref.operator) {
      case null:
        replacement = value ?? null;
        break;
      case ':-':
        replacement = value !== undefined && value !== '' ? value : expandVariables(ref.word, vars, keepUnset, escape).text;
        break;
      case '-':
        replacement = value !== undefined ? value : expandVariables(ref.word, vars, keepUnset, escape).text;
        break;
      case ':+':
        replacement = value !== undefined && value !== '' ? expandVariables(ref.word, vars, keepUnset, escape).text : '';
        break;
      case '+':
        replacement = value !== undefined ? expandVariables(ref.word, vars, keepUnset, escape).text : '';
        break;
    }
    if (replacement === null) {
      unresolved.push(ref.name);
      out += keepUnset ? text.slice(i, ref.end) : '';
    } else {
      out += replacement;
    }
    i = ref.end;
  }
  return { text: out, unresolved };
}

interface Reference {
  name: string;
  operator: ':-' | '-' | ':+' | '+' | null;
  word: string;
  /** Index just past the reference. */
  end: number;
}

function readReference(text: string, dollar: number): Reference | null {
  let i = dollar + 1;
  if (text[i] === '{') {
    i++;
    const nameStart = i;
    if (i >= text.length || !NAME_START.test(text[i]!)) return null;
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
    const name = text.slice(nameStart, i);
    let operator: Reference['operator'] = null;
    for (const op of [':-', ':+', '-', '+'] as const) {
      if (text.startsWith(op, i)) {
        operator = op;
        i += op.length;
        break;
      }
    }
    const close = findClosingBrace(text, i);
    if (close < 0) return null;
    if (operator === null && close !== i) return null; // `${A?err}` and friends: leave as written
    return { name, operator, word: text.slice(i, close), end: close + 1 };
  }
  if (i >= text.length || !NAME_START.test(text[i]!)) return null;
  const nameStart = i;
  while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  return { name: text.slice(nameStart, i), operator: null, word: '', end: i };
}

/** A `${` without its `}` within this many characters is left as written (keeps the scan linear). */
const MAX_REFERENCE_LENGTH = 1024;

function findClosingBrace(text: string, from: number): number {
  let depth = 0;
  const end = Math.min(text.length, from + MAX_REFERENCE_LENGTH);
  for (let i = from; i < end; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Positions of the variable references in `text`, for matching printed text with unknown values. */
export function splitOnReferences(text: string): string[] {
  const parts: string[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ref = text[i] === '$' ? readReference(text, i) : null;
    if (ref === null) {
      literal += text[i]!;
      i++;
      continue;
    }
    parts.push(literal);
    literal = '';
    i = ref.end;
  }
  parts.push(literal);
  return parts;
}
