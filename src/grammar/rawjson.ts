// `--progress=rawjson`: NDJSON of BuildKit SolveStatus → the same events as plain progress. STUB.
import type { BuildEvent, LogLine } from '../model/types.js';

/** True when a line looks like one rawjson record (cheap check, used for format detection). */
export function looksLikeRawJson(text: string): boolean {
  return text.startsWith('{"') && (text.includes('"vertexes"') || text.includes('"statuses"') || text.includes('"logs"') || text.includes('"warnings"'));
}

export class RawJsonGrammar {
  constructor(private readonly emit: (event: BuildEvent) => void) {}

  /** Consumes one rawjson line; returns false when the line is not rawjson (the caller parses it otherwise). */
  push(_line: LogLine): boolean {
    void this.emit;
    return false;
  }

  end(): void {}
}
