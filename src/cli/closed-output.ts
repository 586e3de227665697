// `buildkit-doctor build.log | head -1`: the reader goes away while the report is still being
// written. The next write fails with EPIPE, which Node raises as an 'error' event on the stream,
// and an 'error' event nobody listens to ends the process with a stack trace. A reader that left
// is not a failure of the analysis: stop writing, say nothing, keep the exit code.
import type { Writable } from 'node:stream';

export interface ClosedOutputOptions {
  /** A write error other than EPIPE (a full disk behind `> report.txt`, EIO): worth one line. */
  onOtherError: (error: NodeJS.ErrnoException, stream: Writable) => void;
}

/** Listens for write errors on `streams` for the life of the process. */
export function guardOutputs(streams: readonly Writable[], options: ClosedOutputOptions): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: the reader closed its end; ERR_STREAM_DESTROYED: a write after that.
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      options.onOtherError(error, stream);
    });
  }
}
