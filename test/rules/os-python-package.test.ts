// pip/no-matching-distribution for a requirement that is a Linux distribution's own Python package (cloud-init,
// python-apt: src/knowledge/os-python-packages.ts), which a `pip freeze` of a system Python writes into requirements.txt.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { osPythonPackage } from '../../src/knowledge/os-python-packages.js';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/no-matching-distribution/${name}`, import.meta.url), 'utf8');
const finding = (text: string) => findingOf('pip/no-matching-distribution', text);

describe('a requirement that is an OS package', () => {
  test('cloud-init==19.1 from a host pip freeze (docker/docs#13584): delete the line, or the distro package', async () => {
    const f = await finding(read('match-os-package-cloud-init-pip-freeze.log'));
    expect(f.title).toBe('requirement is an OS package, not on PyPI');
    expect(f.message).toContain('PyPI has no release of it at all');
    expect(f.fix).toContain('Delete the `cloud-init` line');
    expect(f.fix).toContain('apt-get install -y cloud-init');
    expect(f.fix).not.toContain('--platform linux/amd64');
  });

  // flathub-infra/flatpak-external-data-checker#384 (description by hfiguiere, 2023-09-22), the pip output
  test('python-apt, which PyPI has only in 0.0.0 and 0.7.8: the Debian package python3-apt', async () => {
    const log = [
      'ERROR: Could not find a version that satisfies the requirement python-apt (from versions: 0.0.0, 0.7.8)',
      'ERROR: No matching distribution found for python-apt',
    ].join('\n');
    const f = await finding(log);
    expect(f.title).toBe('requirement is an OS package, not on PyPI');
    expect(f.fix).toContain('apt-get install -y python3-apt');
  });

  test('a name not in the table (cadquery-ocp<7.9,>=7.8, derhuerst/build123d-docker#6) keeps the generic advice, with how to tell an OS package', async () => {
    const f = await finding(read('match-none-arch-unknown-cadquery-ocp.log'));
    expect(f.title).not.toBe('requirement is an OS package, not on PyPI');
    expect(f.fix).toContain('python3 -m pip show cadquery-ocp');
  });

  // the requirements of the fixtures above, and `python-apt==2.6.0` as `/usr/bin/python3 -m pip freeze` writes it on Debian 12
  test('the table reads the name of a requirement', () => {
    expect(osPythonPackage('cloud-init==19.1')?.debPackage).toBe('cloud-init');
    expect(osPythonPackage('python-apt==2.6.0')?.debPackage).toBe('python3-apt');
    expect(osPythonPackage('cadquery-ocp<7.9,>=7.8')).toBeUndefined();
  });
});
