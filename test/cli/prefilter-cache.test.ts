// The prefilter's tables kept between runs (src/cli/prefilter-cache.ts and the store hook of
// src/match/prefilter.ts): what a store gives back scans exactly as what is built, a store is
// asked only for the literals it was given, and a file that is not whole is never used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeTables, encodeTables, prefilterTableStore } from '../../src/cli/prefilter-cache.js';
import { buildPrefilterTables, literalsKey, Prefilter, usePrefilterTableStore, type PrefilterLiteral, type PrefilterTables } from '../../src/match/prefilter.js';

const literals: PrefilterLiteral[] = [
  { text: 'NOTFOUND', ignoreCase: false, target: 0 },
  { text: 'LIBRARY-NOTFOUND', ignoreCase: false, target: 1 },
  { text: 'found cupti', ignoreCase: true, target: 2 },
  { text: 'killed', ignoreCase: true, target: 3, wordStart: true },
  { text: 'Größe', ignoreCase: true, target: 4 },
];
const lines = ['-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include', '-- CUPTI library: CUPTI_LIBRARY-NOTFOUND', 'c++: fatal error: Killed signal terminated program cc1plus', 'unkilled', 'GRÖSSE größe', ''];
const hits = (p: Prefilter) => lines.map((line) => p.scan(line).map((t, i) => [t, p.endOf(i)]));

const dir = mkdtempSync(join(tmpdir(), 'bkd-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => usePrefilterTableStore(null));

describe('a table store', () => {
  it('is asked for the key of these literals, and what it gives back scans as what is built', () => {
    const built = hits(new Prefilter(literals));
    const saved = new Map<string, PrefilterTables>();
    const asked: string[] = [];
    usePrefilterTableStore({ load: (key) => (asked.push(key), saved.get(key)), save: (key, tables) => saved.set(key, tables) });
    expect(hits(new Prefilter(literals))).toEqual(built);
    expect([...saved.keys()]).toEqual([literalsKey(literals)]);
    // From the store this time: the same hits, nothing saved again.
    const kept = saved.get(literalsKey(literals))!;
    saved.clear();
    saved.set(literalsKey(literals), kept);
    expect(hits(new Prefilter(literals))).toEqual(built);
    expect(asked).toEqual([literalsKey(literals), literalsKey(literals)]);
    // One literal's case changed is another key.
    expect(literalsKey([{ ...literals[0]!, ignoreCase: true }, ...literals.slice(1)])).not.toBe(literalsKey(literals));
  });

  it('round-trips tables through its file format, and refuses a file for another key or one cut short', () => {
    const tables = buildPrefilterTables(literals);
    const bytes = encodeTables('key one', tables);
    expect(decodeTables(bytes, 'key one')).toEqual(tables);
    expect(decodeTables(bytes, 'key two')).toBeUndefined();
    expect(decodeTables(bytes.subarray(0, bytes.length - 4), 'key one')).toBeUndefined();
    expect(decodeTables(Buffer.concat([bytes, Buffer.alloc(4)]), 'key one')).toBeUndefined();
    expect(decodeTables(Buffer.from('short'), 'key one')).toBeUndefined();
  });

  it('keeps the tables in the cache directory for this code, and not for another build of it', () => {
    const code = join(dir, 'code.cjs');
    writeFileSync(code, '// one build');
    const store = prefilterTableStore(code, { NODE_COMPILE_CACHE: join(dir, 'cache') })!;
    const tables = buildPrefilterTables(literals);
    store.save('k', tables);
    expect(store.load('k')).toEqual(tables);
    expect(store.load('other')).toBeUndefined();
    expect(readFileSync(join(dir, 'cache', 'prefilter-tables.bin')).length).toBeGreaterThan(65536 * 2);
    writeFileSync(code, '// another build of the code');
    expect(prefilterTableStore(code, { NODE_COMPILE_CACHE: join(dir, 'cache') })!.load('k')).toBeUndefined();
    expect(prefilterTableStore(code, { NODE_COMPILE_CACHE: join(dir, 'cache'), NODE_DISABLE_COMPILE_CACHE: '1' })).toBeNull();
  });
});
