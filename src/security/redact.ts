// Secret redaction, applied to every clean line before any stage sees it. STUB: to be replaced.
import type { Finding } from '../model/types.js';

export class Redactor {
  redact(text: string, _line: number): string {
    return text;
  }

  /** One `security/secret-in-log` finding per kind of secret seen, values masked. */
  findings(): Finding[] {
    return [];
  }
}
