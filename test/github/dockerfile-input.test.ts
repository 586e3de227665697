// The action's `dockerfile` input: one line per Dockerfile, `TARGET=PATH` for a bake / compose
// target, a plain PATH for the rest.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseInputs } from '../../src/github/inputs.js';

const getter = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('input dockerfile', () => {
  it('one plain path, as before', () => {
    expect(parseInputs(getter({ dockerfile: ' docker/cuda.Dockerfile ' }))).toMatchObject({ dockerfile: 'docker/cuda.Dockerfile', targetDockerfiles: new Map() });
  });

  it('TARGET=PATH lines and a default, blank lines and CRLF ignored', () => {
    const inputs = parseInputs(getter({ dockerfile: 'web=docker/web.Dockerfile\r\n\r\n  worker = docker/worker.Dockerfile\nDockerfile\n' }));
    expect(inputs.dockerfile).toBe('Dockerfile');
    expect([...inputs.targetDockerfiles]).toEqual([
      ['web', 'docker/web.Dockerfile'],
      ['worker', 'docker/worker.Dockerfile'],
    ]);
  });

  it.each([
    ['=docker/web.Dockerfile', 'input dockerfile "=docker/web.Dockerfile": name the target before "=" (TARGET=PATH), or give the PATH alone'],
    ['web=', 'input dockerfile "web=": no Dockerfile path after "web=" (TARGET=PATH)'],
    ['a.Dockerfile\nb.Dockerfile', 'input dockerfile: one plain Dockerfile path only (got "a.Dockerfile" and "b.Dockerfile"); name the others TARGET=PATH'],
  ])('%j is an input error', (value, message) => {
    expect(() => parseInputs(getter({ dockerfile: value }))).toThrow(new InputError(message));
  });
});
