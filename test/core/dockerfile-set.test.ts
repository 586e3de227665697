// Which Dockerfile explains which part of a log: `--dockerfile PATH` / `TARGET=PATH`, the fallback
// to the file the error block names, and the warning for a target no log builds.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { fallbackDockerfile, loadDockerfileSet, parseDockerfileSpec, unknownTargetWarnings } from '../../src/core/dockerfile-set.js';
import { targetsOf } from '../../src/model/targets.js';
import type { BuildModel } from '../../src/model/types.js';
import type { SolveError } from '../../src/grammar/events.js';
import { makeModel, makeStep } from '../support/builders.js';

function modelOf(targets: (string | null)[], solveError: Partial<SolveError> | null = null): BuildModel {
  const steps = targets.map((target, i) => makeStep({ id: i + 1, stage: 'builder', index: 1, total: 1, instruction: 'RUN make', target }));
  const error: SolveError | null =
    solveError === null ? null : { dockerfile: null, line: null, endLine: null, excerpt: [], message: 'failed', exitCode: null, step: null, ...solveError };
  return makeModel({ steps, solveError: error });
}

describe('parseDockerfileSpec', () => {
  it('a plain PATH and TARGET=PATH values, in any order', () => {
    const spec = parseDockerfileSpec(['web=docker/web.Dockerfile', 'Dockerfile', 'worker.v2=ci/worker.Dockerfile']);
    expect(spec.path).toBe('Dockerfile');
    expect([...spec.targets]).toEqual([
      ['web', 'docker/web.Dockerfile'],
      ['worker.v2', 'ci/worker.Dockerfile'],
    ]);
  });

  it('nothing given: no path, no targets', () => {
    expect(parseDockerfileSpec([])).toEqual({ path: null, targets: new Map() });
  });

  it('a path whose part before "=" is no target name stays a path', () => {
    expect(parseDockerfileSpec(['build/x=y/Dockerfile'])).toEqual({ path: 'build/x=y/Dockerfile', targets: new Map() });
  });

  it.each([
    ['=api.Dockerfile', '--dockerfile "=api.Dockerfile": name the target before "=" (TARGET=PATH), or give the PATH alone'],
    ['web=', '--dockerfile "web=": no Dockerfile path after "web=" (TARGET=PATH)'],
    ['web=  ', '--dockerfile "web=  ": no Dockerfile path after "web=" (TARGET=PATH)'],
  ])('%s is an input error', (value, message) => {
    expect(() => parseDockerfileSpec([value])).toThrow(new InputError(message));
  });

  it('two plain paths, or one target twice, are input errors', () => {
    expect(() => parseDockerfileSpec(['a.Dockerfile', 'b.Dockerfile'])).toThrow(/one plain Dockerfile path only \(got "a.Dockerfile" and "b.Dockerfile"\)/);
    expect(() => parseDockerfileSpec(['web=a', 'web=b'])).toThrow('target "web" given twice');
  });

  it('names the action input in its messages', () => {
    expect(() => parseDockerfileSpec(['=x'], 'input dockerfile')).toThrow(/^input dockerfile "=x": /);
  });
});

describe('targets of a log', () => {
  it('in order of appearance, each once', () => {
    expect(targetsOf(modelOf(['web', null, 'worker', 'web']))).toEqual(['web', 'worker']);
    expect(targetsOf(modelOf([null, null]))).toEqual([]);
  });

  it('a target given a Dockerfile that no log builds: one warning line, naming the targets there are', () => {
    const spec = parseDockerfileSpec(['web=web.Dockerfile', 'wrker=worker.Dockerfile']);
    expect(unknownTargetWarnings(spec, [modelOf(['web', 'worker'])])).toEqual([
      'no target "wrker" in the log (targets: web, worker); its Dockerfile is not used',
    ]);
    expect(unknownTargetWarnings(spec, [modelOf([null])])).toEqual([
      'no target "web" in the log (it names no bake or compose target); its Dockerfile is not used',
      'no target "wrker" in the log (it names no bake or compose target); its Dockerfile is not used',
    ]);
  });

  it('a target built by any of several logs is known', () => {
    const spec = parseDockerfileSpec(['web=web.Dockerfile', 'worker=worker.Dockerfile']);
    expect(unknownTargetWarnings(spec, [modelOf(['web', 'api']), modelOf(['worker', 'api'])])).toEqual([]);
  });
});

describe('the Dockerfile found once the log is read', () => {
  function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'bkd-dockerfile-set-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('the file the error block names, when it exists', () => {
    const dir = workspace({ 'docker/cuda.Dockerfile': 'FROM scratch AS cuda\n', Dockerfile: 'FROM scratch\n' });
    const found = fallbackDockerfile(modelOf([null], { dockerfile: 'docker/cuda.Dockerfile', line: 1 }), dir);
    expect(found?.path).toBe(path.join(dir, 'docker/cuda.Dockerfile'));
    expect(found?.stages.map((s) => s.name)).toEqual(['cuda']);
  });

  it('else ./Dockerfile', () => {
    const dir = workspace({ Dockerfile: 'FROM scratch AS only\n' });
    expect(fallbackDockerfile(modelOf([null], { dockerfile: 'docker/gone.Dockerfile', line: 1 }), dir)?.stages[0]?.name).toBe('only');
    expect(fallbackDockerfile(modelOf([null]), dir)?.stages[0]?.name).toBe('only');
  });

  it('never a file outside the workspace, whatever the log names', () => {
    const outer = workspace({ 'secret.txt': 'FROM scratch AS leaked\n' });
    const dir = path.join(outer, 'ws');
    mkdirSync(dir);
    for (const named of ['../secret.txt', path.join(outer, 'secret.txt'), 'a/../../secret.txt']) {
      expect(fallbackDockerfile(modelOf([null], { dockerfile: named, line: 1 }), dir)).toBeNull();
    }
  });

  it('nothing to find: null', () => {
    expect(fallbackDockerfile(modelOf([null]), workspace({}))).toBeNull();
  });

  it('a plain PATH given: loaded at once, no fallback; TARGET=PATH files loaded by target', async () => {
    const files: Record<string, string> = { 'a.Dockerfile': 'FROM scratch AS a\n', 'web.Dockerfile': 'FROM scratch AS web\n' };
    const read = (file: string) => Promise.resolve(files[file] ?? '');
    const set = await loadDockerfileSet(parseDockerfileSpec(['a.Dockerfile', 'web=web.Dockerfile']), read, '.');
    expect(set.dockerfile?.path).toBe('a.Dockerfile');
    expect(set.resolveDockerfile).toBeUndefined();
    expect(set.targets.get('web')?.stages[0]?.name).toBe('web');
    const fallback = await loadDockerfileSet(parseDockerfileSpec(['web=web.Dockerfile']), read, '.');
    expect(fallback.dockerfile).toBeNull();
    expect(typeof fallback.resolveDockerfile).toBe('function');
  });
});
