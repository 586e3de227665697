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

/** Parses a compiled source into a RegexNode: `parseRegex` below is its one way in. */
class RegexParser {
  private pos = 0;
  private readonly unicode: boolean;
  private readonly dotAll: boolean;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {
    this.unicode = flags.includes('u') || flags.includes('v');
    this.dotAll = flags.includes('s');
  }

  parse(): RegexNode {
    const tree = this.parseAlternation();
    if (this.pos < this.source.length) this.fail(`unexpected ${JSON.stringify(this.source[this.pos])}`);
    return tree;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.pos + offset];
  }

  private fail(what: string): never {
    throw new RegexSyntaxError(`${what} at offset ${this.pos}`);
  }

  /** Reads `\u{…}`, `\uXXXX`, `\xHH`, `\cX`, `\0` … after the backslash; returns a code point. */
  private characterEscape(letter: string): number {
    if (letter in CONTROL_ESCAPES) return CONTROL_ESCAPES[letter]!;
    if (letter === '0' && !/[0-9]/.test(this.peek() ?? '')) return 0;
    if (letter === 'c' && /[A-Za-z]/.test(this.peek() ?? '')) return this.source.charCodeAt(this.pos++) % 32;
    if (letter === 'x' && /^[0-9A-Fa-f]{2}$/.test(this.source.slice(this.pos, this.pos + 2))) {
      this.pos += 2;
      return parseInt(this.source.slice(this.pos - 2, this.pos), 16);
    }
    if (letter === 'u') {
      if (this.peek() === '{' && this.unicode) {
        const close = this.source.indexOf('}', this.pos);
        if (close < 0) this.fail('unterminated \\u{');
        const cp = parseInt(this.source.slice(this.pos + 1, close), 16);
        this.pos = close + 1;
        return cp;
      }
      if (/^[0-9A-Fa-f]{4}$/.test(this.source.slice(this.pos, this.pos + 4))) {
        this.pos += 4;
        return parseInt(this.source.slice(this.pos - 4, this.pos), 16);
      }
    }
    return letter.codePointAt(0)!;
  }

  /** Skips `{…}` after \p / \P: a Unicode property, widened to any character. */
  private skipProperty(): void {
    if (this.peek() !== '{') return;
    const close = this.source.indexOf('}', this.pos);
    this.pos = close < 0 ? this.source.length : close + 1;
  }

  private parseClass(): CharSet {
    // After `[`. With the `v` flag a class may nest and use `--` / `&&`: widen to any character.
    const negate = this.peek() === '^';
    if (negate) this.pos++;
    const ranges: CharSet[] = [];
    let widened = false;
    let depth = 1;
    let previous: number | null = null;
    let pendingRange = false;
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos++]!;
      if (ch === ']') {
        depth--;
        if (depth === 0) break;
        continue;
      }
      if (ch === '[' && this.flags.includes('v')) {
        depth++;
        widened = true;
        continue;
      }
      let cp: number | null;
      if (ch === '\\') {
        const letter = this.source[this.pos++] ?? this.fail('dangling backslash');
        const set = classEscape(letter);
        if (set) {
          ranges.push(set);
          previous = null;
          pendingRange = false;
          continue;
        }
        if (letter === 'p' || letter === 'P') {
          this.skipProperty();
          widened = true;
          continue;
        }
        cp = letter === 'b' ? 0x08 : this.characterEscape(letter);
      } else if (ch === '-' && previous !== null && this.peek() !== ']') {
        pendingRange = true;
        continue;
      } else {
        cp = ch.codePointAt(0)!;
        if (cp > 0xffff) this.pos++;
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
    if (depth !== 0) this.fail('unterminated character class');
    if (widened) return ANY;
    const set = union(...ranges);
    return negate ? complement(set) : set;
  }

  private parseQuantifier(): { min: number; max: number } | null {
    const ch = this.peek();
    if (ch === '*') return (this.pos++, { min: 0, max: Infinity });
    if (ch === '+') return (this.pos++, { min: 1, max: Infinity });
    if (ch === '?') return (this.pos++, { min: 0, max: 1 });
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos, this.pos + 24));
      if (!m) return null; // a literal `{` outside this.unicode mode
      this.pos += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      return { min, max };
    }
    return null;
  }

  private parseAtom(): RegexNode | null {
    const start = this.pos;
    const ch = this.source[this.pos++]!;
    switch (ch) {
      case '^':
        return { type: 'assertion', kind: 'start', start };
      case '$':
        return { type: 'assertion', kind: 'end', start };
      case '.':
        return { type: 'atom', set: this.dotAll ? ANY : DOT, start, end: this.pos };
      case '[':
        return { type: 'atom', set: this.parseClass(), start, end: this.pos };
      case '(':
        return this.parseGroup(start);
      case '\\':
        return this.parseEscape(start);
      default: {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) this.pos++;
        return { type: 'atom', set: single(cp), start, end: this.pos };
      }
    }
  }

  /** After `(`: a group, a lookaround, a named or modifier group; its body is what matters. */
  private parseGroup(start: number): RegexNode {
    let lookaround = false;
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === '=' || next === '!') {
        lookaround = true;
        this.pos += 2;
      } else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) {
        lookaround = true;
        this.pos += 3;
      } else if (next === '<') {
        const close = this.source.indexOf('>', this.pos);
        this.pos = close + 1; // named group
      } else {
        // `(?:`, and modifier groups `(?i:` / `(?-i:`: the body is what matters.
        const colon = this.source.indexOf(':', this.pos);
        if (colon < 0) this.fail('unknown group');
        this.pos = colon + 1;
      }
    }
    const node = this.parseAlternation();
    if (this.source[this.pos++] !== ')') this.fail('unterminated group');
    return lookaround ? { type: 'lookaround', node, start } : node;
  }

  /** After a backslash outside a class: a class escape, an assertion, a backreference or one character. */
  private parseEscape(start: number): RegexNode {
    const letter = this.source[this.pos++] ?? this.fail('dangling backslash');
    const set = classEscape(letter);
    if (set) return { type: 'atom', set, start, end: this.pos };
    if (letter === 'b' || letter === 'B') return { type: 'assertion', kind: 'word-boundary', start };
    if (/[1-9]/.test(letter)) {
      while (/[0-9]/.test(this.peek() ?? '')) this.pos++;
      return { type: 'backreference', start };
    }
    if (letter === 'k' && this.peek() === '<') {
      this.pos = this.source.indexOf('>', this.pos) + 1;
      return { type: 'backreference', start };
    }
    if (letter === 'p' || letter === 'P') {
      this.skipProperty();
      return { type: 'atom', set: ANY, start, end: this.pos };
    }
    return { type: 'atom', set: single(this.characterEscape(letter)), start, end: this.pos };
  }

  private parseSequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.pos;
      const atom = this.parseAtom();
      if (atom === null) continue;
      const quantifier = this.parseQuantifier();
      if (quantifier === null) {
        items.push(atom);
        continue;
      }
      if (this.peek() === '?') this.pos++; // lazy: same worst case as greedy
      if (atom.type === 'assertion') continue; // `^*` and the like repeat nothing
      items.push({ type: 'repeat', node: atom, ...quantifier, start, end: this.pos });
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  }

  private parseAlternation(): RegexNode {
    const alternatives = [this.parseSequence()];
    while (this.peek() === '|') {
      this.pos++;
      alternatives.push(this.parseSequence());
    }
    return alternatives.length === 1 ? alternatives[0]! : { type: 'alternation', alternatives };
  }
}

export function parseRegex(source: string, flags: string): RegexNode {
  return new RegexParser(source, flags).parse();
}
