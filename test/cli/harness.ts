// Runs the CLI in-process with fake streams and collects what it printed.
import { PassThrough, Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export async function cli(argv: string[], stdin: Readable | Buffer | string = ''): Promise<CliResult> {
  const stdout = new Collect();
  const stderr = new Collect();
  const input = stdin instanceof Readable ? stdin : Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]);
  const code = await runCli(argv, { stdin: input, stdout, stderr, env: {}, isTTY: false, stderrIsTTY: false });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A stdin that yields `total` bytes of `unit` repeated, in chunks, without holding them all. */
export function generated(unit: string, total: number, chunkSize = 1 << 20): Readable {
  const chunk = Buffer.from(unit.repeat(Math.ceil(chunkSize / unit.length)).slice(0, chunkSize));
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

export { PassThrough };
