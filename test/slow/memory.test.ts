// A 200 MB log through the built CLI under a heap smaller than the log (`npm run test:slow`): a
// minute of work, too heavy for `npm test`, which keeps the fast case (a 50 MB line through the
// built CLI, test/cli/broken-input.test.ts) and the bounds of every buffer (test/security/bounds.test.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';

describe('memory stays flat on a large log', () => {
  test('200 MB through the built CLI under a 160 MB heap limit', async () => {
    const out = inject('freshBundle'); // built from src/ once for the run (test/support/fresh-bundle.ts)
    // A heap smaller than the log: anything that kept the lines would die with "heap out of memory".
    const child = spawn(process.execPath, ['--max-old-space-size=160', join(out, 'cli.cjs'), '-', '--format', 'json'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const line = (i: number) => `#${(i % 40) + 2} ${(i / 100).toFixed(3)} [ ${i % 100}%] Building CUDA object csrc/CMakeFiles/_C.dir/kernel_${i}.cu.o -O3 --use_fast_math`;
    const header = Array.from({ length: 40 }, (_, k) => `#${k + 2} [builder ${k + 1}/40] RUN make part-${k}`).join('\n') + '\n';
    const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    child.stdin.on('error', () => undefined);
    const total = 200 * 1024 * 1024;
    let written = 0;
    let i = 0;
    child.stdin.write(header);
    while (written < total) {
      let batch = '';
      for (let k = 0; k < 5000; k++) batch += line(i++) + '\n';
      written += batch.length;
      if (!child.stdin.write(batch)) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
    const code = await done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).steps).toHaveLength(40);
  });
});
