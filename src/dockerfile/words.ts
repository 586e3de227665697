// Small lexical helpers shared by the Dockerfile parser: splitting an instruction's arguments into
// words the way BuildKit does for flags and heredoc markers (quotes group, unquoted whitespace
// splits), and recognising a heredoc marker word. Everything here is a single left-to-right scan.

/** Splits on unquoted whitespace; quotes and backslash escapes are kept in the words as written. */
export function splitWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      current += ch;
      if (ch === escape && quote === '"' && i + 1 < text.length) current += text[++i]!;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    inWord = true;
    current += ch;
    if (ch === escape && i + 1 < text.length) current += text[++i]!;
    else if (ch === '"' || ch === "'") quote = ch;
  }
  if (inWord) words.push(current);
  return words;
}

/** Removes one level of shell quoting: `"a b"` → `a b`, `'x'` → `x`, `a\ b` → `a b`. */
export function unquote(word: string, escape = '\\'): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else out += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === escape && i + 1 < word.length && '"$`\\'.includes(word[i + 1]!)) out += word[++i]!;
      else out += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === escape && i + 1 < word.length) {
      out += word[++i]!;
    } else {
      out += ch;
    }
  }
  return out;
}

export interface Flag {
  /** Without the dashes: `mount`, `from`, `platform`. */
  name: string;
  /** The value as written (quotes removed), null for a bare `--link`. */
  value: string | null;
}

/**
 * Leading `--name=value` words of an instruction's arguments (BuildKit's builder flags), and the
 * rest of the text after them with its own spacing kept.
 */
export function extractFlags(args: string, escape = '\\'): { flags: Flag[]; rest: string } {
  const flags: Flag[] = [];
  let rest = args.trimStart();
  while (rest.startsWith('--')) {
    const word = splitWords(rest, escape)[0] ?? '';
    if (word === '--') {
      rest = rest.slice(2).trimStart();
      break;
    }
    const body = unquote(word.slice(2), escape);
    const eq = body.indexOf('=');
    flags.push(eq < 0 ? { name: body, value: null } : { name: body.slice(0, eq), value: body.slice(eq + 1) });
    rest = rest.slice(word.length).trimStart();
  }
  return { flags, rest };
}

export interface HeredocMarker {
  /** The delimiter word, unquoted: `EOF`. */
  name: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  chomp: boolean;
  /** False when the delimiter was quoted (`<<'EOF'`, `<<"EOF"`): no variable expansion. */
  expand: boolean;
}

/** `<<EOF`, `<<-EOT`, `<<"EOF"`, `3<<EOF` (a file descriptor before it) as one word; null otherwise. */
export function heredocMarker(word: string): HeredocMarker | null {
  let i = 0;
  while (i < word.length && word[i]! >= '0' && word[i]! <= '9') i++;
  if (!word.startsWith('<<', i)) return null;
  i += 2;
  const chomp = word[i] === '-';
  if (chomp) i++;
  const rest = word.slice(i);
  if (rest.length === 0 || rest.includes('<')) return null;
  const name = unquote(rest);
  if (name.length === 0 || /\s/.test(name)) return null;
  const quoted = rest.includes('"') || rest.includes("'");
  // An unterminated quote is not a heredoc (BuildKit skips it too).
  if (quoted && (count(rest, '"') % 2 === 1 || count(rest, "'") % 2 === 1)) return null;
  return { name, chomp, expand: !quoted };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
