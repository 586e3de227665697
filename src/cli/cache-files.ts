// The CLI's caches on disk (the V8 code cache, the prefilter's tables): one directory only this
// user can write, NODE_COMPILE_CACHE when set, else one under the temp directory, checked before
// each use because the temp directory is shared. Every call fails quietly: a cache can make a run
// faster, never break it.
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The cache directory, made if missing; null when it cannot be trusted or made. */
export function cacheDirectory(env: NodeJS.ProcessEnv): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE === '1') return null;
  const uid = process.getuid?.() ?? -1;
  const dir = env.NODE_COMPILE_CACHE || join(tmpdir(), `buildkit-doctor-compile-cache-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // Our own, a real directory, and nobody else may write in it: what we read back is what we wrote.
    if (!stat.isDirectory() || (uid >= 0 && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}

export function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Removes the caches of earlier builds of the same bundle (one is kept per bundle). */
export function removeStale(dir: string, prefix: string, keep: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8') && name !== keep) unlinkSync(join(dir, name));
    }
  } catch {
    // another run may be cleaning up too
  }
}

/** Writes beside the final name and renames: a reader sees a whole cache or none. */
export function writeCache(path: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}
