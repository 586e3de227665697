// Keeps the prefilter's automaton between CLI runs. Building it from the ~950 literals of the
// catalog is the largest single cost of a short run (its loops run once, cold, and are compiled on
// the way); reading it back is one file read. The file sits beside the code cache, in the same
// directory only this user can write, and is written whole or not at all (a rename). It holds the
// key it was built for, the literals and the bundle that built it (size, time, inode, as for the
// code cache), so a file of other rules or of another build of the code is never used: the scan
// builds its own tables and this file is replaced.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { PrefilterTableStore, PrefilterTables } from '../match/prefilter.js';
import { cacheDirectory, readCache, writeCache } from './cache-files.js';

const MAGIC = 0x5044_4b42; // "BKDP" read as a little-endian word
const FILE_NAME = 'prefilter-tables.bin';
/** Words before the key: magic, key bytes, symbols, then the length of each array. */
const HEADER_WORDS = 8;

/** The bundle's identity without reading it, as for the code cache; '' when it cannot be read. */
function codeIdentity(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}-${Math.round(stat.mtimeMs)}-${stat.ino}`;
  } catch {
    return '';
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** The file's bytes: header, key (UTF-8, padded to a word), then the five arrays. */
export function encodeTables(key: string, tables: PrefilterTables): Buffer {
  const keyBytes = Buffer.from(key, 'utf8');
  const arrays = [tables.symbolOf, tables.delta, tables.depth, tables.outStart, tables.outList];
  let size = HEADER_WORDS * 4 + align4(keyBytes.length);
  for (const array of arrays) size += align4(array.byteLength);
  const out = Buffer.alloc(size);
  const header = [MAGIC, keyBytes.length, tables.symbols, tables.delta.length, tables.depth.length, tables.outStart.length, tables.outList.length, tables.symbolOf.length];
  header.forEach((word, i) => out.writeUInt32LE(word >>> 0, i * 4));
  keyBytes.copy(out, HEADER_WORDS * 4);
  let at = HEADER_WORDS * 4 + align4(keyBytes.length);
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, at);
    at += align4(array.byteLength);
  }
  return out;
}

/** The tables in `bytes` when they were saved under `key` and are whole; else undefined. */
export function decodeTables(bytes: Buffer, key: string): PrefilterTables | undefined {
  if (bytes.length < HEADER_WORDS * 4 || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  const word = (i: number): number => bytes.readUInt32LE(i * 4);
  const keyLength = word(1);
  const [symbols, deltaLength, depthLength, outStartLength, outListLength, symbolOfLength] = [word(2), word(3), word(4), word(5), word(6), word(7)];
  let at = HEADER_WORDS * 4;
  if (at + keyLength > bytes.length || bytes.toString('utf8', at, at + keyLength) !== key) return undefined;
  at += align4(keyLength);
  const expected = at + align4(symbolOfLength * 2) + 4 * (deltaLength + depthLength + outStartLength + outListLength);
  // The shape every automaton has: one row of `symbols` per state, one more outStart than states.
  if (bytes.length !== expected || symbolOfLength !== 65536 || symbols === 0 || deltaLength !== depthLength * symbols || outStartLength !== depthLength + 1) return undefined;
  // Copied out of the file's buffer: typed arrays need their own alignment, and this is one memcpy.
  const take = <T>(make: (buffer: ArrayBuffer) => T, byteLength: number): T => {
    const copy = new ArrayBuffer(byteLength);
    bytes.copy(Buffer.from(copy), 0, at, at + byteLength);
    at += align4(byteLength);
    return make(copy);
  };
  const symbolOf = take((b) => new Uint16Array(b), symbolOfLength * 2);
  const delta = take((b) => new Int32Array(b), deltaLength * 4);
  const depth = take((b) => new Int32Array(b), depthLength * 4);
  const outStart = take((b) => new Int32Array(b), outStartLength * 4);
  const outList = take((b) => new Int32Array(b), outListLength * 4);
  if (outStart[outStartLength - 1] !== outListLength) return undefined;
  return { symbolOf, symbols, delta, depth, outStart, outList };
}

/**
 * The store for this process: tables kept in the cache directory, for the code in `codeFile`;
 * null when there is no usable directory (or caches are turned off).
 */
export function prefilterTableStore(codeFile: string, env: NodeJS.ProcessEnv = process.env): PrefilterTableStore | null {
  const dir = cacheDirectory(env);
  if (dir === null) return null;
  const path = join(dir, FILE_NAME);
  const identity = codeIdentity(codeFile);
  return {
    load(key) {
      const bytes = readCache(path);
      return bytes === undefined ? undefined : decodeTables(bytes, `${identity}\n${key}`);
    },
    save(key, tables) {
      writeCache(path, encodeTables(`${identity}\n${key}`, tables));
    },
  };
}
