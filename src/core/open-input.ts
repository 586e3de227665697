// Opens a log for reading: a path, `-` for stdin, gzip recognised by its magic bytes, UTF-16 (what
// PowerShell's `>` writes) by its byte-order mark. Every failure becomes one InputError line
// naming the file and the reason: a missing file, a directory, corrupt gzip, binary data, and a
// log with nothing in it (raised when the stream ends, so the reader sees it like a read error).
import { promises as fs, closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createRequire } from 'node:module';
import { InputError } from './errors.js';

// Loaded on first use: most runs never need it, and Node compiles each built-in module it loads.
const nodeRequire = createRequire(import.meta.url);

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

export function describeFsError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const detail = REASONS[code] ?? String((error as Error)?.message ?? error).split('\n')[0];
  return new InputError(`cannot read ${path}: ${detail}`);
}

/** Bytes looked at to tell a text log from binary data. */
const SNIFF_BYTES = 8 * 1024;
/** Hint for an empty log: the usual cause is a redirect that missed BuildKit's stderr. */
const EMPTY_HINT = 'BuildKit prints its progress on stderr: capture it with 2>&1';

/** True for bytes that text logs do not contain: NUL and the C0 controls other than \t \n \v \f \r ESC. */
function isBinaryByte(byte: number): boolean {
  return byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b);
}

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * Passes a decompressed log through, checking its start: UTF-16 (by its BOM) is turned into
 * UTF-8; NUL or other control bytes in the first 8 KiB mean binary data; a stream that ends with
 * nothing but blanks is an empty log. Memory stays bounded: only the first 8 KiB are held.
 */
export class LogSniffer extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private utf16: TextDecoder | null = null;
  private sawText = false;
  private bytes = 0;

  constructor(private readonly label: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decided) return done(null, this.convert(chunk));
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    done(this.decide());
  }

  override _flush(done: TransformCallback): void {
    if (!this.decided) {
      const error = this.decide();
      if (error) return done(error);
    }
    if (this.utf16) {
      const rest = this.utf16.decode();
      if (rest) this.noteText(Buffer.from(rest));
      if (rest) this.push(rest);
    }
    if (!this.sawText) return done(emptyLogError(this.label, this.bytes));
    done();
  }

  private decide(): Error | null {
    this.decided = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) this.utf16 = new TextDecoder('utf-16le');
    else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) this.utf16 = new TextDecoder('utf-16be');
    if (!this.utf16) {
      const error = binaryDataError(head, this.label);
      if (error) return error;
    }
    const converted = this.convert(head);
    if (converted.length > 0) this.push(converted);
    return null;
  }

  private convert(chunk: Buffer): Buffer {
    const out = this.utf16 ? Buffer.from(this.utf16.decode(chunk, { stream: true })) : chunk;
    this.noteText(out);
    return out;
  }

  private noteText(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (!this.sawText) this.sawText = holdsText(chunk, chunk.length);
  }
}

/** The error for a log whose first bytes are not text (NUL, or control bytes beyond noise), else null. */
function binaryDataError(head: Buffer, label: string): InputError | null {
  const sample = head.subarray(0, SNIFF_BYTES);
  let odd = 0;
  for (const byte of sample) if (isBinaryByte(byte)) odd++;
  // One stray control byte is noise in a real log; NULs or many controls are not text.
  if (sample.includes(0) || odd > sample.length / 100 + 2) {
    return new InputError(`${label} looks like binary data, not a build log (control bytes in its first ${Math.min(SNIFF_BYTES, sample.length)} bytes)`);
  }
  return null;
}

/** Whether the first `length` bytes hold more than blanks (and a UTF-8 byte-order mark). */
function holdsText(chunk: Buffer, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const byte = chunk[i]!;
    if (!isBlankByte(byte) && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return true;
  }
  return false;
}

function emptyLogError(label: string, bytes: number): InputError {
  return new InputError(bytes === 0 ? `${label} is empty: nothing to analyse (${EMPTY_HINT})` : `${label} has only blank lines: nothing to analyse (${EMPTY_HINT})`);
}

/** Peeks at the first bytes; a gzip stream is decompressed on the fly, anything else passes through. */
export function gunzipIfCompressed(source: Readable, label: string): Readable {
  const out = new PassThrough();
  let decided = false;
  source.once('error', (e) => out.destroy(describeFsError(label, e)));
  source.on('data', (chunk: Buffer) => {
    if (decided) return;
    decided = true;
    source.pause();
    source.removeAllListeners('data');
    source.unshift(chunk);
    if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
      const { createGunzip } = nodeRequire('node:zlib') as typeof import('node:zlib');
      const gunzip = createGunzip();
      gunzip.once('error', (e) => out.destroy(new InputError(`cannot read ${label}: corrupt gzip data (${e.message})`)));
      source.pipe(gunzip).pipe(out);
    } else {
      source.pipe(out);
    }
    source.resume();
  });
  source.once('end', () => {
    if (!decided) out.end();
  });
  const sniffer = new LogSniffer(label);
  out.once('error', (e) => sniffer.destroy(e));
  return out.pipe(sniffer);
}

