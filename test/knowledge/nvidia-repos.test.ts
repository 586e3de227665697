// NVIDIA CUDA repository paths, keyring and key rotation.
import { describe, expect, test } from 'vitest';
import { KEY_ROTATION_STEPS, ML_REPO_PATTERN, NEW_DEB_KEY, OLD_DEB_KEY, RPM_KEY, distroId, knownDistroIds, nvidiaRepo, repoArch } from '../../src/knowledge/nvidia-repos.js';

describe('distro ids', () => {
  test.each([
    ['ubuntu', '22.04', 'ubuntu2204'],
    ['Ubuntu', '24.04', 'ubuntu2404'],
    ['ubuntu', '20.04.6', 'ubuntu2004'],
    ['debian', '12', 'debian12'],
    ['rocky', '9.3', 'rhel9'],
    ['ubi', '8', 'rhel8'],
    ['ubuntu', '16.04', null],
    ['alpine', '3.19', null],
    ['debian', 'bookworm', null],
  ])('distroId(%s, %s) = %s', (os, rel, id) => {
    expect(distroId(os, rel)).toBe(id);
  });
});

describe('architectures', () => {
  test('amd64 is x86_64 everywhere; arm64 is sbsa where NVIDIA publishes it', () => {
    expect(repoArch('amd64', 'ubuntu2204')).toBe('x86_64');
    expect(repoArch('linux/arm64', 'ubuntu2204')).toBe('sbsa');
    expect(repoArch('aarch64', 'rhel9')).toBe('sbsa');
    expect(repoArch('arm64', 'debian12')).toBeNull();
    expect(repoArch('ppc64le', 'ubuntu2204')).toBeNull();
  });
});

describe('repositories', () => {
  test('Debian-family repos come with the cuda-keyring package', () => {
    const r = nvidiaRepo('ubuntu2204', 'x86_64');
    expect(r?.baseUrl).toBe('https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/');
    expect(r?.keyringUrl).toBe('https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/cuda-keyring_1.1-1_all.deb');
    expect(r?.repoFileUrl).toBeNull();
    expect(nvidiaRepo('ubuntu2404', 'sbsa')?.keyringUrl).toContain('/ubuntu2404/sbsa/cuda-keyring_1.1-1_all.deb');
  });

  test('RHEL repos come with a .repo file, no keyring', () => {
    const r = nvidiaRepo('rhel9', 'x86_64');
    expect(r?.family).toBe('rpm');
    expect(r?.keyringUrl).toBeNull();
    expect(r?.repoFileUrl).toBe('https://developer.download.nvidia.com/compute/cuda/repos/rhel9/x86_64/cuda-rhel9.repo');
  });

  test('unverified combinations are null, and every row has a source', () => {
    expect(nvidiaRepo('debian12', 'sbsa')).toBeNull();
    expect(nvidiaRepo('ubuntu1604', 'x86_64')).toBeNull();
    expect(nvidiaRepo('ubuntu1804', 'x86_64')?.keyringUrl).toBeNull();
    for (const id of knownDistroIds()) expect(nvidiaRepo(id, 'x86_64')?.source).toMatch(/\w/);
  });
});

describe('keys', () => {
  test('the 2022 rotation: 7fa2af80 out, 3bf863cc in', () => {
    expect(OLD_DEB_KEY.shortId).toBe('7fa2af80');
    expect(OLD_DEB_KEY.fingerprint.toLowerCase().endsWith(OLD_DEB_KEY.shortId)).toBe(true);
    expect(NEW_DEB_KEY.longId.toLowerCase().endsWith(NEW_DEB_KEY.shortId)).toBe(true);
    expect(RPM_KEY.shortId).toBe('d42d0685');
    expect(KEY_ROTATION_STEPS.steps[0]).toBe('apt-key del 7fa2af80');
  });

  test('the machine-learning repo path is recognised', () => {
    expect(ML_REPO_PATTERN.pattern.test('https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu2004/x86_64')).toBe(true);
    expect(ML_REPO_PATTERN.pattern.test('https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2004/x86_64')).toBe(false);
  });
});
