// Install command shapes per installer.
import { describe, expect, test } from 'vitest';
import { dryRunCommand, installCommand, installerDocs } from '../../src/knowledge/installer-forms.js';

describe('installCommand', () => {
  test('pip with every option', () => {
    expect(
      installCommand('pip', {
        requirements: ['torch==2.3.1'],
        constraint: 'constraints.txt',
        indexUrl: 'https://download.pytorch.org/whl/cu121',
        noBuildIsolation: true,
        noCache: true,
        breakSystemPackages: true,
      }),
    ).toBe('pip install --no-cache-dir --no-build-isolation --break-system-packages -c constraints.txt --index-url https://download.pytorch.org/whl/cu121 torch==2.3.1');
  });

  test('uv spells the cache and system flags its own way and picks across indexes', () => {
    expect(
      installCommand('uv', {
        requirements: ['flash-attn'],
        indexUrl: 'https://pypi.org/simple',
        extraIndexUrls: ['https://download.pytorch.org/whl/cu121'],
        noCache: true,
        breakSystemPackages: true,
      }),
    ).toBe('uv pip install --no-cache --system --break-system-packages --index-url https://pypi.org/simple --extra-index-url https://download.pytorch.org/whl/cu121 --index-strategy unsafe-best-match flash-attn');
    expect(installCommand('uv', { requirements: ['numpy'], constraint: 'c.txt' })).toBe('uv pip install --constraint c.txt numpy');
  });

  test('conda uses conda install only for a plain install; poetry falls back to pip in the env', () => {
    expect(installCommand('conda', { requirements: ['numpy'] })).toBe('conda install -y numpy');
    expect(installCommand('conda', { requirements: ['flash-attn'], noBuildIsolation: true })).toBe('python -m pip install --no-build-isolation flash-attn');
    expect(installCommand('poetry', { requirements: ['numpy'] })).toBe('python -m pip install numpy');
  });

  test('specifiers with shell characters are quoted; no requirement is an error', () => {
    expect(installCommand('pip', { requirements: ['numpy<2'] })).toBe("pip install 'numpy<2'");
    expect(() => installCommand('pip', { requirements: [' '] })).toThrow(/requirement/);
  });

  test('dry runs', () => {
    expect(dryRunCommand('pip', 'torch==2.3.1')).toBe('pip install --dry-run --quiet --report - torch==2.3.1');
    expect(dryRunCommand('uv', 'torch')).toBe('uv pip install --dry-run torch');
  });

  test('every installer names its docs and what was checked', () => {
    for (const d of Object.values(installerDocs)) {
      expect(d.url).toMatch(/^https:\/\//);
      expect(d.checked.length).toBeGreaterThan(10);
    }
  });
});
