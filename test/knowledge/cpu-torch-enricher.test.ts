// The `cpu-torch` enricher: torch from PyTorch's CPU-only index, in the installer the log shows.
import { describe, expect, test } from 'vitest';
import { cpuTorchEnrich } from '../../src/knowledge/cpu-torch-enricher.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

function installFor(installer: string | null): string | undefined {
  const facts = factsFor(installer === null ? {} : { installer: [fact(installer, 'run-command')] }, null, makeModel());
  return cpuTorchEnrich({}, null, makeModel(), facts).cpuTorchInstall;
}

describe('cpu-torch', () => {
  test('pip when the log names no installer', () => {
    expect(installFor(null)).toBe('pip install --index-url https://download.pytorch.org/whl/cpu torch');
  });

  test("uv's own command when the step runs uv", () => {
    expect(installFor('uv')).toBe('uv pip install --index-url https://download.pytorch.org/whl/cpu torch');
  });

  test('pip inside the environment for conda, whose own flags for an index were not checked', () => {
    expect(installFor('conda')).toBe('python -m pip install --index-url https://download.pytorch.org/whl/cpu torch');
  });
});
