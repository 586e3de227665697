// cuda/version-mismatch, DeepSpeed's check, when the log shows torch's CUDA but not its release and no torch of that CUDA is on
// the toolkit's index: no guessed torch pin as the command (JIA-Lab-research/MGM#91). The logs are the committed fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (p: string): string => readFileSync(new URL(`../../fixtures/rules/cuda/version-mismatch/${p}`, import.meta.url), 'utf8');
const RULE = 'cuda/version-mismatch';

describe(`${RULE}: DeepSpeed with no torch release in the log`, () => {
  test('JIA-Lab-research/MGM#91: CUDA_HOME at torch\'s toolkit first, the index switch with the release to fill', async () => {
    const f = (await analyzeLog(read('match-deepspeed-122-vs-cu117-no-torch-release-mgm-91.log'))).find((x) => x.ruleId === RULE);
    expect(f?.fix).toContain('point `CUDA_HOME` at a CUDA 11.7 toolkit');
    expect(f?.fix).toContain('`pip show torch`');
    expect(f?.fix).toContain('--index-url https://download.pytorch.org/whl/cu121 torch==RELEASE');
    expect(f?.fix).not.toContain('torch==2.1.2');
    expect(f!.fix!.indexOf('CUDA_HOME')).toBeLessThan(f!.fix!.indexOf('pip show torch'));
  });

  test('the same check on a toolkit with no PyTorch index (CUDA 12.0, DeepSpeed#2902) keeps its finding', async () => {
    const f = (await analyzeLog(read('match-deepspeed-op-builder-windows.log'))).find((x) => x.ruleId === RULE);
    expect(f?.fix).toContain('PyTorch publishes no wheel index for CUDA 12.0');
    expect(f?.fix).not.toContain('torch==RELEASE');
  });
});
