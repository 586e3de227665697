// Characters that change how text reads without being seen: bidirectional controls ("Trojan
// Source": U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+061C and U+200E/U+200F
// marks) and zero-width characters (U+200B–U+200D, U+FEFF). A log line can use them to make an
// annotation, the summary or the terminal show something other than what the build printed, or to
// split a word so that a reader's search misses it. Every output removes the same set, with this
// one function: annotations, the summary and comment (src/security/markdown-escape.ts), the text
// report, `--format github`, JSON and SARIF.
//
// The Markdown escaper adds one of them back on purpose (U+200D after `@`, so that a log's
// `@org/team` notifies nobody), after this has run.

/** The source of the class, for modules that fold it into a regex of their own. */
export const INVISIBLE_CLASS = '\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`);

export function stripInvisible(text: string): string {
  // Nearly every string has none: a test without allocating first.
  return ANY_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** `JSON.stringify` with every string stripped of invisible characters (JSON report, SARIF, outputs). */
export function stringifyVisible(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? stripInvisible(v) : v), indent);
}
