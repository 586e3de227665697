// A wheel build that failed, when no more specific rule (nvcc arch, CUDA_HOME, build isolation,
// OOM, …) explains why: specificity 2, so in a failed step it gives way to those.
//
// The package: pip names it in `Building wheel for X`, `Failed building wheel for X`, `Could not
// build wheels for X` (pip 23/24), `Failed to build X` / `Failed to build 'X' when …` (pip 25+), and in
// pip 25's closing block, whose error code line is `error: failed-wheel-build-for-install` and whose
// `╰─> X, Y` line lists the packages under `× Failed to build installable wheels for some pyproject.toml
// based projects`: a log cut to that block still says what failed.
// When the failure is `Getting requirements to build wheel` / `Preparing metadata` pip does not
// name it on that line: the last `Collecting X` before it is the package it was preparing. With
// none of these (a clipped log), the `!named` variant says how to find it instead of printing an
// empty name. Commands come from the `pip-advice` enricher in the step's installer's form.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from './flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

const name = '[A-Za-z0-9][\\w.-]{0,200}';
// pip 25's `╰─> duckdb, pydantic-core`: a line that is only a list of names (not `╰─> See above for output.`,
// not `╰─> [6 lines of output]`).
const listedAfterArrow = '^\\s{0,20}╰─> (?=[\\w.-]{1,200}(?:, [\\w.-]{1,200}){0,50}$)';

// uv prints the chain of causes under `×` and the backend's stderr after `[stderr]` (astral-sh/uv#3308). `-v` is uv's
// verbose flag (installer-forms.ts). uv names a local project as `name @ file:///path`: the path is the requirement.
const uvCauses = [
  'Read the last `Caused by:` / `├─▶` line and the `[stderr]` block below it: it names what the build lacked. Common causes:',
  '',
  '- `command \'gcc\' failed` / `cc: not found`: the image has no C compiler;',
  '- `Failed to install build dependencies`: uv could not install the `build-system.requires` of the package (the lines',
  '  under it say why);',
  '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda`, and let the build see the installed',
  '  torch (`--no-build-isolation`).',
  '',
];
const uvMessage =
  'uv could not build {subject}: uv ran the package\'s build backend (no prebuilt wheel fits, or it is a local project), and ' +
  'that failed. The cause is under uv\'s `×` line: the `Caused by:` / `├─▶` lines, then the backend\'s own output after `[stderr]`.';

