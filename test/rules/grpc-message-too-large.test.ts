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

  test('gRPC\'s 4 MiB default from dockerfile 1.7.1 (docker/buildx#2453): the frontend and BuildKit to update, not Engine 27 first', async () => {
    const findings = await analyzeLog(fixture('match-frontend-4mib-buildx-2453.log'));
    expect(findings[0]?.ruleId).toBe('buildkit/grpc-message-too-large');
    expect(findings[0]?.message).toContain('before BuildKit v0.14.0 and dockerfile 1.8.0');
    expect(findings[0]?.fix).toContain('this build ran dockerfile 1.7.1');
    expect(findings[0]?.fix).toContain('# syntax=docker/dockerfile:1');
    expect(findings[0]?.fix.startsWith('Check which Docker Engine')).toBe(false);
  });

  test('the 16 MiB figure keeps the Engine 27 reading (moby/moby#48164)', async () => {
    const findings = await analyzeLog(fixture('match-engine27-large-dockerfile-moby-48164.log'));
    expect(findings[0]?.message).not.toContain('4 MiB');
    expect(findings[0]?.fix).not.toContain('# syntax=');
  });

  // The build client's errors about the solve, quoted from the threads: moby/buildkit#4948 (the frontend's Solve) and
  // moby/buildkit#6097 (a remote builder, the sending side).
  test.each([
    'ERROR: failed to solve: ResourceExhausted: ResourceExhausted: ResourceExhausted: ResourceExhausted: ResourceExhausted: grpc: received message larger than max (4212583 vs. 4194304)',
    'ERROR: failed to build: failed to receive status: rpc error: code = ResourceExhausted desc = trying to send message larger than max (22482550 vs. 16777216)',
  ])('the client\'s solve error: %s', async (line) => {
    const findings = await analyzeLog(`${line}\n`);
    expect(findings.some((f) => f.ruleId === 'buildkit/grpc-message-too-large')).toBe(true);
  });

  // The same gRPC words that are no build definition: a program's own gRPC error (enfein/mieru#166), the export writing an
  // SBOM blob (moby/buildkit#5327), `docker buildx du` (docker/buildx#3084).
  test.each([
    'set mita server config failed: rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4977817 vs. 4194304)',
    'ERROR: failed to solve: error writing data blob sha256:7b5af02ce619d513c5fed786b397d5d2365ce1f3736e4f3379a27058004b0b43: failed to copy: failed to send write: trying to send message larger than max (25286341 vs. 16777216): unknown',
    'ERROR: failed to call diskusage: ResourceExhausted: grpc: trying to send message larger than max (30520647 vs. 16777216)',
  ])('not the build definition: %s', async (line) => {
    const findings = await analyzeLog(`${line}\n`);
    expect(findings.find((f) => f.ruleId === 'buildkit/grpc-message-too-large')).toBeUndefined();
  });

  test('failed to receive status with code Unavailable is the daemon gone, not a message size', async () => {
    const findings = await analyzeLog(fixture('nomatch-receive-status-unavailable-buildx-2789.log'));
    expect(findings.find((f) => f.ruleId === 'buildkit/grpc-message-too-large')).toBeUndefined();
  });
});
