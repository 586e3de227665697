// nvidia-container-cli's `device error: X: unknown device`: a GPU the host lacks, or a variable that was never substituted.
// Each case is a rule fixture (provenance in fixtures/rules/runtime/gpu-device-unknown/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/rules/runtime/gpu-device-unknown/${name}`, import.meta.url), 'utf8');

describe('an unknown GPU device', () => {
  test('a compose reference without its `$`: the variable, not the GPU count', async () => {
    const [f] = await analyzeLog(fixture('match-compose-device-ids-without-dollar-maskanyone-61.log'));
    expect(f?.ruleId).toBe('runtime/gpu-device-unknown');
    expect(f?.title).toBe('GPU id is a variable that was never substituted');
    expect(f?.message).toContain('`{MASKANYONE_GPU_ID:-0}`');
    expect(f?.fix).toContain('docker compose config');
  });

  test('an index the host lacks: list the GPUs, ask for one that is there', async () => {
    const [f] = await analyzeLog(fixture('match-gpus-2-one-gpu-nvidia-docker-1283.log'));
    expect(f?.title).toBe('GPU asked for is not on this host (unknown device)');
    expect(f?.message).toContain('the GPU `1`');
    expect(f?.fix).toContain('nvidia-smi -L');
  });
});