export const wheelBuildFailed: RuleInput = {
  id: 'pip/wheel-build-failed',
  title: 'Wheel build failed',
  severity: 'error',
  match: [
    // `  ERROR: Failed building wheel for badext`
    { literals: ['Failed building wheel for '], pattern: `Failed building wheel for (?<package>${name})` },
    // pip 23/24: `ERROR: Could not build wheels for badext, which is required to install pyproject.toml-based projects`
    { literals: ['Could not build wheels for '], pattern: `Could not build wheels for (?<package>${name})` },
    // pip 25+: `ERROR: Failed to build 'flash-attn' when getting requirements to build wheel`, `Failed to build badext`;
    // uv: `× Failed to build \`szurubooru-toolkit @ file:///szurubooru-toolkit\`` (reluce/szurubooru-toolkit#80)
    { literals: ['Failed to build '], pattern: `Failed to build ['\`]?(?!installable )(?<package>${name})` },
    // pip 25's closing block: `error: failed-wheel-build-for-install`, then `× Failed to build installable wheels …` / `╰─> X`
    { literals: ['error: failed-wheel-build-for-install'] },
    // setuptools' compile step, under pip or uv: `error: command 'gcc' failed: No such file or directory` (astral-sh/uv#3308),
    // `error: command '/usr/bin/gcc' failed with exit code 1`
    { literals: ["error: command '"], pattern: "error: command '(?<compiler>[^'\\s]{1,100})' failed" },
    // uv: `Caused by: Build backend failed to build wheel through \`build_wheel\` (exit status: 1)` (astral-sh/uv#3308),
    // newer uv: `╰─▶ Call to \`setuptools.build_meta.build_wheel\` failed (exit status: 1)`
    { literals: ['Build backend failed to build wheel'] },
    { literals: ['Call to '], pattern: 'Call to `?[\\w.:]{1,200}\\.build_wheel`? failed' },
    // pip ≥ 22: `× Building wheel for x (pyproject.toml) did not run successfully.`, `× Getting requirements to build wheel did not run successfully.`
    {
      literals: ['did not run successfully'],
      pattern: `(?:Building wheel for (?<package>${name}) |Getting requirements to build wheel |Preparing metadata )[^\\n]{0,200}did not run successfully`,
    },
  ],
  context: [
    ...flashAttnWheelContexts,
    // The package pip was working on: a line that names it, else the last `Collecting X` (a URL or path is not a name).
    {
      name: 'named',
      keep: 'last',
      literals: ['Building wheel for ', 'Failed building wheel for ', 'Could not build wheels for ', 'Failed to build ', 'Collecting ', 'Failed to download and build ', '╰─> '],
      pattern: `(?:Building wheel for |Failed building wheel for |Could not build wheels for |Failed to build ['\`]?(?!installable )|Failed to download and build \`|^\\s{0,200}Collecting |${listedAfterArrow})(?<name>${name})(?=[\\s'\`=<>!~\\[;(,@]|$)`,
    },
    // The compiler itself is missing: `error: command 'gcc' failed: No such file or directory`.
    {
      name: 'noCompiler',
      literals: ["error: command '"],
      pattern: "error: command '(?<compiler>[^'\\s]{1,100})' failed: No such file or directory",
    },
    { name: 'uvLocal', literals: ['Failed to build `'], pattern: 'Failed to build `(?<name>[\\w.-]{1,200}) @ file://(?<path>/[^`\\s]{1,300})`' },
    // uv's own wording (its `×` / `Caused by:` / `╰─▶` chain): the uv form of the advice even when the step's
    // installer is not known (a compose log, a pasted excerpt).
    {
      name: 'uvSaid',
      literals: ['Build backend failed to build wheel', 'Failed to download and build `', 'Failed to build `', 'Call to `'],
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message:
    'pip could not build a wheel for {context.named.name} (no prebuilt wheel fits this Python / platform, so pip compiled the ' +
    'source distribution, and the compile failed). The cause is in the subprocess output above the `[end of output]` line.',
  fix: withFlashAttnNote([
    'Read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes in CUDA images:',
    '',
    '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
    '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and `TORCH_CUDA_ARCH_LIST` set, with the ' +
      'installed torch visible to the build: `{enrich.noIsolationCmd}`;',
    '- a prebuilt wheel of {context.named.name} for this Python / CUDA / CPU architecture, where the project publishes one.',
    '',
    'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.',
  ].join('\n')),
  variants: withFlashAttnVariants(
    'read the compiler or setup.py error inside the `╰─> [N lines of output]` block; in a CUDA image build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and install with `--no-build-isolation`, so the build sees the installed torch.',
    [
    {
      // apt's package for a C toolchain is build-essential (Debian, Ubuntu; the python: images are Debian or Alpine),
      // Alpine's is build-base.
      when: 'noCompiler',
      message:
        'The wheel build of {context.named.name|a package} (compiled from source: no prebuilt wheel fits this Python / platform) ' +
        'needs the C compiler `{context.noCompiler.compiler}`, and the image has none: `error: command ' +
        '\'{context.noCompiler.compiler}\' failed: No such file or directory`.',
      fix: [
        'Install a compiler in the stage before the install step, or use a base image that ships one (`python:*-slim` and',
        '`python:*-alpine` do not). On a Debian or Ubuntu base:',
        '',
        '```sh',
        'apt-get update && apt-get install -y --no-install-recommends build-essential',
        '```',
        'On Alpine: `apk add --no-cache build-base`. When Python itself comes from apt, the package also needs its headers',
        '(`python3-dev`; the `python:` images ship theirs). A prebuilt wheel of it for this Python and platform, where the project',
        'publishes one, avoids the compile.',
      ].join('\n'),
    },
    {
      when: 'uvLocal',
      message:
        'uv could not build the local project {context.uvLocal.name} (`{context.uvLocal.path}`): its build backend failed. The ' +
        'cause is under uv\'s `×` line: the `Caused by:` / `├─▶` lines, then the backend\'s own output after `[stderr]`.',
      fix: [...uvCauses, 'Reproduce with the full build output in a shell of this stage: `uv pip install -v --no-cache {context.uvLocal.path}`.'].join('\n'),
    },
    {
      when: 'uvSaid&named',
      message: uvMessage.replace('{subject}', '{context.named.name}'),
      fix: [...uvCauses, 'Reproduce with the full build output in a shell of this stage: `uv pip install -v --no-cache {context.named.name}`.'].join('\n'),
    },
    {
      when: 'fact.installer=uv&named',
      message: uvMessage.replace('{subject}', '{context.named.name}'),
      fix: [...uvCauses, 'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.'].join('\n'),
    },
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
  ),
  enrich: ['pip-advice', 'flash-attn-wheel'],
  docs: 'https://pip.pypa.io/en/stable/reference/build-system/',
};
