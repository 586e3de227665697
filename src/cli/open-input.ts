// Opens a log for reading: a path, `-` for stdin, gzip recognised by its magic bytes.
// Every failure becomes one InputError line naming the file and the reason.
import { promises as fs } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
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
  return new InputError(`cannot read ${path}: ${REASONS[code] ?? (error as Error)?.message ?? String(error)}`);
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
  return out;
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
