// A parser of JavaScript regular expression sources into the small tree the safety check needs.
// The source has already been compiled by `new RegExp` (so it is valid); this parser only has to
// tell atoms, groups, alternatives, quantifiers and assertions apart. Where it is unsure
// (\p{…}, `v`-flag set operations) it widens an atom to "any character", which can only make
// the check stricter, never let an unsafe pattern through.
import { ANY, DIGIT, DOT, SPACE, WORD, complement, single, union, type CharSet } from './charset.js';

export type RegexNode =
  | { type: 'atom'; set: CharSet; start: number; end: number }
  | { type: 'sequence'; items: RegexNode[] }
  | { type: 'alternation'; alternatives: RegexNode[] }
  | { type: 'repeat'; node: RegexNode; min: number; max: number; start: number; end: number }
  | { type: 'lookaround'; node: RegexNode; start: number }
  | { type: 'assertion'; kind: 'start' | 'end' | 'word-boundary'; start: number }
  | { type: 'backreference'; start: number };

export class RegexSyntaxError extends Error {
  override name = 'RegexSyntaxError';
}

const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

function classEscape(letter: string): CharSet | null {
  switch (letter) {
    case 'd':
      return DIGIT;
    case 'D':
      return complement(DIGIT);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE);
    default:
      return null;
  }
}

