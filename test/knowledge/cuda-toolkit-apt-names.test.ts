// The toolkit names no apt repository has, and NVIDIA's keyring URL the fix builds from the repository table.
import { describe, expect, test } from 'vitest';
import { KEYRING_FILE, KEYRING_URL_FORM, keyringDistros, madeUpToolkitNames } from '../../src/knowledge/cuda-toolkit-apt-names.js';

describe('CUDA toolkit apt names', () => {
  test('cuda-toolkit-dev is listed; the real names are not', () => {
    expect(madeUpToolkitNames).toContain('cuda-toolkit-dev');
    for (const real of ['cuda-toolkit', 'cuda-toolkit-12-4', 'nvidia-cuda-toolkit', 'cuda']) expect(madeUpToolkitNames).not.toContain(real);
  });

  test("the keyring distros are the deb repositories with NVIDIA's cuda-keyring 1.1-1, not ubuntu1804 or rhel", () => {
    expect(keyringDistros()).toEqual(['ubuntu2004', 'ubuntu2204', 'ubuntu2404', 'debian11', 'debian12']);
    expect(KEYRING_URL_FORM).toBe('https://developer.download.nvidia.com/compute/cuda/repos/<distro>/x86_64/cuda-keyring_1.1-1_all.deb');
    expect(KEYRING_URL_FORM.endsWith(KEYRING_FILE)).toBe(true);
  });
});
