// runtime/shared-library-missing: a torch that cannot load cuDNN gets the OS package of its distribution, or the pip
// wheel's story, from what the log shows. Every line is real: the traceback of instructlab/instructlab#1018 (the rule's
// match-dnf-image-torch-libcudnn8.log) and a Debian/Ubuntu torch frame of dusty-nv/jetson-containers#121
// (match-libcurand-classic-build-backticks-jetson-121.log).
import { describe, expect, test } from 'vitest';
import { sharedLibraryMissing } from '../../src/rules/catalog/runtime/shared-library-missing.js';
import { makeModel } from '../support/builders.js';
import { runEngine, text } from './support/events.js';

const pasted = makeModel({ format: 'plain-text', steps: [], failedStep: null });
const IMPORT_ERROR = 'ImportError: libcudnn.so.8: cannot open shared object file: No such file or directory';
const RPM_FRAME = '        File "/usr/local/lib64/python3.11/site-packages/torch/__init__.py", line 237, in <module>';
const DEBIAN_FRAME = '  File "/usr/local/lib/python3.6/dist-packages/torch/__init__.py", line 195, in <module>';

describe('runtime/shared-library-missing: cuDNN under a pip-installed torch', () => {
  test('a Fedora / RHEL Python (lib64) with no nvidia-cudnn wheel in the log: dnf install of libcudnn8, no apt', () => {
    const [f] = runEngine([sharedLibraryMissing], [text(RPM_FRAME), text(IMPORT_ERROR)], pasted);
    expect(f!.title).toBe('cuDNN not found when torch loads');
    expect(f!.fix).toContain('RUN dnf install -y libcudnn8 && dnf clean all');
    expect(f!.fix).toContain('python3 -m pip check');
    expect(f!.fix).not.toContain('apt');
  });

  test('a Debian / Ubuntu Python (dist-packages): both package managers named, no RPM claim, no advice against the OS package', () => {
    const [f] = runEngine([sharedLibraryMissing], [text(DEBIAN_FRAME), text(IMPORT_ERROR)], pasted);
    expect(f!.title).toBe('cuDNN not found when torch loads');
    expect(f!.message).not.toContain('RPM');
    expect(f!.fix).toContain('`apt-get install -y libcudnn8` (Debian / Ubuntu)');
    expect(f!.fix).not.toContain('second copy');
  });
});
