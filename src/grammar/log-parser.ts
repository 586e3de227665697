// Grammar stage: clean lines → build events, whatever the log format. STUB: to be replaced.
import type { BuildEvent, LogFormat, LogLine } from '../model/types.js';

export class LogParser {
  format: LogFormat = 'unknown';
  constructor(private readonly emit: (event: BuildEvent) => void) {}

  push(line: LogLine): void {
    this.emit({ type: 'text', line: line.line, text: line.text });
  }

  end(): void {}
}
