// A release with wheels for other platforms only, read as what it is: pip's ResolutionImpossible whose pair agrees
// (aboutcode-org/vulnerablecode#2426), pip's version list stopping below the pin (softwaredoug/searcharray#12) and uv's
// "no wheels with a matching platform tag" on linux/arm64 (seung-lab/DracoPy#64); and the near misses that keep the
// other readings.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/rules/pip/${path}`, import.meta.url), 'utf8');
const extractcode = fixture('resolution-impossible/match-constraint-pin-no-arm64-wheel-extractcode.log');
const dracopy = fixture('resolution-impossible/match-uv-no-aarch64-wheel-dracopy.log');
const searcharray = fixture('no-matching-distribution/match-list-stops-platform-or-python-searcharray.log');
// a real pip line of an arm64 build (fixtures/rules: torch 2.4.1's aarch64 wheel), which sets the platform fact
const arm64Line = '  Downloading torch-2.4.1-cp38-cp38-manylinux2014_aarch64.whl.metadata (26 kB)\n';

describe('no wheel for this platform', () => {
  test('a constraint pin the dependency accepts: no file of that release, not a conflict', async () => {
    const f = await findingOf('pip/resolution-impossible', extractcode);
    expect(f.title).toBe('No file of the pinned release installs here (not a version conflict)');
    expect(f.fix).toContain('https://pypi.org/project/extractcode-7z/16.5.210531/#files');
    expect(f.fix).toContain('docker build --platform linux/amd64 .');
    expect(f.fix).not.toContain('INSTALL_OPTIONAL');
  });

  test('the same block on linux/arm64 names the platform', async () => {
    const f = await findingOf('pip/resolution-impossible', arm64Line + extractcode);
    expect(f.title).toBe('No wheel for linux/arm64 (aarch64) of the pinned release');
  });

  test('near miss: a constraint pin the dependency rejects stays a conflict', async () => {
    const conflict = extractcode.replace('extractcode-7z==16.5.210531', 'extractcode-7z==16.5.210520');
    const f = await findingOf('pip/resolution-impossible', conflict);
    expect(f.title).toBe('pip could not resolve conflicting requirements');
    expect(f.fix).not.toContain('#files');
  });

  test('uv on linux/arm64: build for amd64 or pin a release with an aarch64 wheel', async () => {
    const f = await findingOf('pip/resolution-impossible', dracopy);
    expect(f.title).toBe('No wheel for linux/arm64 (aarch64) of the pinned release');
    expect(f.fix).toContain('docker build --platform linux/amd64 .');
    expect(f.fix).toContain('https://pypi.org/project/dracopy/#history');
  });

  test('near miss: uv naming an x86_64 tag keeps the generic reading', async () => {
    const f = await findingOf('pip/resolution-impossible', dracopy.replace('manylinux_2_36_aarch64', 'manylinux_2_36_x86_64'));
    expect(f.title).toBe('uv could not resolve the requirements');
  });

  test('a list that stops below the pin: Python or platform, with both remedies', async () => {
    const f = await findingOf('pip/no-matching-distribution', searcharray);
    expect(f.title).toBe('Pinned release not installable here: a newer Python, or no file for this platform');
    expect(f.fix).toContain('docker build --platform linux/amd64 .');
    expect(f.fix).toContain('searcharray==0.0.71');
  });

  test('the same list on linux/arm64 leads with the platform', async () => {
    const f = await findingOf('pip/no-matching-distribution', arm64Line + searcharray);
    expect(f.title).toBe('No wheel for linux/arm64 (aarch64) of the pinned release?');
    expect(f.fix).toContain('https://pypi.org/project/searcharray/#files');
    expect(f.fix).toContain('`searcharray==0.0.71`');
  });

  test('no platform fact from a plain list', async () => {
    const findings = await analyzeLog(searcharray);
    expect(findings.some((f) => f.title.includes('linux/arm64'))).toBe(false);
  });
});
