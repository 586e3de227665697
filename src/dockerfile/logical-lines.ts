// Physical lines → logical instructions, the way BuildKit's Dockerfile parser reads them:
// parser directives at the top, `\` (or the `# escape=` token) continuations, comment and blank
// lines inside a continuation dropped, and heredoc bodies (`RUN <<EOF … EOF`) attached to their
// instruction. Each result keeps its 1-based line range and the joined text BuildKit calls the
// instruction's "original" (what it prints in a step header, before variable expansion).
import { heredocMarker, splitWords } from './words.js';

export interface RawHeredoc {
  name: string;
  chomp: boolean;
  expand: boolean;
  /** The body, lines joined with `\n`, without the terminator. */
  content: string;
  /** 1-based lines of the first body line and of the terminator. */
  line: number;
  endLine: number;
  /** False when the file ended before the terminator. */
  terminated: boolean;
}

export interface RawInstruction {
  /** Continuation-joined text, comments dropped, trimmed: `RUN --mount=… pip install torch`. */
  original: string;
  line: number;
  endLine: number;
  heredocs: RawHeredoc[];
}

export interface LogicalLines {
  instructions: RawInstruction[];
  /** Parser directives found at the top (`syntax`, `escape`, `check`), lower-case names. */
  directives: Record<string, string>;
  /** The escape / line-continuation character: `\` or `` ` ``. */
  escape: string;
}

const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** A directive line: `# name=value` (BuildKit: a name of letters and digits, a non-empty value). */
function parseDirective(line: string): { name: string; value: string } | null {
  if (!line.startsWith('#')) return null;
  const body = line.slice(1);
  const eq = body.indexOf('=');
  if (eq < 0) return null;
  const name = body.slice(0, eq).trim();
  const value = body.slice(eq + 1).trim();
  if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name) || value === '') return null;
  return { name: name.toLowerCase(), value };
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/**
 * Removes a trailing continuation token (and the blanks after it). Returns null when the line
 * does not continue. An escaped token (`\\` at the end) is not a continuation.
 */
function continuation(line: string, escape: string): string | null {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  const trimmed = line.slice(0, end);
  if (!trimmed.endsWith(escape)) return null;
  const before = trimmed.length >= 2 ? trimmed[trimmed.length - 2] : undefined;
  if (before === escape) return null;
  return trimmed.slice(0, -1);
}

function leadingKeyword(original: string): string {
  const space = original.search(/\s/);
  return (space < 0 ? original : original.slice(0, space)).toUpperCase();
}

/** Keyword whose heredocs count: `RUN`, `COPY`, `ADD`, or the one inside `ONBUILD`. */
function heredocKeyword(original: string): string | null {
  let keyword = leadingKeyword(original);
  let rest = original.slice(keyword.length).trimStart();
  if (keyword === 'ONBUILD') {
    keyword = leadingKeyword(rest);
    rest = rest.slice(keyword.length).trimStart();
  }
  if (!HEREDOC_KEYWORDS.has(keyword)) return null;
  // The exec (JSON) form never has heredocs.
  if (rest.startsWith('[')) {
    try {
      if (Array.isArray(JSON.parse(rest))) return null;
    } catch {
      // not JSON: shell form
    }
  }
  return keyword;
}

export function readLogicalLines(text: string): LogicalLines {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const directives: Record<string, string> = {};
  let escape = '\\';
  let directivesDone = false;
  const instructions: RawInstruction[] = [];

  let i = 0;
  while (i < lines.length) {
    const physical = lines[i]!;
    const lineNo = i + 1;
    i++;
    const stripped = physical.trimStart();

    if (!directivesDone) {
      const directive = parseDirective(stripped);
      if (directive !== null && KNOWN_DIRECTIVES.has(directive.name) && !(directive.name in directives)) {
        directives[directive.name] = directive.value;
        if (directive.name === 'escape' && (directive.value === '`' || directive.value === '\\')) escape = directive.value;
        continue;
      }
      directivesDone = true;
    }
    if (stripped === '' || isComment(stripped)) continue;

    let joined = stripped;
    let endLine = lineNo;
    let rest = continuation(joined, escape);
    if (rest !== null) {
      joined = rest;
      while (rest !== null && i < lines.length) {
        const next = lines[i]!;
        i++;
        endLine = i;
        if (isComment(next) || next.trim() === '') continue;
        rest = continuation(next, escape);
        joined += rest ?? next;
      }
    }
    const original = joined.trim();
    if (original === '') continue;

    const heredocs: RawHeredoc[] = [];
    if (heredocKeyword(original) !== null) {
      for (const word of splitWords(original, escape)) {
        const marker = heredocMarker(word);
        if (marker === null) continue;
        const start = i + 1;
        const body: string[] = [];
        let terminated = false;
        while (i < lines.length) {
          const candidate = lines[i]!;
          i++;
          const terminator = marker.chomp ? candidate.replace(/^\t+/, '') : candidate;
          if (terminator === marker.name) {
            terminated = true;
            break;
          }
          body.push(candidate);
        }
        endLine = i;
        heredocs.push({ ...marker, content: body.join('\n'), line: start, endLine: i, terminated });
        if (!terminated) break;
      }
    }
    instructions.push({ original, line: lineNo, endLine, heredocs });
  }
  return { instructions, directives, escape };
}
