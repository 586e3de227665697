// Opens a log for reading: a path, `-` for stdin, gzip recognised by its magic bytes, UTF-16 (what
// PowerShell's `>` writes) by its byte-order mark. Every failure becomes one InputError line
// naming the file and the reason: a missing file, a directory, corrupt gzip, binary data, and a
// log with nothing in it (raised when the stream ends, so the reader sees it like a read error).
import { promises as fs } from 'node:fs';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { InputError } from './errors.js';

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
    if (!this.sawText) {
      return done(new InputError(this.bytes === 0 ? `${this.label} is empty: nothing to analyse (${EMPTY_HINT})` : `${this.label} has only blank lines: nothing to analyse (${EMPTY_HINT})`));
    }
    done();
  }

  private decide(): Error | null {
    this.decided = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) this.utf16 = new TextDecoder('utf-16le');
    else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) this.utf16 = new TextDecoder('utf-16be');
    if (!this.utf16) {
      const sample = head.subarray(0, SNIFF_BYTES);
      let odd = 0;
      for (const byte of sample) if (isBinaryByte(byte)) odd++;
      // One stray control byte is noise in a real log; NULs or many controls are not text.
      if (sample.includes(0) || odd > sample.length / 100 + 2) {
        return new InputError(`${this.label} looks like binary data, not a build log (control bytes in its first ${Math.min(SNIFF_BYTES, sample.length)} bytes)`);
      }
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
    if (this.sawText) return;
    for (const byte of chunk) {
      if (!isBlankByte(byte) && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) {
        this.sawText = true;
        return;
      }
    }
  }
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

export async function openInput(path: string, stdin: Readable): Promise<Readable> {
  if (path === '-') return gunzipIfCompressed(stdin, 'standard input');
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: is a directory`);
  try {
    const handle = await fs.open(path, 'r');
    return gunzipIfCompressed(handle.createReadStream(), path);
  } catch (error) {
    throw describeFsError(path, error);
  }
}

/** The whole text of a file the user named (a rules file, a Dockerfile): a read error is one InputError line. */
export async function readOptionalFile(path: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    throw describeFsError(path, error);
  }
}
