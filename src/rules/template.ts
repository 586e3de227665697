// Message and fix templates: `{name}` substitution and nothing else (rules are data, never code).
// `{{` and `}}` write literal braces; `${VAR}` is shell syntax in a fix and is left as written.

export type Modifier = 'all' | 'words' | 'counts' | 'repeats' | 'sh';

export interface Placeholder {
  /** `capture`, `count`, `context.cupti`, `context.cupti.dir`, `enrich.accepted`, … */
  name: string;
  /**
   * `all`: every distinct value, comma-separated (for prose); `words`: space-separated (for a
   * command line); `counts`: each value with how often it was seen; `repeats`: the same, for the
   * values seen more than once only (most first); `sh`: the value as one shell word, single-quoted
   * when it holds a character the shell reads (`'cadquery-ocp<7.9,>=7.8'`: unquoted, bash takes
   * `<` and `>` for redirections). Any placeholder takes `sh`; the others apply to captures.
   */
  modifier: Modifier | null;
  /** `{stage|the stage}`: the text written when the placeholder has no value. */
  fallback: string | null;
}

// Alternatives start with distinct characters (`{{`, `}}`, `${`, `{`+letter), so no backtracking
// blow-up; each class excludes the character that ends it. A placeholder may stand in a code span
// (`` `{path|the COPY source}` ``): the backticks around it are taken with it (groups 1 and 5), so that
// a fallback, which is prose, is written without them.
const tokenPattern = /\{\{|\}\}|\$\{[^{}\n]*\}|(`?)\{([A-Za-z][\w.-]*)(?::(all|words|counts|repeats|sh))?(?:\|([^{}\n]*))?\}(`?)/g;

/** Every placeholder a template names, in order. */
export function placeholdersOf(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of template.matchAll(tokenPattern)) {
    if (m[2] !== undefined) found.push({ name: m[2], modifier: (m[3] as Modifier | undefined) ?? null, fallback: m[4] ?? null });
  }
  return found;
}

/**
 * Words, not a value: a fallback with a blank and none of a command's or a path's marks (` -`, `/`, `=`). `the base
 * image` and `not in the log (…)` are prose; `IMAGE`, `CUDA_HOME`, `nginx.org/packages` and `pip install --dry-run …`
 * stand for the value itself and stay code.
 */
function isProse(fallback: string): boolean {
  return fallback.includes(' ') && !fallback.includes(' -') && !fallback.includes('/') && !fallback.includes('=');
}

/**
 * Fills a template; `resolve` returns the value of a placeholder, undefined or '' when it has none
 * (→ the placeholder's fallback, or nothing).
 */
export function renderTemplate(template: string, resolve: (p: Placeholder) => string | undefined): string {
  return template.replace(
    tokenPattern,
    (token: string, open: string | undefined, name: string | undefined, modifier: string | undefined, fallback: string | undefined, close: string | undefined) => {
      if (token === '{{') return '{';
      if (token === '}}') return '}';
      if (name === undefined) return token; // ${VAR}
      const p: Placeholder = { name, modifier: (modifier as Modifier | undefined) ?? null, fallback: fallback ?? null };
      const value = resolve(p);
      if (value !== undefined && value !== '') return `${open}${value}${close}`;
      // a code span whose value is missing and whose fallback is prose (`the COPY source`) loses its backticks
      if (fallback !== undefined && open === '`' && close === '`' && isProse(fallback)) return fallback;
      return `${open}${fallback ?? ''}${close}`;
    },
  );
}

const maxValueLength = 200;

/**
 * A log-derived value made safe to put into a template: one line, bounded, and without the
 * backtick that could close the code span it is written in. `<` stays: a version bound
 * (`datasets<4.0`) must be copied as printed, and the Markdown reporters show `<` outside code
 * as text (sanitizeMarkdown), while code spans and blocks render it literally.
 */
export function safeValue(value: string, max = maxValueLength): string {
  let v = value.replace(/\p{Cc}+/gu, ' ').trim();
  if (v.length > max) v = `${v.slice(0, max - 1)}…`;
  return v.replace(/`/g, "'");
}

/** Names of the named groups a regular expression source declares. */
export function captureNamesOf(patternSource: string): string[] {
  const names: string[] = [];
  for (const m of patternSource.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)) {
    if (m[1] !== undefined && !names.includes(m[1])) names.push(m[1]);
  }
  return names;
}
