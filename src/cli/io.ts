// What a CLI command is given to talk to the world, and the one way it writes: waiting for a slow
// reader, never blocking on one that went away.
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: Readable;
  /**
   * The descriptor behind `stdin`, when the CLI may read it directly (the real process): a log on
   * stdin is then read like a file, without a stream. Reading `stdin` first would make a pipe
   * non-blocking, so the CLI's own `stdin` is only touched when needed.
   */
  stdinFd?: number;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress while a large log is read). */
  stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one: the text report is fitted to it (80 otherwise). */
  columns?: number;
}

/**
 * Writes and waits until the stream takes more. A stream whose reader went away (EPIPE, see
 * closed-output.ts) is destroyed and never drains: then there is nothing to wait for.
 */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.write(text)) {
      resolve();
      return;
    }
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
