// A library path with a shell variable in it, as users paste it (`/home/$USER/…`, huggingface/open-r1#684): the captured
// path keeps its `$` part instead of starting after it (`USER/miniconda3/…`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('library paths with a shell variable', () => {
  test('huggingface/open-r1#684: the flash-attn extension path is printed whole', async () => {
    const findings = await analyzeLog(fixture('runtime/torch-symbol-mismatch/match-flash-attn-280-torch26-home-user-var.log'));
    const f = findings.find((x) => x.ruleId === 'runtime/torch-symbol-mismatch')!;
    expect(f.message).toContain('`/home/$USER/miniconda3/envs/openr1/lib/python3.11/site-packages/flash_attn_2_cuda.cpython-311-x86_64-linux-gnu.so`');
    expect(f.message).not.toMatch(/`USER\/miniconda3/);
  });
});
