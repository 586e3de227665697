// A package whose build needs torch (flash-attn, torchao, apex, …) built in pip's isolated build
// environment, which has no torch: "No module named 'torch'" while getting the requirements to
// build a wheel (or while building it). `--no-build-isolation` is pip's flag (pip 23.2.1 help) and
// uv's (uv 0.1.16 release notes); flash-attn's README installs it this way. The `pip-advice`
// enricher writes the commands in the step's installer's form, with the package (and the version
// the RUN pins) from the log; without a package name the `!package` variant says how to find it.
// uv prints its own hint under the error (`hint: This error likely indicates that `flash-attn@2.7.3`
// depends on `torch`, but doesn't declare it as a build dependency`); for a uv project the fix is
// uv's documented sequence for flash-attn (docs.astral.sh/uv/concepts/projects/config/#build-isolation):
// `no-build-isolation-package` in `[tool.uv]`, then `uv venv`, `uv pip install torch`, `uv sync`.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from './flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

/**
 * uv's documented sequence for a package whose build needs torch: `no-build-isolation-package`,
 * then {module} installed before `uv sync`; `steps` is that sequence as a Dockerfile or a shell block,
 * introduced by `lead`.
 */
function uvProjectFix(lead: string, steps: readonly string[]): string {
  return [
    'uv built {context.uvHint.pkg} in an isolated environment. For a uv project (`uv sync`), build it without isolation and put ' +
      '{module} in the environment before syncing, as uv documents for flash-attn. In `pyproject.toml`:',
    '',
    '```toml',
    '[tool.uv]',
    'no-build-isolation-package = ["{context.uvHint.pkg}"]',
    '```',
    '',
    lead,
    '',
    ...steps,
    '',
    'With `uv pip install` instead of a project: `uv pip install {module}` first, then ' +
      '`uv pip install {context.uvHint.pkg}=={context.uvHint.version} --no-build-isolation`.',
  ].join('\n');
}

export const buildIsolation: RuleInput = {
  id: 'pip/build-isolation',
  title: 'Wheel build needs torch: build isolation hides it',
  severity: 'error',
  match: [
    // `      ModuleNotFoundError: No module named 'torch'` inside the subprocess output
    { literals: ['No module named '], pattern: "No module named '(?<module>torch|numpy|packaging|psutil|ninja|Cython|setuptools_scm|pybind11)(?:\\.[\\w.]{1,200})?'" },
  ],
  context: [
    ...flashAttnWheelContexts,
    // pip's frame around the subprocess: the module was missing in the isolated build environment
    {
      name: 'buildEnv',
      literals: ['Getting requirements to build wheel', 'Preparing metadata (pyproject.toml)', 'Building wheel for', 'pip-build-env-'],
    },
    // uv's hint names the package and version it was building: `hint: This error likely indicates that `flash-attn@2.7.3` depends`
    {
      name: 'uvHint',
      literals: ['hint: This error likely indicates that `'],
      pattern: 'hint: This error likely indicates that `(?<pkg>[A-Za-z0-9][\\w.-]{0,200})@(?<version>[\\w.+!-]{1,100})` depends',
    },
    // The package pip stopped on: the last `Collecting` before the failure, or `Failed to build 'x'`.
    {
      name: 'package',
      keep: 'last',
      literals: ['Collecting ', 'Failed to build '],
      pattern: "(?:^\\s{0,200}Collecting |Failed to build ')(?<name>[A-Za-z0-9][\\w.-]{0,200})(?=[\\s'=<>!~\\[;(,]|$)",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'Building {context.package.name} imported {module}, which pip\'s isolated build environment does not have: pip builds each ' +
    'source distribution in a fresh environment with only its declared build requirements, so a {module} installed in the ' +
    'image is invisible there.',
  fix: withFlashAttnNote([
    'Install the build-time dependencies first, then build without isolation so the build sees them:',
    '',
    '```dockerfile',
    'RUN {enrich.buildDepsCmd}',
    'RUN {enrich.noIsolationCmd}',
    '```',
    '',
    'For CUDA extensions also set `TORCH_CUDA_ARCH_LIST` (the build has no GPU to detect) and `MAX_JOBS` (parallel compile jobs, ' +
      'and their memory).',
  ].join('\n')),
  variants: withFlashAttnVariants(
    'install torch and the build tools first, then build it with `--no-build-isolation`, so the build sees them.',
    [
    {
      // uv said which package it was building (its own hint): uv's forms, in the Dockerfile of an image build
      when: 'uvHint&fact.place=image-build',
      message:
        'uv built {context.uvHint.pkg} {context.uvHint.version} in an isolated build environment, and its build imported {module}, ' +
        'which that environment does not have: uv, like pip, builds each source distribution with only its declared build ' +
        'requirements, so a {module} installed in the image is invisible there.',
      fix: uvProjectFix('Then, in the Dockerfile:', ['```dockerfile', 'RUN uv venv', 'RUN uv pip install {module}', 'RUN uv sync', '```']),
    },
    {
      when: 'uvHint',
      message:
        'uv built {context.uvHint.pkg} {context.uvHint.version} in an isolated build environment, and its build imported {module}, ' +
        'which that environment does not have: uv, like pip, builds each source distribution with only its declared build ' +
        'requirements, so an installed {module} is invisible there.',
      fix: uvProjectFix('Then:', ['```sh', 'uv venv', 'uv pip install {module}', 'uv sync', '```']),
    },
    {
      // a pasted terminal session or `docker run`: shell commands, not Dockerfile lines
      when: 'buildEnv&package&!fact.place=image-build',
      fix: [
        'Install the build-time dependencies first, then build without isolation so the build sees them:',
        '',
        '```sh',
        '{enrich.buildDepsCmd}',
        '{enrich.noIsolationCmd}',
        '```',
        '',
        'For CUDA extensions also set `TORCH_CUDA_ARCH_LIST` (the build has no GPU to detect) and `MAX_JOBS` (parallel compile jobs, ' +
          'and their memory).',
      ].join('\n'),
    },
    {
      when: '!buildEnv',
      message:
        'Python could not import {module}. If this came from building a package (setup.py importing torch), pip\'s build isolation ' +
        'hid the installed {module}: install it first and build that package with `--no-build-isolation`; otherwise install ' +
        '{module} in this stage.',
      fix:
        'If a package build imported {module}: install {module} first, then install the package with `--no-build-isolation` ' +
        '(pip and uv both have the flag). If your own code imported it, add {module} to this stage\'s requirements.',
    },
    {
      when: '!package',
      message:
        'A package build imported {module}, which pip\'s isolated build environment does not have: pip builds each source ' +
        'distribution in a fresh environment with only its declared build requirements, so the {module} installed in the image is ' +
        'invisible there. The log kept here does not name the package.',
      fix:
        'Find the package (the last `Collecting …` line before the error), install its build-time dependencies ({module}, ninja, ' +
        'packaging, wheel, setuptools) first, then install it with `--no-build-isolation` so the build sees them.',
    },
    ],
  ),
  enrich: ['pip-advice', 'flash-attn-wheel'],
  only: 'failed-step',
  docs: 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-build-isolation',
};
