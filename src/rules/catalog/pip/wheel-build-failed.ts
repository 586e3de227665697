// A wheel build that failed, when no more specific rule (nvcc arch, CUDA_HOME, build isolation,
// OOM, …) explains why: specificity 2, so in a failed step it gives way to those.
import type { RuleInput } from '../../schema.js';

export const wheelBuildFailed: RuleInput = {
  id: 'pip/wheel-build-failed',
  title: 'Wheel build failed',
  severity: 'error',
  match: [
    // `  ERROR: Failed building wheel for badext`
    { literals: ['Failed building wheel for '], pattern: 'Failed building wheel for (?<package>[A-Za-z0-9][\\w.-]{0,200})' },
    // pip 23/24: `ERROR: Could not build wheels for badext, which is required to install pyproject.toml-based projects`
    { literals: ['Could not build wheels for '], pattern: 'Could not build wheels for (?<package>[A-Za-z0-9][\\w.-]{0,200})' },
    // pip 25+: `ERROR: Failed to build 'flash-attn' when getting requirements to build wheel`, `Failed to build badext`
    { literals: ['Failed to build '], pattern: "Failed to build '?(?!installable )(?<package>[A-Za-z0-9][\\w.-]{0,200})" },
    // pip ≥ 22: `error: subprocess-exited-with-error` with `× Building wheel for x (pyproject.toml) did not run successfully.`
    { literals: ['did not run successfully'], pattern: '(?:Building wheel for (?<package>[A-Za-z0-9][\\w.-]{0,200}) |Getting requirements to build wheel |Preparing metadata )[^\\n]{0,200}did not run successfully' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message:
    'pip could not build a wheel for {package:all} (no prebuilt wheel fits this Python / platform, so pip compiled the sdist, and the ' +
    'compile failed). The cause is in the subprocess output above the `[end of output]` line.',
  fix: [
    'Read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes in CUDA images:',
    '',
    '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
    '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda`, `TORCH_CUDA_ARCH_LIST` set, ' +
      '`pip install --no-build-isolation {package}`, and `MAX_JOBS=4` to bound memory;',
    '- prefer a prebuilt wheel where one exists for this Python / CUDA / CPU architecture.',
    '',
    'Reproduce with full output: `pip install -v --no-cache-dir {package}` in a shell of the stage.',
  ].join('\n'),
  docs: 'https://pip.pypa.io/en/stable/reference/build-system/',
};
