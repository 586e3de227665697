// Bytes → raw lines, in bounded memory. A line is cut on `\n` only (a `\r\n` keeps its `\r`, which
// the cleaner removes). A line longer than the cap keeps its first `maxBytes` bytes and, when it
// is redrawn with carriage returns after that point, the bytes after the last `\r` too (also
// capped): that is the progress bar's last state, which the cleaner keeps. Nothing else of the
// line is held, so a 50 MB line with no newline costs at most twice the cap.
//
// split2 would hold such a line whole until its end; this splitter also decodes each line once,
// straight from the chunk it lies in, when the line fits in one chunk (the common case).

export interface RawLine {
  text: string;
  /** 1-based number of the line in the input. */
  line: number;
  truncated: boolean;
}

/** Keep at most this many bytes of one line (64 KiB). */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

const LF = 10;
const CR = 13;

/** The largest cut ≤ `end` that does not split a UTF-8 sequence (at most 3 bytes back). */
function utf8Boundary(buf: Buffer, start: number, end: number): number {
  let cut = end;
  for (let back = 0; back < 3 && cut > start && cut < buf.length && (buf[cut]! & 0xc0) === 0x80; back++) cut--;
  return cut;
}

/** Up to `max` bytes, collected from pieces of chunks (copied: the chunk is not kept alive). */
class BoundedBytes {
  private parts: Buffer[] = [];
  length = 0;
  overflow = false;

  constructor(private readonly max: number) {}

  /** Keeps what fits of `buf[start, end)`; returns the index of the first byte not kept. */
  add(buf: Buffer, start: number, end: number): number {
    if (start >= end) return end;
    const room = this.max - this.length;
    let stop = end;
    if (end - start > room) {
      stop = utf8Boundary(buf, start, start + Math.max(0, room));
      this.overflow = true;
    }
    if (stop > start) {
      this.parts.push(Buffer.from(buf.subarray(start, stop)));
      this.length += stop - start;
    }
    return stop;
  }

  toString(): string {
    if (this.parts.length === 0) return '';
    if (this.parts.length === 1) return this.parts[0]!.toString('utf8');
    return Buffer.concat(this.parts, this.length).toString('utf8');
  }
}

export class LineSplitter {
  private lineNo = 0;
  /** The start of the current line (bounded), null when no byte of it has been seen. */
  private head: BoundedBytes | null = null;
  /** After `head` overflowed: the bytes after the last `\r` seen since (bounded). */
  private tail: BoundedBytes | null = null;
  /** The last byte seen beyond the cap was `\r`. */
  private crPending = false;

  constructor(
    private readonly onLine: (line: RawLine) => void,
    private readonly maxBytes: number = DEFAULT_MAX_LINE_BYTES,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    let start = 0;
    const length = chunk.length;
    while (start < length) {
      const nl = chunk.indexOf(LF, start);
      const end = nl < 0 ? length : nl;
      if (this.head === null && nl >= 0 && end - start <= this.maxBytes) {
        // Fast path: the whole line lies in this chunk.
        this.onLine({ text: chunk.toString('utf8', start, end), line: ++this.lineNo, truncated: false });
      } else {
        this.addPart(chunk, start, end);
        if (nl >= 0) this.flush();
      }
      if (nl < 0) return;
      start = nl + 1;
    }
  }

  /** Ends the input: a last line without `\n` is still a line. */
  end(): void {
    if (this.head !== null) this.flush();
  }

  private addPart(buf: Buffer, start: number, end: number): void {
    if (this.head === null) this.head = new BoundedBytes(this.maxBytes);
    let from = start;
    if (!this.head.overflow) {
      from = this.head.add(buf, start, end);
      if (from >= end) return;
    }
    if (from >= end) return;
    // Beyond the cap only a redraw is worth keeping: the bytes after the last `\r`. A `\r` that is
    // the last byte seen may be the `\r` of `\r\n`: it starts a redraw only if more bytes follow.
    if (this.crPending) {
      this.tail = new BoundedBytes(this.maxBytes);
      this.crPending = false;
    }
    let last = end;
    if (buf[end - 1] === CR) {
      this.crPending = true;
      last = end - 1;
    }
    const cr = last > from ? buf.lastIndexOf(CR, last - 1) : -1;
    if (cr >= from) {
      this.tail = new BoundedBytes(this.maxBytes);
      this.tail.add(buf, cr + 1, last);
      return;
    }
    this.tail?.add(buf, from, last);
  }

  private flush(): void {
    const head = this.head;
    if (head === null) return;
    let text = head.toString();
    let truncated = head.overflow;
    if (this.tail !== null && this.tail.length > 0) {
      // The cleaner keeps what follows the last `\r`: the redraw's last state.
      text += '\r' + this.tail.toString();
      truncated = this.tail.overflow;
    }
    this.head = null;
    this.tail = null;
    this.crPending = false;
    this.onLine({ text, line: ++this.lineNo, truncated });
  }
}
