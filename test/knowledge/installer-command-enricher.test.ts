import { describe, expect, it } from 'vitest';
import { installerCommandValues } from '../../src/knowledge/installer-command-enricher.js';

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
    expect(installerCommandValues('uv sync --frozen --no-dev')).toEqual({});
    expect(installerCommandValues(null)).toEqual({});
  });
});