export function parseRegex(source: string, flags: string): RegexNode {
  const unicode = flags.includes('u') || flags.includes('v');
  const dotAll = flags.includes('s');
  let pos = 0;

  const peek = (offset = 0): string | undefined => source[pos + offset];
  const fail = (what: string): never => {
    throw new RegexSyntaxError(`${what} at offset ${pos}`);
  };

  /** Reads `\u{…}`, `\uXXXX`, `\xHH`, `\cX`, `\0` … after the backslash; returns a code point. */
  function characterEscape(letter: string): number {
    if (letter in CONTROL_ESCAPES) return CONTROL_ESCAPES[letter]!;
    if (letter === '0' && !/[0-9]/.test(peek() ?? '')) return 0;
    if (letter === 'c' && /[A-Za-z]/.test(peek() ?? '')) return source.charCodeAt(pos++) % 32;
    if (letter === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(pos, pos + 2))) {
      pos += 2;
      return parseInt(source.slice(pos - 2, pos), 16);
    }
    if (letter === 'u') {
      if (peek() === '{' && unicode) {
        const close = source.indexOf('}', pos);
        if (close < 0) fail('unterminated \\u{');
        const cp = parseInt(source.slice(pos + 1, close), 16);
        pos = close + 1;
        return cp;
      }
      if (/^[0-9A-Fa-f]{4}$/.test(source.slice(pos, pos + 4))) {
        pos += 4;
        return parseInt(source.slice(pos - 4, pos), 16);
      }
    }
    return letter.codePointAt(0)!;
  }

  /** Skips `{…}` after \p / \P: a Unicode property, widened to any character. */
  function skipProperty(): void {
    if (peek() !== '{') return;
    const close = source.indexOf('}', pos);
    pos = close < 0 ? source.length : close + 1;
  }

  function parseClass(): CharSet {
    // After `[`. With the `v` flag a class may nest and use `--` / `&&`: widen to any character.
    const negate = peek() === '^';
    if (negate) pos++;
    const ranges: CharSet[] = [];
    let widened = false;
    let depth = 1;
    let previous: number | null = null;
    let pendingRange = false;
    while (pos < source.length) {
      const ch = source[pos++]!;
      if (ch === ']') {
        depth--;
        if (depth === 0) break;
        continue;
      }
      if (ch === '[' && flags.includes('v')) {
        depth++;
        widened = true;
        continue;
      }
      let cp: number | null;
      if (ch === '\\') {
        const letter = source[pos++] ?? fail('dangling backslash');
        const set = classEscape(letter);
        if (set) {
          ranges.push(set);
          previous = null;
          pendingRange = false;
          continue;
        }
        if (letter === 'p' || letter === 'P') {
          skipProperty();
          widened = true;
          continue;
        }
        cp = letter === 'b' ? 0x08 : characterEscape(letter);
      } else if (ch === '-' && previous !== null && peek() !== ']') {
        pendingRange = true;
        continue;
      } else {
        cp = ch.codePointAt(0)!;
        if (cp > 0xffff) pos++;
      }
      if (pendingRange && previous !== null) {
        ranges.push([[previous, cp]]);
        pendingRange = false;
        previous = null;
      } else {
        ranges.push(single(cp));
        previous = cp;
      }
    }
    if (depth !== 0) fail('unterminated character class');
    if (widened) return ANY;
    const set = union(...ranges);
    return negate ? complement(set) : set;
  }

  function parseQuantifier(): { min: number; max: number } | null {
    const ch = peek();
    if (ch === '*') return (pos++, { min: 0, max: Infinity });
    if (ch === '+') return (pos++, { min: 1, max: Infinity });
    if (ch === '?') return (pos++, { min: 0, max: 1 });
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos, pos + 24));
      if (!m) return null; // a literal `{` outside unicode mode
      pos += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      return { min, max };
    }
    return null;
  }

  function parseAtom(): RegexNode | null {
    const start = pos;
    const ch = source[pos++]!;
    switch (ch) {
      case '^':
        return { type: 'assertion', kind: 'start', start };
      case '$':
        return { type: 'assertion', kind: 'end', start };
      case '.':
        return { type: 'atom', set: dotAll ? ANY : DOT, start, end: pos };
      case '[':
        return { type: 'atom', set: parseClass(), start, end: pos };
      case '(': {
        let lookaround = false;
        if (peek() === '?') {
          const next = peek(1);
          if (next === '=' || next === '!') {
            lookaround = true;
            pos += 2;
          } else if (next === '<' && (peek(2) === '=' || peek(2) === '!')) {
            lookaround = true;
            pos += 3;
          } else if (next === '<') {
            const close = source.indexOf('>', pos);
            pos = close + 1; // named group
          } else {
            // `(?:`, and modifier groups `(?i:` / `(?-i:`: the body is what matters.
            const colon = source.indexOf(':', pos);
            if (colon < 0) fail('unknown group');
            pos = colon + 1;
          }
        }
        const node = parseAlternation();
        if (source[pos++] !== ')') fail('unterminated group');
        return lookaround ? { type: 'lookaround', node, start } : node;
      }
      case '\\': {
        const letter = source[pos++] ?? fail('dangling backslash');
        const set = classEscape(letter);
        if (set) return { type: 'atom', set, start, end: pos };
        if (letter === 'b' || letter === 'B') return { type: 'assertion', kind: 'word-boundary', start };
        if (/[1-9]/.test(letter)) {
          while (/[0-9]/.test(peek() ?? '')) pos++;
          return { type: 'backreference', start };
        }
        if (letter === 'k' && peek() === '<') {
          pos = source.indexOf('>', pos) + 1;
          return { type: 'backreference', start };
        }
        if (letter === 'p' || letter === 'P') {
          skipProperty();
          return { type: 'atom', set: ANY, start, end: pos };
        }
        return { type: 'atom', set: single(characterEscape(letter)), start, end: pos };
      }
      default: {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) pos++;
        return { type: 'atom', set: single(cp), start, end: pos };
      }
    }
  }

  function parseSequence(): RegexNode {
    const items: RegexNode[] = [];
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      const start = pos;
      const atom = parseAtom();
      if (atom === null) continue;
      const quantifier = parseQuantifier();
      if (quantifier === null) {
        items.push(atom);
        continue;
      }
      if (peek() === '?') pos++; // lazy: same worst case as greedy
      if (atom.type === 'assertion') continue; // `^*` and the like repeat nothing
      items.push({ type: 'repeat', node: atom, ...quantifier, start, end: pos });
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  }

  function parseAlternation(): RegexNode {
    const alternatives = [parseSequence()];
    while (peek() === '|') {
      pos++;
      alternatives.push(parseSequence());
    }
    return alternatives.length === 1 ? alternatives[0]! : { type: 'alternation', alternatives };
  }

  const tree = parseAlternation();
  if (pos < source.length) fail(`unexpected ${JSON.stringify(source[pos])}`);
  return tree;
}
