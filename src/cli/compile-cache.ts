// Loads the CLI's bundled code through a V8 code cache, so a run after the first skips parsing and
// compiling its ~1.8 MB. Node 22 has this built in (module.enableCompileCache); Node 20 does not,
// so the cache is kept here the same way: one file per bundle (size, time, inode), Node version and flags,
// in a directory only this user can write (NODE_COMPILE_CACHE when set, else one under the temp
// directory), checked before each use because the temp directory is shared. Any failure (a
// read-only file system, a directory someone else owns, a cache V8 rejects) falls back to
// compiling: the cache can make a run faster, never break it. NODE_DISABLE_COMPILE_CACHE=1 turns
// it off, as it does Node's own.
import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDirectory, readCache, removeStale, writeCache } from './cache-files.js';

/**
 * A short tag for Node's flags (V8 checks its own flags against a cache, this only keeps one cache
 * per set of flags). FNV-1a, not node:crypto, whose loading alone costs more than this whole key.
 */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The bundle's text. The bundle is ASCII (scripts/bundle.mjs escapes the rest), read as Latin-1 it is
 * a one-byte string, made without the UTF-8 decoder, and half the memory; any other file is UTF-8.
 */
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * Runs the CommonJS file `file` as `require` would, compiled from the cache when there is a good
 * one; after a run without one, the code V8 compiled during the run (the functions that ran
 * included) is saved as the process exits.
 */
export function requireCached(file: string, env: NodeJS.ProcessEnv = process.env): void {
  const source = readSource(file);
  const dir = cacheDirectory(env);
  // The bundle's identity without reading its 1.9 MB: a rebuild changes its size or time.
  const stat = statSync(file);
  const key = `${process.version}-${stat.size}-${Math.round(stat.mtimeMs)}-${stat.ino}-${fnv1a(process.execArgv.join(' '))}`;
  const cachePath = dir === null ? null : join(dir, `${basename(file)}-${key}.v8`);
  const cachedData = cachePath === null ? undefined : readCache(cachePath);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (cachePath !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => {
      removeStale(dir!, `${basename(file)}-`, basename(cachePath));
      writeCache(cachePath, script.createCachedData());
    });
  }
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
