// Two small line forms that several grammars meet: BuildKit's lint warnings and its clip notice.

export interface LintWarning {
  rule: string;
  message: string;
  dockerfileLine: number | null;
}

/**
 * `FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)` → rule, message, line.
 * Printed after `#1 WARN: ` while building and after ` - ` in the closing warnings summary.
 */
export function parseLintWarning(text: string): LintWarning {
  let body = text.trim();
  let dockerfileLine: number | null = null;
  if (body.endsWith(')')) {
    const open = body.lastIndexOf(' (line ');
    if (open >= 0) {
      const digits = body.slice(open + 7, -1);
      if (digits.length > 0 && digits.length < 10 && /^\d+$/.test(digits)) {
        dockerfileLine = Number(digits);
        body = body.slice(0, open);
      }
    }
  }
  const colon = body.indexOf(': ');
  const rule = colon > 0 && colon <= 64 && !body.slice(0, colon).includes(' ') ? body.slice(0, colon) : '';
  const message = rule === '' ? body : body.slice(colon + 2);
  return { rule, message, dockerfileLine };
}

/** `[output clipped, log limit 2MiB reached]` (size limit) or `… 200KiB/s reached]` (speed limit). */
export function isClipNotice(text: string): boolean {
  return text.startsWith('[output clipped, log limit ') && text.endsWith(' reached]');
}
