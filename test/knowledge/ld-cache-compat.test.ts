// The `ld-cache-compat` enricher and the `ldLibcuda` context of runtime/cuda-driver-mismatch: a compat libcuda counts only
// when it is the first libcuda.so.1 of an `ldconfig -p` listing.
import { describe, expect, test } from 'vitest';
import { ldCacheCompatEnrich } from '../../src/knowledge/ld-cache-compat-enricher.js';
import { cudaDriverMismatch } from '../../src/rules/catalog/runtime/cuda-driver-mismatch.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

// NVIDIA/nvidia-container-toolkit#1679, the description's `ldconfig -p | grep libcuda.so.1` output, in its order
const COMPAT_LINE = '\tlibcuda.so.1 (libc6,AArch64) => /usr/local/cuda-13.0/compat/libcuda.so.1';
const HOST_LINE = '\tlibcuda.so.1 (libc6,AArch64) => /usr/lib/aarch64-linux-gnu/nvidia/libcuda.so.1';

const ldLibcuda = cudaDriverMismatch.context!.find((c) => c.name === 'ldLibcuda')!;
const pathOf = (line: string): string | undefined => new RegExp(ldLibcuda.pattern!).exec(line)?.groups?.path;
const enrich = (path: string | undefined) =>
  ldCacheCompatEnrich(path === undefined ? {} : { 'context.ldLibcuda.path': path }, null, makeModel(), factsFor({}, null, makeModel()));

describe('ld-cache-compat: the first libcuda.so.1 of the ld.so cache', () => {
  test('the compat copy listed first is named', () => {
    expect(pathOf(COMPAT_LINE)).toBe('/usr/local/cuda-13.0/compat/libcuda.so.1');
    expect(enrich(pathOf(COMPAT_LINE))).toEqual({ ldCompatFirst: '/usr/local/cuda-13.0/compat/libcuda.so.1' });
  });

  test('the host driver\'s libcuda first, or no listing: nothing', () => {
    expect(pathOf(HOST_LINE)).toBe('/usr/lib/aarch64-linux-gnu/nvidia/libcuda.so.1');
    expect(enrich(pathOf(HOST_LINE))).toEqual({});
    expect(enrich(undefined)).toEqual({});
  });
});

describe('compatConf: the toolkit hook\'s file named in the log', () => {
  const compatConf = cudaDriverMismatch.context!.find((c) => c.name === 'compatConf')!;
  test('the maintainer\'s workaround command names it (NVIDIA/nvidia-container-toolkit#1679, comment by elezar)', () => {
    expect(new RegExp(compatConf.pattern!).test('rm /etc/ld.so.conf.d/00-compat-888138641.conf && ldconfig')).toBe(true);
  });
  test('the ldconfig listing alone does not', () => {
    expect(new RegExp(compatConf.pattern!).test(COMPAT_LINE)).toBe(false);
  });
});
