// rankFindings: a finding outside any step (the implicit step: a pasted title, the text around an error box) is about the
// failure of the build, so a specific one replaces the step-failed fallback of the one failed step, also in a log cut
// before BuildKit's closing `ERROR: failed to solve` (no failedStep).
import { describe, expect, test } from 'vitest';
import { IMPLICIT_STEP_ID } from '../../src/grammar/implicit-step.js';
import { rankFindings, type Candidate } from '../../src/rules/rank-findings.js';
import { makeFinding, makeModel, makeStep } from '../support/builders.js';

function candidate(ruleId: string, step: number | null, specificity: number, firstLine: number): Candidate {
  // each its own evidence: a fallback whose evidence a specific finding already quotes is the same failure (rankFindings, 1a)
  return { finding: makeFinding({ ruleId, step, evidence: [`line ${firstLine} of ${ruleId}`] }), specificity, order: 0, firstLine, maxFindings: 5 };
}

const failed = makeStep({ id: 4, status: 'error' });

describe('rankFindings: findings outside any step', () => {
  test('a specific finding on the implicit step replaces the fallback of the one failed step', () => {
    const model = makeModel({ steps: [failed], failedStep: null });
    const out = rankFindings([candidate('buildkit/step-failed', 4, 1, 3), candidate('cuda/toolkit-not-found', IMPLICIT_STEP_ID, 3, 1)], model);
    expect(out.map((f) => f.ruleId)).toEqual(['cuda/toolkit-not-found']);
  });

  test('with two failed steps and no failed step named, the fallback of each stays', () => {
    const model = makeModel({ steps: [failed, makeStep({ id: 5, status: 'error' })], failedStep: null });
    const out = rankFindings([candidate('buildkit/step-failed', 4, 1, 3), candidate('cuda/toolkit-not-found', IMPLICIT_STEP_ID, 3, 1)], model);
    expect(out.map((f) => f.ruleId)).toContain('buildkit/step-failed');
  });

  test('in a build that did not fail, a finding on the implicit step is not tied to a step', () => {
    const model = makeModel({ steps: [makeStep({ id: 4, status: 'done' })], failedStep: null });
    const out = rankFindings([candidate('cuda/toolkit-not-found', IMPLICIT_STEP_ID, 3, 1)], model);
    expect(out).toHaveLength(1);
    expect(out[0]!.step).toBe(IMPLICIT_STEP_ID);
  });
});

describe('rankFindings: the same error told twice', () => {
  test('a fallback in another step whose evidence a specific finding quotes goes; one with its own error stays', () => {
    const model = makeModel({ steps: [failed, makeStep({ id: 5, status: 'error' })], failedStep: 5 });
    const specific = { ...candidate('buildx/cache-export-failed', 4, 3, 1) };
    specific.finding.evidence = ['error writing layer blob: maximum timeout reached'];
    const same = candidate('buildkit/step-failed', 5, 1, 9);
    same.finding.evidence = ['ERROR: error writing layer blob: maximum timeout reached'];
    expect(rankFindings([specific, same], model).map((f) => f.ruleId)).toEqual(['buildx/cache-export-failed']);
    const other = candidate('buildkit/step-failed', 5, 1, 9);
    other.finding.evidence = ['ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'];
    expect(rankFindings([{ ...candidate('buildx/cache-export-failed', 4, 3, 1) }, other], model).map((f) => f.ruleId)).toContain('buildkit/step-failed');
  });

  // GaloisInc/crucible#1175 (fixtures/rules/resources/disk-full/match-import-and-export-cut-crucible-1175.log): the export
  // vertex's error wraps the import's write in gRPC's wrapper, and the log is cut mid-line.
  const write =
    'write /usr/local/rustup/toolchains/nightly-2023-01-23-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-gnu/lib/librustc_macros-1f5c22ed96efe43a.so: no space left on device';
  const diskFull = (): Candidate => {
    const c = candidate('resources/disk-full', 55, 3, 1);
    c.finding.evidence = [write];
    return c;
  };
  const model2 = makeModel({ steps: [makeStep({ id: 55, status: 'error' }), makeStep({ id: 54, status: 'error' })], failedStep: 55 });

  test('a fallback whose only line is a wrapped, cut piece of the line a specific finding quotes goes', () => {
    const fallback = candidate('buildkit/step-failed', 54, 1, 9);
    fallback.finding.evidence = ['ERROR: rpc error: code = Unknown desc = write /usr/local/rustup/toolchains/nightly-2023-01-23-x86_64-unknown-linux-gnu/lib'];
    expect(rankFindings([diskFull(), fallback], model2).map((f) => f.ruleId)).toEqual(['resources/disk-full']);
  });

  test('a fallback with a line of its own stays, and so does one whose piece is too short to be the same error', () => {
    const more = candidate('buildkit/step-failed', 54, 1, 9);
    more.finding.evidence = [
      'ERROR: rpc error: code = Unknown desc = write /usr/local/rustup/toolchains/nightly-2023-01-23-x86_64-unknown-linux-gnu/lib',
      'ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    ];
    expect(rankFindings([diskFull(), more], model2).map((f) => f.ruleId)).toContain('buildkit/step-failed');
    const short = candidate('buildkit/step-failed', 54, 1, 9);
    short.finding.evidence = ['ERROR: rpc error: code = Unknown desc = write /usr'];
    expect(rankFindings([diskFull(), short], model2).map((f) => f.ruleId)).toContain('buildkit/step-failed');
  });
});

describe('rankFindings: a failed step that names its own cause', () => {
  test('an error outside any step (an earlier command of the CI job) neither drops nor outranks it', () => {
    const model = makeModel({ steps: [{ ...failed, outputLines: 40 }], failedStep: 4 });
    const out = rankFindings(
      [
        candidate('buildkit/step-failed', 4, 1, 30),
        candidate('pip/wheel-build-failed', 4, 2, 20),
        candidate('cuda/no-gpu-at-build', IMPLICIT_STEP_ID, 3, 1),
      ],
      model,
    );
    expect(out[0]!.ruleId).toBe('pip/wheel-build-failed');
    expect(out.map((f) => f.ruleId)).not.toContain('buildkit/step-failed');
  });
});
