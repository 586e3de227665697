// A wheel build that failed, when no more specific rule (nvcc arch, CUDA_HOME, build isolation,
// OOM, …) explains why: specificity 2, so in a failed step it gives way to those.
//
// The package: pip names it in `Building wheel for X`, `Failed building wheel for X`, `Could not
// build wheels for X` (pip 23/24), `Failed to build X` / `Failed to build 'X' when …` (pip 25+).
// When the failure is `Getting requirements to build wheel` / `Preparing metadata` pip does not
// name it on that line: the last `Collecting X` before it is the package it was preparing. With
// none of these (a clipped log), the `!named` variant says how to find it instead of printing an
// empty name. Commands come from the `pip-advice` enricher in the step's installer's form.
import type { RuleInput } from '../../schema.js';

const name = '[A-Za-z0-9][\\w.-]{0,200}';

export const wheelBuildFailed: RuleInput = {
  id: 'pip/wheel-build-failed',
  title: 'Wheel build failed',
  severity: 'error',
  match: [
    // `  ERROR: Failed building wheel for badext`
    { literals: ['Failed building wheel for '], pattern: `Failed building wheel for (?<package>${name})` },
    // pip 23/24: `ERROR: Could not build wheels for badext, which is required to install pyproject.toml-based projects`
    { literals: ['Could not build wheels for '], pattern: `Could not build wheels for (?<package>${name})` },
    // pip 25+: `ERROR: Failed to build 'flash-attn' when getting requirements to build wheel`, `Failed to build badext`
    { literals: ['Failed to build '], pattern: `Failed to build '?(?!installable )(?<package>${name})` },
    // pip ≥ 22: `× Building wheel for x (pyproject.toml) did not run successfully.`, `× Getting requirements to build wheel did not run successfully.`
    {
      literals: ['did not run successfully'],
      pattern: `(?:Building wheel for (?<package>${name}) |Getting requirements to build wheel |Preparing metadata )[^\\n]{0,200}did not run successfully`,
    },
  ],
  context: [
    // The package pip was working on: a line that names it, else the last `Collecting X` (a URL or path is not a name).
    {
      name: 'named',
      keep: 'last',
      literals: ['Building wheel for ', 'Failed building wheel for ', 'Could not build wheels for ', 'Failed to build ', 'Collecting '],
      pattern: `(?:Building wheel for |Failed building wheel for |Could not build wheels for |Failed to build '?(?!installable )|^\\s{0,200}Collecting )(?<name>${name})(?=[\\s'=<>!~\\[;(,]|$)`,
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message:
    'pip could not build a wheel for {context.named.name} (no prebuilt wheel fits this Python / platform, so pip compiled the ' +
    'source distribution, and the compile failed). The cause is in the subprocess output above the `[end of output]` line.',
  fix: [
    'Read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes in CUDA images:',
    '',
    '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
    '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and `TORCH_CUDA_ARCH_LIST` set, with the ' +
      'installed torch visible to the build: `{enrich.noIsolationCmd}`;',
    '- a prebuilt wheel of {context.named.name} for this Python / CUDA / CPU architecture, where the project publishes one.',
    '',
    'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.',
  ].join('\n'),
  variants: [
    {
      when: '!named',
      message:
        'pip could not build a wheel (no prebuilt wheel fits this Python / platform, so pip compiled a source distribution, and ' +
        'the compile failed). The log kept here does not name the package; the cause is in the subprocess output above the ' +
        '`[end of output]` line.',
      fix: [
        'Find the package: the last `Collecting …` or `Building wheel for …` line before the error in the full step output. Then ' +
          'read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes in CUDA images:',
        '',
        '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
        '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and `TORCH_CUDA_ARCH_LIST` set, and ' +
          'install it with `--no-build-isolation` so the build sees the installed torch.',
      ].join('\n'),
    },
  ],
  enrich: 'pip-advice',
  docs: 'https://pip.pypa.io/en/stable/reference/build-system/',
};
