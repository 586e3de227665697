// Near misses of readings that choose a narrower story from one line of the log: each must keep the general advice when that
// line is not there. Real logs only (provenance in the fixtures' README.md and the real-world corpus JSON).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const realWorld = path.join(fixturesRoot, '..', 'real-world');

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

describe('runtime/shared-library-missing: cuDNN from pip torch', () => {
  test('`import torch` from an RPM Python\'s site-packages, no wheel in the log: the wheel\'s directory and the OS package', async () => {
    const log = readFileSync(path.join(fixturesRoot, 'runtime/shared-library-missing/match-pip-torch-cudnn9-stale-path-comfyui.log'), 'utf8');
    const f = await first(log, 'runtime/shared-library-missing');
    expect(f!.title).toBe('cuDNN not found when torch loads');
    expect(f!.fix).toContain('ENV LD_LIBRARY_PATH=/usr/local/lib64/python3.12/site-packages/nvidia/cudnn/lib:$LD_LIBRARY_PATH');
    expect(f!.fix).toContain('dnf install -y libcudnn9-cuda-12');
  });

  test('another module loading libcudnn (trtpy, tensorRT_Pro#171): the general cuDNN advice', async () => {
    const log = readFileSync(path.join(realWorld, 'libraries/libcudnn-so-8-missing-tensorrt-pro-171.log'), 'utf8');
    const f = await first(log, 'runtime/shared-library-missing');
    expect(f!.title).toBe('cuDNN library not found');
    expect(f!.fix).not.toContain('nvidia/cudnn/lib');
  });
});
