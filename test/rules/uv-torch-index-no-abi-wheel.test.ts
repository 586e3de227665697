// pip/resolution-impossible on uv's "no wheels with a matching Python ABI tag" for a package uv took from a PyTorch
// index (its hint: `` `torch` was found on https://download.pytorch.org/… ``): no conflict, the index has no wheel for
// this Python. The platform-tag form and a hint naming another index keep their own advice.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { torchIndexNoWheelAdvice } from '../../src/knowledge/pip-advice-enricher.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/resolution-impossible/${name}`, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'pip/resolution-impossible');
  expect(f).toBeDefined();
  return f!;
}

describe('pip/resolution-impossible: no wheel for this Python on the PyTorch index uv used', () => {
  test('ai-dynamo/nixl#2238: the plural form, the index URL cut off in the paste', async () => {
    const f = await finding(read('match-uv-torch-index-no-abi-wheel-cu134.log'));
    expect(f.title).toBe('No wheel for this Python on the PyTorch index uv used (not a conflict)');
    expect(f.message).toContain('Not a conflict between requirements');
    expect(f.message).toContain('`cp312`');
    expect(f.message).toContain('its URL is cut off in this log');
    expect(f.fix).toContain('https://pytorch.org/get-started/previous-versions/');
    expect(f.fix).toContain('torch 2.10.0 on cu126, cu128, cu130');
    expect(f.fix).toContain('curl -s https://download.pytorch.org/whl/cuNNN/torch/');
    expect(f.fix).not.toContain('relax the pin');
  });

  test('near miss: a `was found on` hint naming pypi.nvidia.com keeps the index-strategy advice', async () => {
    const f = await finding(read('match-uv-pip-extra-index-hides-cudnn.log'));
    expect(f.title).not.toContain('PyTorch index');
  });

  test('near miss: the platform-tag form (dracopy, no PyTorch index) keeps the arm64 advice', async () => {
    const f = await finding(read('match-uv-no-aarch64-wheel-dracopy.log'));
    expect(f.title).not.toContain('PyTorch index');
  });

  // the index of ai-dynamo/nixl#2238 (`.../whl/cu134`, the thread's cause) and one PyTorch publishes (torch-wheels.ts)
  test('an index tag no release in the table was published on is named, with the index of its CUDA major', () => {
    const out = torchIndexNoWheelAdvice('https://download.pytorch.org/whl/cu134', 'torch', null);
    expect(out.torchIndexWhy).toContain('was published on a cu134 index');
    expect(out.torchIndexFit).toContain('cu130 (https://download.pytorch.org/whl/cu130)');
    const known = torchIndexNoWheelAdvice('https://download.pytorch.org/whl/cu130', 'torch', null);
    expect(known.torchIndexWhy).toBe('That index serves no torch for this Python.');
    expect(known.torchIndexFit).toBeUndefined();
    expect(torchIndexNoWheelAdvice(undefined, 'torch', null)).toEqual({});
  });
});
