// runtime/glibc-too-old on the loader's words without the C library's path (a paste that kept the last part), and the
// distroless run image it names; libstdc++'s GLIBCXX labels stay runtime/libstdcxx-too-old's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'runtime/glibc-too-old';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

describe('runtime/glibc-too-old: the bare GLIBC_2.NN line', () => {
  test('GoogleContainerTools/distroless#1859: the distroless run image gets the same-Debian-release fix', async () => {
    const f = (await analyzeLog(fixture('runtime/glibc-too-old/match-bare-glibc238-distroless-base-1859.log'))).find((x) => x.ruleId === RULE)!;
    expect(f.message).toContain('GLIBC_2.38');
    expect(f.fix).toContain('gcr.io/distroless/base-debian13');
    expect(f.fix).toContain('-bookworm');
  });

  test("a GLIBCXX label (libstdc++'s, not the C library's) is not this rule's", async () => {
    const ids = (await analyzeLog(fixture('runtime/libstdcxx-too-old/match-conda-env-torch-ci.log'))).map((x) => x.ruleId);
    expect(ids).not.toContain(RULE);
  });
});
