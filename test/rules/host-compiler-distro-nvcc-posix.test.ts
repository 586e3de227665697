// cuda/unsupported-host-compiler, the distribution's nvcc (`/usr/bin/nvcc`, CUDA 11.5) with gcc 11: the shell block that
// installs NVIDIA's toolkit of torch's CUDA release runs in any POSIX sh. `${CUDA_VER/./-}` is a bash-only substitution:
// dash (Debian / Ubuntu's /bin/sh) stops on it with "Bad substitution". Real log: turboderp/exllama#65 (provenance in
// fixtures/rules/cuda/unsupported-host-compiler/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('cuda/unsupported-host-compiler, distribution nvcc', () => {
  test('the cuda-toolkit package name is made without bash-only substitutions', async () => {
    const findings = await analyzeLog(fixture('cuda/unsupported-host-compiler/match-exllama-distro-nvcc115-wrapped-rows.log'));
    const f = findings.find((x) => x.ruleId === 'cuda/unsupported-host-compiler')!;
    expect(f.fix).toContain('"cuda-toolkit-$(echo "$CUDA_VER" | tr . -)"');
    // no `${name/pattern/replacement}` (bash, zsh, ksh only)
    expect(f.fix).not.toMatch(/\$\{\w+\/[^}]*\}/);
  });
});
