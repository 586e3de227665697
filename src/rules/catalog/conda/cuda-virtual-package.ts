// pixi (rattler) and the `__cuda` virtual package, the CUDA version the NVIDIA driver supports (pixi's docs, "System
// Requirements", pixi.prefix.dev …/workspace/system_requirements: `[system-requirements] cuda = "12"` tells the solver
// which CUDA the machines of the workspace have; a feature can carry its own, `[feature.cuda.system-requirements]`;
// `CONDA_OVERRIDE_CUDA` overrides the detected value). Two ways it fails, two different fixes:
// - installing where no driver is found (a CI runner, a `docker build`: no GPU there) a workspace that declares CUDA:
//   `Virtual package '__cuda' does not match any of the available virtual packages on your machine: [__archspec=…, …]`
//   then pixi's own `help: You can mock the virtual package by overriding the environment variable, e.g.:
//   '`CONDA_OVERRIDE_CUDA=12.0`'` (fieldsoftheworld/ftw-baselines#117: `[tool.pixi.system-requirements] cuda = "12"` in
//   pyproject.toml and `pixi install --locked` on a GPU-less runner; the thread set `CONDA_OVERRIDE_CUDA=12.0`);
// - solving a CUDA build in a workspace that declares no CUDA: `└─ jaxlib … would require __cuda *, for which no
//   candidates were found.` (prefix-dev/pixi#3949, `pixi add jaxlib=*=*cuda*`); the declaration fixes it: pixi's docs
//   above, and `pixi workspace system-requirements add cuda 12` (conda-forge/jaxlib-feedstock#334; older pixi names the
//   table only). conda / mamba say the same in their own words (`nothing provides __cuda`): conda/unsatisfiable.
import type { RuleInput } from '../../schema.js';

export const condaCudaVirtualPackage: RuleInput = {
  id: 'conda/cuda-virtual-package',
  title: 'pixi: the workspace and the machine disagree about CUDA (the __cuda virtual package)',
  severity: 'error',
  match: [
    // `Virtual package '__cuda' does not match any of the available virtual packages on your machine: [__archspec=1=zen2, …]`
    { literals: ["Virtual package '__cuda' does not match"], pattern: "Virtual package '__cuda' does not match any of the available virtual packages" },
    // `└─ jaxlib xxxxxx would require __cuda *, for which no candidates were found.`
    {
      literals: ['would require __cuda'],
      pattern: '(?<by>[\\w.-]{1,80})(?: [^\\s,]{1,80})? would require __cuda(?: [^,\\n]{1,40})?, for which no candidates were found',
    },
  ],
  context: [
    { name: 'noDriver', literals: ["Virtual package '__cuda' does not match"] },
    { name: 'override', literals: ['CONDA_OVERRIDE_CUDA='], pattern: 'CONDA_OVERRIDE_CUDA=(?<value>\\d{1,2}(?:\\.\\d{1,2})?)' },
    { name: 'pyproject', literals: ['pyproject.toml'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A package of this solve is a CUDA build (`{by}`) and requires the `__cuda` virtual package, but the workspace declares no CUDA ' +
    'system requirement, so pixi\'s solver assumes no CUDA and finds no candidate.',
  fix: [
    'Declare the CUDA major version the machines that run this workspace have (`nvidia-smi` shows the CUDA version the driver supports):',
    '',
    '```sh',
    'pixi workspace system-requirements add cuda 12',
    '```',
    '',
    'or, in the manifest (pixi.toml; `[tool.pixi.system-requirements]` in pyproject.toml):',
    '',
    '```toml',
    '[system-requirements]',
    'cuda = "12"',
    '```',
    '',
    'To keep a CPU environment too, put it in a feature (`[feature.cuda.system-requirements]`) used only by the CUDA environment.',
  ].join('\n'),
  variants: [
    {
      when: 'noDriver&override',
      message:
        'The workspace declares a CUDA system requirement, and pixi found no `__cuda` virtual package on this machine (it lists the ' +
        'ones it found): no NVIDIA driver is visible here, as on a CI runner or in a `docker build`, which has no GPU.',
      fix: [
        'On a machine that will run the environment on a GPU, `nvidia-smi` must work first (install or repair the driver).',
        'Installing where there is no GPU (CI, an image build) for machines that have one: tell pixi which CUDA to assume, as its own help line says:',
        '',
        '```sh',
        'CONDA_OVERRIDE_CUDA={context.override.value} pixi install --locked',
        '```',
        '',
        '(a Dockerfile: `ENV CONDA_OVERRIDE_CUDA={context.override.value}` before the `RUN pixi install`; a CI step: `env: CONDA_OVERRIDE_CUDA: "{context.override.value}"`). ' +
          'Use the CUDA version the target machines\' driver supports. Or move the CUDA requirement into a feature ' +
          '(`[feature.cuda.system-requirements]`) and install a CPU environment on machines without a GPU.',
      ].join('\n'),
    },
    {
      when: 'noDriver',
      message:
        'The workspace declares a CUDA system requirement, and pixi found no `__cuda` virtual package on this machine: no NVIDIA ' +
        'driver is visible here, as on a CI runner or in a `docker build`, which has no GPU.',
      fix: [
        'On a machine that will run the environment on a GPU, `nvidia-smi` must work first. Installing where there is no GPU for',
        'machines that have one: set `CONDA_OVERRIDE_CUDA` to the CUDA version their driver supports for the install',
        '(`CONDA_OVERRIDE_CUDA=12.0 pixi install --locked`), or move the CUDA requirement into a feature and install a CPU environment here.',
      ].join('\n'),
    },
  ],
  docs: 'https://pixi.prefix.dev/v0.53.0/workspace/system_requirements',
};
