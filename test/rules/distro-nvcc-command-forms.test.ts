// cuda/distro-nvcc-shadows-toolkit reads a compile command run by /usr/bin/nvcc as make prints it and as ninja prints it
// (`[4/5] /usr/bin/nvcc …`); the path fact does not take a `/usr/local/cuda-X.Y` include directory on either for the
// release that compiled.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { distroNvccShadowsToolkit } from '../../src/rules/catalog/cuda/distro-nvcc-shadows-toolkit.js';
import { factPatterns } from '../../src/facts/fact-patterns.js';

const commandMatcher = new RegExp(distroNvccShadowsToolkit.match!.find((m) => m.pattern?.includes('/usr/bin/nvcc') === true)!.pattern!);
const pathFact = factPatterns.find((p) => p.source === 'path' && p.literals.includes('/usr/local/cuda-'))!;

// A ServerlessLLM source build's pip log (public build log in the search index), its ninja line cut after the first
// flags: `/usr/bin/nvcc` is Ubuntu's nvidia-cuda-toolkit (`_HERE_=/usr/lib/nvidia-cuda-toolkit/bin` in the same log).
const ninjaLine = '  [4/5] /usr/bin/nvcc -forward-unknown-to-host-compiler -DTORCH_EXTENSION_NAME=_C -DUSE_C10D_GLOO';
// the same log's FAILED command, as ninja repeats it without the progress counter
const failedLine = '  /usr/bin/nvcc -forward-unknown-to-host-compiler -DTORCH_EXTENSION_NAME=_C -DUSE_C10D_GLOO';

describe('cuda/distro-nvcc-shadows-toolkit: the command forms', () => {
  test('ninja\'s `[N/M] /usr/bin/nvcc` and the bare command both match', () => {
    expect(commandMatcher.test(ninjaLine)).toBe(true);
    expect(commandMatcher.test(failedLine)).toBe(true);
  });

  test('a command run by a toolkit under /usr/local does not match, and there the path is the release', () => {
    // the CMake run made here with NVIDIA's CUDA 13.0 (fixtures/rules/cuda/distro-nvcc-shadows-toolkit's nomatch)
    const local = '[1/2] /usr/local/cuda-13.0/bin/nvcc -forward-unknown-to-host-compiler';
    expect(commandMatcher.test(local)).toBe(false);
    expect(pathFact.regex.exec(local)?.groups?.v).toBe('13.0');
  });

  test('the path fact skips an include directory on a /usr/bin/nvcc command, and reads nothing from the ninja form', () => {
    // colmap/colmap#2472's command (the rule's match fixture): `-isystem /usr/local/cuda-12.3/…` is an include directory
    const colmap = readFileSync(new URL('../../fixtures/rules/cuda/distro-nvcc-shadows-toolkit/match-colmap-2472-usr-bin-nvcc-cuda123-compute89.log', import.meta.url), 'utf8')
      .split('\n')
      .find((l) => /^\s*\/usr\/bin\/nvcc .*\/usr\/local\/cuda-/.test(l))!;
    expect(pathFact.regex.test(colmap)).toBe(false);
    expect(pathFact.regex.test(ninjaLine)).toBe(false);
  });
});
