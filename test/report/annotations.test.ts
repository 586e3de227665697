import { describe, expect, it } from 'vitest';
import { omittedCount, planAnnotations, workspacePath } from '../../src/report/annotations.js';
import type { Finding, Severity } from '../../src/rules/finding.js';
import { makeFinding } from '../support/builders.js';

const context = { workspace: '/home/runner/work/app/app', cwd: '/home/runner/work/app/app' };

function many(severity: Severity, n: number, line0 = 1): Finding[] {
  return Array.from({ length: n }, (_, i) => makeFinding({ severity, ruleId: `r/${severity}-${i}`, title: `${severity} ${i}`, location: { file: 'Dockerfile', line: line0 + i, endLine: line0 + i + 2 } }));
}

describe('planAnnotations', () => {
  it('puts a finding on the first line of its range, titled by the rule, message, evidence and fix as body', () => {
    const plan = planAnnotations([makeFinding()], context);
    expect(plan.annotations).toEqual([
      {
        level: 'error',
        message:
          "nvcc rejected the GPU architecture compute_35.\n\n> nvcc fatal   : Unsupported gpu architecture 'compute_35'\n\n" +
          'Fix: Remove `sm_35` from the arch list.\n\n```dockerfile\nENV TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0"\n```',
        properties: { title: 'nvcc does not support sm_35 (cuda/unsupported-arch)', file: 'Dockerfile', startLine: 14 },
      },
    ]);
  });

  it('quotes at most five evidence lines', () => {
    const evidence = Array.from({ length: 8 }, (_, i) => `line ${i}`);
    const [annotation] = planAnnotations([makeFinding({ evidence })], context).annotations;
    expect(annotation?.message).toContain('> line 4\n\nFix:');
    expect(annotation?.message).not.toContain('line 5');
  });

  it('never emits more than fit per level, errors first, and counts what was left out', () => {
    const findings = [...many('notice', 12, 100), ...many('warning', 15, 50), ...many('error', 11)];
    const plan = planAnnotations(findings, context);
    const levels = plan.annotations.map((a) => a.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(9);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(9);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(9);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    // The most important of each level (ranked order kept) are the ones drawn.
    expect(plan.annotations[0]?.properties.title).toBe('error 0 (r/error-0)');
    expect(plan.omitted).toEqual({ error: 2, warning: 6, notice: 3 });
    expect(omittedCount(plan)).toBe(11);
  });

  it('respects a total limit across levels', () => {
    const plan = planAnnotations([...many('error', 5), ...many('warning', 5, 20)], { ...context, limits: { perLevel: 10, total: 7 } });
    expect(plan.annotations).toHaveLength(7);
    expect(plan.omitted).toEqual({ error: 0, warning: 3, notice: 0 });
  });

  it('leaves findings without a Dockerfile line to the summary', () => {
    const plan = planAnnotations([makeFinding({ location: null })], context);
    expect(plan.annotations).toHaveLength(0);
    expect(plan.unlocated).toBe(1);
    expect(omittedCount(plan)).toBe(0);
  });

  it('draws a finding without a Dockerfile line on the job when asked (the CLI has no summary)', () => {
    const plan = planAnnotations([makeFinding({ location: null })], { ...context, unlocated: 'annotate' });
    expect(plan.annotations.map((a) => a.properties)).toEqual([{ title: 'nvcc does not support sm_35 (cuda/unsupported-arch)' }]);
    expect(plan.unlocated).toBe(0);
  });

  it('draws the same finding from two logs once', () => {
    const plan = planAnnotations([makeFinding(), makeFinding()], context);
    expect(plan.annotations).toHaveLength(1);
  });

  it('makes paths workspace-relative', () => {
    const plan = planAnnotations([makeFinding({ location: { file: '/home/runner/work/app/app/docker/cuda.Dockerfile', line: 3, endLine: 3 } })], context);
    expect(plan.annotations[0]?.properties.file).toBe('docker/cuda.Dockerfile');
  });
});

describe('workspacePath', () => {
  it.each([
    ['Dockerfile', '/ws', '/ws', 'Dockerfile'],
    ['docker/Dockerfile', '/ws', '/ws/sub', 'sub/docker/Dockerfile'],
    ['./a/../Dockerfile', '/ws', '/ws', 'Dockerfile'],
    ['/elsewhere/Dockerfile', '/ws', '/ws', null],
    ['../Dockerfile', '/ws', '/ws', null],
  ])('%s (workspace %s, cwd %s) → %s', (file, workspace, cwd, expected) => {
    expect(workspacePath(file, { workspace, cwd })).toBe(expected);
  });
});
