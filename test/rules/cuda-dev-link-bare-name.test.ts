// A CUDA library asked for by its bare name (`libnvrtc.so`, no `.N`) is a development link: the fix is the link to the versioned
// file or the library's `-dev` / `-devel` package, never the runtime libraries that ship the versioned file only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

describe('runtime/shared-library-missing: a bare CUDA library name', () => {
  test('facefusion/facefusion-docker#9: cuDNN 8 asks for libnvrtc.so: the link, or cuda-nvrtc-dev / -devel', async () => {
    const f = await first(fixture('runtime/shared-library-missing/match-bare-libnvrtc-cudnn8-facefusion-9.log'), 'runtime/shared-library-missing');
    expect(f!.title).toBe('CUDA development link not found (a bare library name)');
    expect(f!.fix).toContain("find / -name 'libnvrtc*.so*' 2>/dev/null");
    expect(f!.fix).toContain('the `cuda-nvrtc-dev-` package of that release with apt, `cuda-nvrtc-devel-` with dnf or yum (`cuda-nvrtc-dev-11-8` for CUDA 11.8');
    expect(f!.fix).not.toContain('the number in the file name is the major release');
  });

  test('a versioned soname (libcudart.so.13) keeps the runtime-library reading', async () => {
    // `cuda-version-check: error while loading shared libraries: libcudart.so.13: cannot open shared object file` (a real build)
    const f = await first(fixture('runtime/shared-library-missing/match-cudart-not-in-image.log'), 'runtime/shared-library-missing');
    expect(f!.title).not.toContain('development link');
  });
});
