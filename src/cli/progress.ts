// A progress line on stderr while a large log is read, for people at a terminal only: redrawn in
// place at most a few times a second, erased when done, never written to a pipe or a CI log.
import { Transform, type Readable, type Writable } from 'node:stream';

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;
}

export interface ProgressOptions {
  label: string;
  /** Total bytes when known (a file), null for stdin. */
  total: number | null;
  stderr: Writable;
  /** Milliseconds between redraws. */
  interval?: number;
  now?: () => number;
}

/** Passes bytes through unchanged, drawing `reading build.log 42% (420 MB / 1.0 GB)`. */
export function withProgress(input: Readable, options: ProgressOptions): Readable {
  const interval = options.interval ?? 200;
  const now = options.now ?? Date.now;
  let seen = 0;
  let last = 0;
  let drawn = false;
  const draw = () => {
    const pct = options.total ? ` ${Math.min(100, Math.floor((seen / options.total) * 100))}%` : '';
    const of = options.total ? ` / ${size(options.total)}` : '';
    options.stderr.write(`\r\u001b[2Kreading ${options.label}${pct} (${size(seen)}${of})`);
    drawn = true;
  };
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      const t = now();
      if (t - last >= interval) {
        last = t;
        draw();
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (drawn) options.stderr.write('\r\u001b[2K');
      callback();
    },
  });
  input.once('error', (e) => counter.destroy(e));
  return input.pipe(counter);
}

/** Worth drawing: a terminal, and a log big enough to take a noticeable moment. */
export function wantsProgress(stderrIsTTY: boolean, total: number | null, env: NodeJS.ProcessEnv): boolean {
  return stderrIsTTY && !env.CI && (total === null || total >= 64 * MB);
}
