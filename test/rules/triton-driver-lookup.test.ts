// Triton's run-time lookups of the driver, each on a real log (provenance in the fixtures' README.md): the ld line
// that names libcuda counts only beside a sign of Triton, and ld's line for another library is no match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { tritonLibcudaLink } from '../../src/rules/catalog/runtime/triton-libcuda-link.js';
import { libcudaStubMissing } from '../../src/rules/catalog/cuda/libcuda-stub-missing.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function ids(text: string): Promise<string[]> {
  return (await analyzeLog(text)).map((f) => f.ruleId);
}

describe('runtime/triton-libcuda-link: ld\'s own line', () => {
  const log = fixture('runtime/triton-libcuda-link/match-triton2-ld-no-command.log');

  test('Triton 2.0\'s launcher traceback beside ld\'s line: the finding, with the symlink advice', async () => {
    const f = (await analyzeLog(log)).find((x) => x.ruleId === 'runtime/triton-libcuda-link');
    expect(f!.fix).toContain('ln -s libcuda.so.1');
    expect(f!.fix).toContain('TRITON_LIBCUDA_PATH');
  });

  test('the same paste cut before its traceback (no sign of Triton): no Triton finding', async () => {
    const cut = log.split('\n').slice(0, 3).join('\n');
    expect(cut).toContain('cannot find -lcuda');
    expect(await ids(cut)).not.toContain('runtime/triton-libcuda-link');
  });

  test('ld\'s line for libcudart (tylerlum/human2sim2robot, docs/installation.md) is not the driver\'s', () => {
    const line = '/usr/bin/ld: cannot find -lcudart';
    const patterns = [...tritonLibcudaLink.match!, ...libcudaStubMissing.match!].map((m) => new RegExp(m.pattern ?? m.literals!.join('|')));
    expect(patterns.some((p) => p.test(line))).toBe(false);
    expect(patterns.some((p) => p.test('/usr/bin/ld: cannot find -lcuda'))).toBe(true);
  });
});

describe('Triton in a system Python: `dist-packages`', () => {
  // A real frame of Triton's launcher build under Debian's dist-packages (Colab), MAGICS-LAB/DNABERT_2#56
  const frame = '/usr/local/lib/python3.10/dist-packages/triton/common/build.py in _build(name, src, srcdir)';

  test('counts as a sign of Triton for runtime/triton-libcuda-link and for libcuda-stub-missing\'s unless', () => {
    const sign = tritonLibcudaLink.context!.find((c) => c.name === 'triton')!;
    expect(sign.literals!.some((l) => frame.includes(l))).toBe(true);
    expect(new RegExp(sign.pattern!).test(frame)).toBe(true);
    const unless = libcudaStubMissing.unless![0]!;
    expect(unless.literals!.some((l) => frame.includes(l))).toBe(true);
    expect(new RegExp(unless.pattern!).test(frame)).toBe(true);
  });
});
