import { describe, expect, it } from 'vitest';
import { uvLockRequirementsValues } from '../../src/knowledge/uv-lock-requirements-enricher.js';
import { runInstructionOf } from '../../src/grammar/run-command.js';

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

describe('the export runs where the install runs', () => {
  it('after the `cd` the failed RUN makes first, as BuildKit quotes that RUN', () => {
    // BuildKit's error for `RUN cd /app && uv pip install --system -r uv.lock` (its wording in fixtures/real:
    // `process "/bin/sh -c …" did not complete successfully: exit code: N`)
    const instruction = runInstructionOf('process "/bin/sh -c cd /app && uv pip install --system -r uv.lock" did not complete successfully: exit code: 2');
    expect(instruction).toBe('RUN cd /app && uv pip install --system -r uv.lock');
    expect(uvLockRequirementsValues(instruction!.slice(4)).uvExportInstall).toBe(
      'cd /app && uv export --frozen --no-dev --no-emit-project -o requirements.txt && uv pip install --system -r requirements.txt',
    );
  });

  it('after a `;`, and not inside an `||`', () => {
    expect(uvLockRequirementsValues('set -e; uv pip install -r uv.lock').uvExportInstall).toBe(
      'set -e; uv export --frozen --no-dev --no-emit-project -o requirements.txt && uv pip install -r requirements.txt',
    );
    expect(uvLockRequirementsValues('test -f uv.lock || uv pip install -r uv.lock').uvExportInstall).toBe(
      'uv export --frozen --no-dev --no-emit-project -o requirements.txt && test -f uv.lock || uv pip install -r requirements.txt',
    );
  });
});
