// Annotations go on the build's Dockerfiles only: a file the log's error block names is annotated
// when the user named it, or when it is named like a Dockerfile and exists in the workspace.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDockerfileTest, isDockerfileName } from '../../src/dockerfile/build-dockerfiles.js';
import { planAnnotations } from '../../src/report/annotations.js';
import type { Finding } from '../../src/rules/finding.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'bkd-ws-'));
mkdirSync(path.join(workspace, 'docker'));
mkdirSync(path.join(workspace, 'build'));
mkdirSync(path.join(workspace, '.github', 'workflows'), { recursive: true });
for (const f of ['Dockerfile', 'docker/cuda.Dockerfile', 'docker/Dockerfile.arm64', 'Containerfile', '.env', '.github/workflows/ci.yml', 'build/recipe.txt']) writeFileSync(path.join(workspace, f), 'FROM x\n');

const finding = (file: string): Finding => ({
  ruleId: 'buildkit/step-failed',
  severity: 'error',
  title: 'Build step failed',
  message: 'm',
  fix: '',
  step: null,
  location: { file, line: 1, endLine: 1 },
  evidence: [],
  retryable: false,
});

describe('which files may be annotated', () => {
  test.each([
    ['Dockerfile', true],
    ['docker/cuda.Dockerfile', true],
    ['docker/Dockerfile.arm64', true],
    ['Containerfile', true],
    ['.env', false],
    ['.github/workflows/ci.yml', false],
    ['Dockerfile.', false],
    ['notDockerfile', false],
  ])('%s is named like a Dockerfile: %s', (file, expected) => {
    expect(isDockerfileName(file)).toBe(expected);
  });

  test('named like a Dockerfile and present, or named by the user; nothing else', () => {
    const test = buildDockerfileTest(['build/recipe.txt'], { cwd: workspace, workspace });
    expect(test('Dockerfile')).toBe(true);
    expect(test('docker/cuda.Dockerfile')).toBe(true);
    expect(test('build/recipe.txt')).toBe(true); // the user said so
    expect(test('.github/workflows/ci.yml')).toBe(false);
    expect(test('.env')).toBe(false);
    expect(test('missing/Dockerfile')).toBe(false); // not in the workspace
    expect(test('../Dockerfile')).toBe(false); // outside it
  });

  test('a finding on a workflow file or .env is not drawn: it stays in the summary', () => {
    const isBuildDockerfile = buildDockerfileTest([], { cwd: workspace, workspace });
    const plan = planAnnotations([finding('.github/workflows/ci.yml'), finding('.env'), finding('Dockerfile')], { workspace, cwd: workspace, isBuildDockerfile });
    expect(plan.annotations.map((a) => a.properties.file)).toEqual(['Dockerfile']);
    expect(plan.unlocated).toBe(2);
  });
});
