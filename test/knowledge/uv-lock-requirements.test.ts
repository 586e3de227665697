import { describe, expect, it } from 'vitest';
import { uvLockRequirementsValues } from '../../src/knowledge/uv-lock-requirements-enricher.js';

describe('uvLockRequirementsValues', () => {
  it('exports the lock and installs the requirements file with the command\'s own flags', () => {
    expect(uvLockRequirementsValues('uv pip install --system -r uv.lock')).toEqual({
      uvExportInstall:
        'uv export --frozen --no-dev --no-emit-project -o requirements.txt && uv pip install --system -r requirements.txt',
    });
  });

  it('reads the long option and a lock in another directory', () => {
    expect(uvLockRequirementsValues('uv pip install --requirements=app/uv.lock --no-cache').uvExportInstall).toBe(
      'uv export --frozen --no-dev --no-emit-project -o requirements.txt && uv pip install -r requirements.txt --no-cache',
    );
  });

  it('gives nothing for a requirements file or a command that is not uv', () => {
    expect(uvLockRequirementsValues('uv pip install --system -r requirements.txt')).toEqual({});
    expect(uvLockRequirementsValues('pip install -r uv.lock')).toEqual({});
    expect(uvLockRequirementsValues(null)).toEqual({});
  });
});
