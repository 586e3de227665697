// conda/incorrect-download on mamba 1.5's wording with the package name, in a BuildKit step whose lines a CI
// prefixed with timestamps (dandi/dandi-hub#152, as stored in the real-world corpus). The timestamp is taken off
// here so that the rule's own matching is what is tested, whatever the line cleaning does with that prefix.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const stored = readFileSync(new URL('../../fixtures/real-world/uv-conda/dandi-mamba-incorrect-download.log', import.meta.url), 'utf8');
const framed = stored.replace(/^ *\d{4}-\d\d-\d\dT[\d:]+Z /gm, '');

describe('conda/incorrect-download: mamba names the package', () => {
  test('the stored log carries the CI timestamp the test takes off', () => {
    expect(framed).not.toBe(stored);
    expect(framed).toContain('#16 323.3 RuntimeError: Found incorrect download: cuda-nvml-dev. Aborting');
  });

  test('the finding names the package and retries the command conda reported, in the image build', async () => {
    const f = (await analyzeLog(framed)).find((x) => x.ruleId === 'conda/incorrect-download');
    expect(f).toBeDefined();
    expect(f!.message).toContain('mamba downloaded cuda-nvml-dev ');
    expect(f!.fix).toContain(
      'RUN /opt/conda/bin/mamba install --yes -c nvidia/label/cuda-11.8.0 cuda-toolkit cudnn || (mamba clean --all --yes && /opt/conda/bin/mamba install --yes -c nvidia/label/cuda-11.8.0 cuda-toolkit cudnn)',
    );
  });
});
