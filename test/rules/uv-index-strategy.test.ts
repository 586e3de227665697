// pip/resolution-impossible on uv's report of one of torch's CUDA wheels missing at the version torch pins: uv's
// first-index strategy hid PyPI's versions behind an extra index; the fix is uv's index strategy, not a looser pin.
// A uv conflict between two requirements keeps the generic uv finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/resolution-impossible/${name}`, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'pip/resolution-impossible');
  expect(f).toBeDefined();
  return f!;
}

describe('pip/resolution-impossible: uv and an extra index that hides torch\'s pinned CUDA wheel', () => {
  test.each([
    ['match-uv-pip-extra-index-hides-cudnn-torch241.log', 'torch==2.4.1'],
    ['match-uv-pip-extra-index-hides-cudnn.log', 'torch==2.4.0'],
  ])('%s', async (file, torch) => {
    const f = await finding(read(file));
    expect(f.message).toContain(`uv found no \`nvidia-cudnn-cu12==9.1.0.70\`, the exact version \`${torch}\` requires`);
    expect(f.message).toContain('`first-index`');
    expect(f.fix).toContain('--index-strategy unsafe-best-match');
    expect(f.fix).not.toContain('relax the pin');
  });

  test('a uv conflict between two requirements: the generic uv finding', async () => {
    // dusty-nv/jetson-containers#1468: uv finds no release of a package at all, no index strategy involved
    const f = await finding(readFileSync(new URL('../../fixtures/real-world/uv-conda/jetson-containers-uv-pip-not-in-index.log', import.meta.url), 'utf8'));
    expect(f.message).not.toContain('first-index');
    expect(f.fix).toContain('relax the pin');
  });
});
