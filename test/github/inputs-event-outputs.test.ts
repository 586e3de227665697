import { describe, expect, it } from 'vitest';
import { pullRequestOf, workflowRunLookup } from '../../src/github/event.js';
import { parseInputs } from '../../src/github/inputs.js';
import { actionOutputs, compactFindings } from '../../src/github/outputs.js';
import { InputError } from '../../src/core/errors.js';
import { makeFinding } from '../support/builders.js';
import { analysis, passed } from './make-analysis.js';

const getter = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('gives the documented defaults', () => {
    expect(parseInputs(getter({}))).toEqual({
      logFiles: [],
      run: null,
      dockerfile: null,
      targetDockerfiles: new Map(),
      rules: null,
      failOn: 'error',
      annotations: true,
      summary: true,
      comment: 'on-findings',
      commentKey: 'default',
      ifNoLog: 'warn',
      githubToken: '',
      buildRef: null,
    });
  });

  it('reads every input', () => {
    const inputs = parseInputs(getter({ 'log-file': 'a.log\n logs/*.log \n', 'fail-on': 'Warning', annotations: 'false', comment: 'always', 'comment-key': 'arm64', 'if-no-log': 'error', run: 'docker buildx build .' }));
    expect(inputs).toMatchObject({ logFiles: ['a.log', 'logs/*.log'], failOn: 'warning', annotations: false, comment: 'always', commentKey: 'arm64', ifNoLog: 'error', run: 'docker buildx build .' });
  });

  it.each([
    ['fail-on', 'critical', 'input fail-on must be one of error, warning, notice, never (got "critical")'],
    ['comment', 'sometimes', 'input comment must be one of always, on-findings, never (got "sometimes")'],
    ['summary', 'yes', 'input summary must be true or false (got "yes")'],
  ])('rejects %s: %s', (name, value, message) => {
    expect(() => parseInputs(getter({ [name]: value }))).toThrow(new InputError(message));
  });
});

describe('pullRequestOf', () => {
  const payload = { pull_request: { number: 12, head: { repo: { full_name: 'fork/cuda-app' } }, base: { repo: { full_name: 'octo-org/cuda-app' } } }, repository: { owner: { login: 'octo-org' }, name: 'cuda-app' } };

  it('finds the PR of pull_request and pull_request_target events, and tells a fork', () => {
    expect(pullRequestOf('pull_request', payload, 'octo-org/cuda-app')).toEqual({ owner: 'octo-org', repo: 'cuda-app', number: 12, fromFork: true });
    expect(pullRequestOf('pull_request_target', { ...payload, pull_request: { number: 3 } }, undefined)).toEqual({ owner: 'octo-org', repo: 'cuda-app', number: 3, fromFork: false });
  });

  it('has none for push and other events, nor for a malformed payload', () => {
    expect(pullRequestOf('push', payload, 'o/r')).toBeNull();
    expect(pullRequestOf(undefined, payload, 'o/r')).toBeNull();
    expect(pullRequestOf('pull_request', null, 'o/r')).toBeNull();
    expect(pullRequestOf('pull_request', { pull_request: { number: '12' } }, 'o/r')).toBeNull();
  });
});

describe('workflowRunLookup', () => {
  const run = (over: object = {}) => ({ workflow_run: { event: 'pull_request', head_branch: 'fix-arch', head_sha: 'c0ffee', head_repository: { owner: { login: 'fork-user' } }, pull_requests: [], ...over } });

  it('names the head of a fork pull request, to look the PR up', () => {
    expect(workflowRunLookup('workflow_run', run(), 'octo-org/cuda-app')).toEqual({ owner: 'octo-org', repo: 'cuda-app', head: 'fork-user:fix-arch', sha: 'c0ffee', number: null });
  });

  it('takes the PR number when the payload has it', () => {
    expect(workflowRunLookup('workflow_run', run({ pull_requests: [{ number: 7 }] }), 'octo-org/cuda-app')?.number).toBe(7);
  });

  it('has nothing for a workflow_run after a push, or for other events', () => {
    expect(workflowRunLookup('workflow_run', run({ event: 'push' }), 'octo-org/cuda-app')).toBeNull();
    expect(workflowRunLookup('pull_request', run(), 'octo-org/cuda-app')).toBeNull();
    expect(workflowRunLookup('workflow_run', null, 'octo-org/cuda-app')).toBeNull();
  });
});

describe('actionOutputs', () => {
  it('counts errors and warnings and gives the findings as compact JSON', () => {
    const out = actionOutputs([{ name: 'build.log', analysis: analysis([makeFinding(), makeFinding({ severity: 'warning' }), makeFinding({ severity: 'notice' })]) }]);
    expect(out.errorCount).toBe(1);
    expect(out.warningCount).toBe(1);
    expect(out.findings).not.toContain('\n');
    expect(JSON.parse(out.findings)).toHaveLength(3);
  });

  it('says a retry can help only when every error is of a passing cause', () => {
    const dns = makeFinding({ ruleId: 'apt/fetch-failed', retryable: true });
    const notice = makeFinding({ severity: 'notice', retryable: false });
    expect(actionOutputs([{ name: 'a.log', analysis: analysis([dns, notice]) }]).retryable).toBe(true);
    expect(actionOutputs([{ name: 'a.log', analysis: analysis([dns, makeFinding()]) }]).retryable).toBe(false);
    expect(actionOutputs([{ name: 'a.log', analysis: passed() }]).retryable).toBe(false);
    expect(JSON.parse(actionOutputs([{ name: 'a.log', analysis: analysis([dns]) }]).findings)[0].retryable).toBe(true);
  });

  it('names the log of each finding when there are several logs', () => {
    const out = actionOutputs([
      { name: 'a.log', analysis: analysis([makeFinding()]) },
      { name: 'b.log', analysis: passed() },
    ]);
    expect(JSON.parse(out.findings)).toEqual([expect.objectContaining({ log: 'a.log', ruleId: 'cuda/unsupported-arch' })]);
  });

  it('keeps the most important findings when the list is too big for one output', () => {
    const findings = Array.from({ length: 100 }, (_, i) => makeFinding({ ruleId: `r/${i}`, evidence: Array.from({ length: 50 }, () => 'x'.repeat(500)) }));
    const json = compactFindings(findings, 50_000);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(50_000);
    const parsed = JSON.parse(json) as { ruleId: string; evidence: string[] }[];
    expect(parsed[0]?.ruleId).toBe('r/0');
    expect(parsed[0]?.evidence).toHaveLength(3);
    expect(parsed.length).toBeLessThan(100);
  });
});
