// buildkit/grpc-message-too-large: BuildKit's gRPC message limit, with the Docker Engine 27.0 regression named and how to
// tell it (moby/moby#48245, Engine 27.1.2), and its near miss: the same `failed to receive status: rpc error` with another
// code. Both logs are fixtures (provenance in their README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const DIR = 'buildkit/grpc-message-too-large';

function fixture(name: string): string {
  return readFileSync(path.join(fixturesRoot, DIR, name), 'utf8');
}

describe('buildkit/grpc-message-too-large', () => {
  test('ResourceExhausted after a large Dockerfile: the headline, the Engine version to check and 27.1.2', async () => {
    const findings = await analyzeLog(fixture('match-engine27-large-dockerfile-moby-48164.log'));
    expect(findings[0]?.ruleId).toBe('buildkit/grpc-message-too-large');
    expect(findings[0]?.message).toContain('(44865299 bytes)');
    expect(findings[0]?.fix).toContain("docker version --format '{{.Server.Version}}'");
    expect(findings[0]?.fix).toContain('27.1.2 or later');
    expect(findings.some((f) => f.ruleId === 'buildkit/step-failed')).toBe(false);
  });

  test('failed to receive status with code Unavailable is the daemon gone, not a message size', async () => {
    const findings = await analyzeLog(fixture('nomatch-receive-status-unavailable-buildx-2789.log'));
    expect(findings.find((f) => f.ruleId === 'buildkit/grpc-message-too-large')).toBeUndefined();
  });
});