/** A log path that names no file (missing, a directory, no permission) is one InputError line. */
async function mustBeReadableFile(path: string): Promise<void> {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: is a directory`);
}

export async function openInput(path: string, stdin: Readable): Promise<Readable> {
  if (path === '-') return gunzipIfCompressed(stdin, 'standard input');
  await mustBeReadableFile(path);
  try {
    const handle = await fs.open(path, 'r');
    return gunzipIfCompressed(handle.createReadStream(), path);
  } catch (error) {
    throw describeFsError(path, error);
  }
}

/** Bytes read at once from a log's file descriptor, into the one buffer the whole log is read with. */
const READ_BYTES = 1024 * 1024;

/** Reads into `buf` from `at`; null when the descriptor is non-blocking and has nothing yet. */
function readSome(fd: number, buf: Buffer, at: number): number | null {
  try {
    return readSync(fd, buf, at, buf.length - at, null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') return null;
    // A closed pipe on Windows ends the read with an error instead of 0 bytes.
    if (code === 'EOF') return 0;
    throw error;
  }
}

/** `head`, then the rest of the log: the descriptor read into fresh buffers, or `stream` once it would block. */
async function* headThenRest(head: Buffer, fd: number, stream: () => AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (;;) {
    const buf = Buffer.allocUnsafe(READ_BYTES);
    const got = readSome(fd, buf, 0);
    if (got === null) {
      yield* stream();
      return;
    }
    if (got === 0) return;
    yield buf.subarray(0, got);
  }
}

/**
 * A log read straight from its file descriptor with blocking reads into one buffer, reused for
 * the whole log: no chunk is allocated and no stream stands between the file and the line
 * splitter, so memory stays flat however long the log. Each chunk is valid until the next one is
 * asked for (the splitter copies what it keeps). The checks are openInput's: binary data and an
 * empty log are one InputError line; a log that needs decoding (gzip, UTF-16) and a descriptor
 * that is non-blocking (it would fail with EAGAIN) go on through openInput's streams, `stream`
 * giving the descriptor's own stream when needed.
 */
export async function* readLogFd(fd: number, label: string, stream: () => AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const buf = Buffer.allocUnsafe(READ_BYTES);
  let n = 0;
  let eof = false;
  // The head: enough bytes to tell what the log is (a pipe may give them a few at a time).
  while (n < SNIFF_BYTES && !eof) {
    const got = readSome(fd, buf, n);
    if (got === null) {
      yield* decodedStream(Readable.from(headThenRest(Buffer.from(buf.subarray(0, n)), fd, stream), { objectMode: false }), label);
      return;
    }
    if (got === 0) eof = true;
    n += got;
  }
  const gzip = n >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  const utf16 = n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (gzip || utf16) {
    yield* decodedStream(Readable.from(eof ? [Buffer.from(buf.subarray(0, n))] : headThenRest(Buffer.from(buf.subarray(0, n)), fd, stream), { objectMode: false }), label);
    return;
  }
  const error = binaryDataError(buf.subarray(0, n), label);
  if (error) throw error;
  let bytes = 0;
  let sawText = false;
  for (;;) {
    if (n > 0) {
      bytes += n;
      if (!sawText) sawText = holdsText(buf, n);
      yield buf.subarray(0, n);
    }
    if (eof) break;
    const got = readSome(fd, buf, 0);
    if (got === null) {
      for await (const chunk of stream()) {
        bytes += chunk.length;
        if (!sawText) sawText = holdsText(chunk, chunk.length);
        yield chunk;
      }
      break;
    }
    n = got;
    eof = got === 0;
  }
  if (!sawText) throw emptyLogError(label, bytes);
}

/** The chunks of openInput's decoding streams, errors included. */
async function* decodedStream(source: Readable, label: string): AsyncGenerator<Buffer> {
  for await (const chunk of gunzipIfCompressed(source, label)) yield chunk as Buffer;
}

/**
 * A log file read by readLogFd, its descriptor closed at the end; the same errors as openInput
 * for a path that cannot be read.
 */
export async function* readLogFile(path: string): AsyncGenerator<Buffer> {
  await mustBeReadableFile(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw describeFsError(path, error);
  }
  try {
    yield* readLogFd(fd, path, () => {
      throw new InputError(`cannot read ${path}: the file would block`);
    });
  } catch (error) {
    throw error instanceof InputError ? error : describeFsError(path, error);
  } finally {
    closeSync(fd);
  }
}

/** The whole text of a file the user named (a rules file, a Dockerfile): a read error is one InputError line. */
export async function readOptionalFile(path: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw describeFsError(path, error);
  }
}
