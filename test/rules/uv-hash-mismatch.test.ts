// pip/uv-hash-mismatch: what PyTorch's index got wrong is said as the threads report it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

test("PyTorch's index: the aarch64 torchvision 0.26.0+cu128 wheels had no hash (pytorch/vision#9470), not a wrong one", async () => {
  const log = readFileSync(path.join(fixturesRoot, 'pip/uv-hash-mismatch/match-torch-index-cu128-aarch64-vision.log'), 'utf8');
  const findings = await analyzeLog(log);
  expect(findings[0]!.ruleId).toBe('pip/uv-hash-mismatch');
  expect(findings[0]!.message).toContain('or with none (the aarch64 torchvision 0.26.0+cu128 wheels)');
  expect(findings[0]!.message).not.toContain('wrong hashes for wheels it had just published (the aarch64');
});
