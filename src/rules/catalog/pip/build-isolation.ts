// A package whose build needs torch (flash-attn, torchao, apex, …) built in pip's isolated build
// environment, which has no torch: "No module named 'torch'" while getting the requirements to
// build a wheel (or while building it).
import type { RuleInput } from '../../schema.js';

export const buildIsolation: RuleInput = {
  id: 'pip/build-isolation',
  title: 'Wheel build needs torch: build isolation hides it',
  severity: 'error',
  match: [
    // `      ModuleNotFoundError: No module named 'torch'` inside the subprocess output
    { literals: ['No module named '], pattern: "No module named '(?<module>torch|numpy|packaging|psutil|ninja|Cython|setuptools_scm|pybind11)(?:\\.[\\w.]{1,200})?'" },
  ],
  context: [
    // pip's frame around the subprocess: the module was missing in the isolated build environment
    {
      name: 'buildEnv',
      literals: ['Getting requirements to build wheel', 'Preparing metadata (pyproject.toml)', 'Building wheel for', 'pip-build-env-'],
    },
    // The package pip stopped on: the last `Collecting` before the failure, or `Failed to build 'x'`.
    { name: 'package', keep: 'last', literals: ['Collecting ', 'Failed to build '], pattern: "(?:^\\s{0,200}Collecting |Failed to build ')(?<name>[A-Za-z0-9][\\w.-]{0,200})" },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A package build imported {module}, which pip\'s isolated build environment does not have: pip builds each sdist in a fresh ' +
    'environment with only its declared build requirements, so the torch (or numpy) installed in the image is invisible there.',
  fix: [
    'Install the build-time dependencies first, then build without isolation so the build sees them:',
    '',
    '```dockerfile',
    'RUN pip install {module} ninja packaging wheel setuptools',
    'RUN pip install --no-build-isolation {context.package.name}',
    '```',
    '',
    'For CUDA extensions also set `ENV MAX_JOBS=4` (parallel nvcc jobs need ~4 GB of memory each) and `TORCH_CUDA_ARCH_LIST` ' +
      '(builds have no GPU to detect).',
  ].join('\n'),
  variants: [
    {
      when: '!buildEnv',
      message:
        'Python could not import {module}. If this came from building a package (setup.py importing torch), pip\'s build isolation ' +
        'hid the installed {module}: install it first and use `pip install --no-build-isolation`; otherwise install {module} in this stage.',
    },
  ],
  only: 'failed-step',
  docs: 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-build-isolation',
};
