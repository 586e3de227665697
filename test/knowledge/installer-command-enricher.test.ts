import { describe, expect, it } from 'vitest';
import { failedRunCommand, installerCommandValues } from '../../src/knowledge/installer-command-enricher.js';
import { makeModel, makeStep } from '../support/builders.js';

describe('installer-command enricher', () => {
  it('adds --no-root / --only-root to the poetry install of the failed RUN, keeping its other flags', () => {
    const v = installerCommandValues('poetry config virtualenvs.create false && poetry install --no-interaction --no-ansi');
    expect(v.poetryNoRoot).toBe('poetry config virtualenvs.create false && poetry install --no-root --no-interaction --no-ansi');
    expect(v.poetryOnlyRoot).toBe('poetry config virtualenvs.create false && poetry install --only-root --no-interaction --no-ansi');
    expect(v.uvFrozen).toBeUndefined();
  });

  it('drops the group options poetry refuses beside --only-root, and keeps them for --no-root', () => {
    const v = installerCommandValues('pip install poetry && poetry install --only main --with=dev,test --no-ansi');
    expect(v.poetryNoRoot).toBe('pip install poetry && poetry install --no-root --only main --with=dev,test --no-ansi');
    expect(v.poetryOnlyRoot).toBe('pip install poetry && poetry install --only-root --no-ansi');
    expect(installerCommandValues('poetry install --all-groups').poetryOnlyRoot).toBe('poetry install --only-root');
  });

  it('leaves a poetry install that already skips the root alone', () => {
    expect(installerCommandValues('poetry install --no-root')).toEqual({});
  });

  it('swaps --locked for --frozen in a uv command', () => {
    expect(installerCommandValues('uv sync --locked --no-dev').uvFrozen).toBe('uv sync --frozen --no-dev');
    // already frozen: nothing to swap; still one of uv's project commands
    expect(installerCommandValues('uv sync --frozen --no-dev')).toEqual({ uvProjectRun: 'uv sync --frozen --no-dev' });
    // near miss: `uv pip install` installs no lock
    expect(installerCommandValues('uv pip install --system torch')).toEqual({});
    expect(installerCommandValues(null)).toEqual({});
  });
});

describe('failedRunCommand', () => {
  // BuildKit's two wordings of a failed RUN (the current `process … did not complete successfully` and BuildKit 0.8's
  // `executor failed running […]`), with a quoted argument in the command.
  const model = (message: string) => makeModel({ steps: [makeStep({ id: 4, status: 'error', error: message })], failedStep: 4 });
  it('reads the command whole, quotes unescaped, from either wording', () => {
    const current = 'process "/bin/sh -c uv pip install --system -r uv.lock && echo \\"done\\"" did not complete successfully: exit code: 2';
    expect(failedRunCommand(model(current).steps[0]!, model(current))).toBe('uv pip install --system -r uv.lock && echo "done"');
    const old = 'executor failed running [/bin/sh -c poetry install --no-interaction]: exit code: 1';
    expect(failedRunCommand(model(old).steps[0]!, model(old))).toBe('poetry install --no-interaction');
  });
});
