// The `build-ref` input: auto, refs as buildx prints them, and the metadata outputs of
// docker/build-push-action and docker/bake-action.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseBuildRef } from '../../src/github/build-ref.js';
import { jobStartedAt } from '../../src/github/job-start.js';
import { parseInputs } from '../../src/github/inputs.js';

describe('build-ref', () => {
  it('unset, auto, and refs one per line', () => {
    expect(parseBuildRef('  ')).toBeNull();
    expect(parseBuildRef('Auto')).toEqual({ kind: 'auto' });
    expect(parseBuildRef('builder-1/builder-10/qpp03kqvjbbofi4dfcban26e1\n^1\r\nh2o73dgde5tt799o3ikhdaeze\n')).toEqual({
      kind: 'refs',
      refs: [
        { ref: 'qpp03kqvjbbofi4dfcban26e1', builder: 'builder-1' },
        { ref: '^1', builder: null },
        { ref: 'h2o73dgde5tt799o3ikhdaeze', builder: null },
      ],
    });
  });

  it("build-push-action's metadata, and bake-action's (one object per target)", () => {
    const push = JSON.stringify({ 'buildx.build.ref': 'builder-1/builder-10/qpp03kqvjbbofi4dfcban26e1', 'containerimage.digest': 'sha256:abc' });
    expect(parseBuildRef(push)).toEqual({ kind: 'refs', refs: [{ ref: 'qpp03kqvjbbofi4dfcban26e1', builder: 'builder-1' }] });
    const bake = JSON.stringify({ api: { 'buildx.build.ref': 'b/b0/aaaa1111' }, trainer: { 'buildx.build.ref': 'b/b0/bbbb2222' } });
    expect(parseBuildRef(bake)).toEqual({ kind: 'refs', refs: [{ ref: 'aaaa1111', builder: 'b' }, { ref: 'bbbb2222', builder: 'b' }] });
  });

  it.each([
    ['{"image.name": "app"}', 'input build-ref: the metadata has no "buildx.build.ref" (it comes from docker/build-push-action or docker/bake-action with buildx 0.11 or later)'],
    ['{not json', "input build-ref: not valid JSON (give build-push-action's metadata output as it is: ${{ steps.build.outputs.metadata }})"],
    ['rm -rf /', 'input build-ref: "rm -rf /" is not a build record ref (auto, a record id, builder/node/id, ^N, or build-push-action\'s metadata output)'],
  ])('rejects %s in one line', (value, message) => {
    expect(() => parseBuildRef(value)).toThrow(new InputError(message));
  });

  it('is read with the other inputs', () => {
    expect(parseInputs((name) => (name === 'build-ref' ? 'auto' : '')).buildRef).toEqual({ kind: 'auto' });
    expect(parseInputs(() => '').buildRef).toBeNull();
  });

  it("the pre step's job start", () => {
    expect(jobStartedAt({ 'STATE_job-started': '2026-12-05T10:01:48.000Z' })?.toISOString()).toBe('2026-12-05T10:01:48.000Z');
    expect(jobStartedAt({ 'STATE_job-started': 'soon' })).toBeNull();
    expect(jobStartedAt({})).toBeNull();
  });
});
