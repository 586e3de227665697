// pip replacing a package the base image installed: NVIDIA's PyTorch images ship torch, numpy,
// the nvidia-* CUDA libraries, … built for the image's CUDA, with `+nv`-style local versions. A
// warning: the build passes, and the image may have lost its GPU build of torch. Limited to the
// GPU/ML stack and to NVIDIA-built versions: pip upgrading setuptools or an ordinary library is
// routine.
//
// The fix pins what the image ships with a constraints file made by `pip list --format=freeze`
// (`name==version` for every installed distribution, pip 23.2.1 `pip list --help`): unlike
// `pip freeze`, it does not print `name @ file://…` for packages installed from local wheels, which
// a constraints file cannot use. PIP_CONSTRAINT applies to every later pip install (pip ≥ 26.2 no
// longer applies it to isolated build environments, which does not matter here). Who asked for
// the other version is in pip's `Collecting torch==2.2.2 (from torchmetrics-old)` line (pip ≥ 23.1).
import type { RuleInput } from '../../schema.js';

const stack =
  'torch|torchvision|torchaudio|triton|pytorch-triton|numpy|scipy|jax|jaxlib|tensorflow|tensorrt|transformer-engine|transformer_engine|' +
  'flash-attn|flash_attn|apex|xformers|cupy-cuda\\w*|nvidia-[\\w-]+|opencv(?:-python)?|onnxruntime-gpu|datasets|transformers';

/**
 * The base image's packages as constraints, recorded before anything is installed: `pip list
 * --format=freeze` (not `pip freeze`, which prints `name @ file://…` for local wheels that a
 * constraints file cannot hold).
 */
const baseConstraintsBlock: readonly string[] = [
  '```dockerfile',
  'RUN pip list --format=freeze > /opt/base-constraints.txt',
  'ENV PIP_CONSTRAINT=/opt/base-constraints.txt',
  '```',
];

export const basePackageReplaced: RuleInput = {
  id: 'pip/base-package-replaced',
  title: 'pip replaced a package from the base image',
  severity: 'warning',
  match: [
    // `    Uninstalling torch-2.3.0a0+40ec155e58.nv24.5:` is followed by `      Successfully uninstalled torch-2.3.0a0+40ec155e58.nv24.5`
    {
      literals: ['Successfully uninstalled '],
      pattern: `Successfully uninstalled (?<package>(?:${stack}))-(?<version>\\d\\S{0,200})$`,
    },
    // any NVIDIA-built version (`2.3.0a0+40ec155e58.nv24.5`, `0.18.0a0+nv24.05`) whatever the package
    {
      literals: ['.nv2', '+nv'],
      pattern: 'Successfully uninstalled (?<package>[A-Za-z0-9][\\w.-]{0,200})-(?<version>\\d[\\w.]{0,100}\\+[\\w.]{1,100})$',
    },
  ],
  context: [
    { name: 'nvidiaBuild', literals: ['.nv2', '+nv'], pattern: 'Successfully uninstalled \\S{1,200}\\+' },
    // `Collecting torch==2.2.2 (from torchmetrics-old)`: the requirement that pulled another version of a stack package in
    {
      name: 'requestedBy',
      literals: ['Collecting '],
      pattern: `^\\s{0,200}Collecting (?<pkg>(?:${stack}))(?<spec>[=<>!~][^\\s]{0,200}) \\(from (?<by>[A-Za-z0-9][\\w.-]{0,200})`,
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip uninstalled {package:all} that the image had installed ({package}-{version}) and put another version in its place: ' +
    'what the image built or tested against {package} {version} now runs with the version pip picked.',
  fix: [
    'Record what the image ships before installing anything, and install with it as constraints: pip then fails loudly instead ' +
      'of replacing {package} {version}:',
    '',
    ...baseConstraintsBlock,
    '',
    'Then relax or drop the requirement that asked for another {package}: the `Collecting {package}… (from …)` line above the ' +
      'uninstall names it.',
  ].join('\n'),
  variants: [
    {
      // not an image build (a pasted session, `docker run`): the same constraints, as shell commands
      when: '!fact.place=image-build',
      fix: [
        'Record what the environment has before installing anything, and install with it as constraints: pip then fails loudly ' +
          'instead of replacing {package} {version}:',
        '',
        '```sh',
        'pip list --format=freeze > base-constraints.txt',
        'export PIP_CONSTRAINT="$PWD/base-constraints.txt"',
        '```',
        '',
        'Then relax or drop the requirement that asked for another {package}: the `Collecting {package}… (from …)` line above the ' +
          'uninstall names it.',
      ].join('\n'),
    },
    {
      when: 'nvidiaBuild&requestedBy',
      message:
        'pip uninstalled the image\'s NVIDIA build of {package:all} ({package}-{version}) and installed a PyPI build in its place, ' +
        'because {context.requestedBy.by} asked for {context.requestedBy.pkg}{context.requestedBy.spec}: the torch / CUDA stack is no ' +
        'longer the one NVIDIA built and tested for this image.',
      fix: [
        'Keep the image\'s builds: record them before installing anything and install with them as constraints, so pip fails ' +
          'loudly instead of replacing them:',
        '',
        ...baseConstraintsBlock,
        '',
        'Then find a release of {context.requestedBy.by} that accepts the image\'s {package} {version}: `{enrich.versionsCmd}` lists ' +
          'its releases, `{enrich.dryRunCmd}` shows what pip resolves with the constraints in place. If none does, this image is not ' +
          'the base for {context.requestedBy.by}: pick the NGC release whose {package} it accepts. {enrich.torchSwapNote}',
      ].join('\n'),
    },
    {
      when: 'nvidiaBuild',
      message:
        'pip uninstalled the image\'s NVIDIA build of {package:all} ({package}-{version}) and installed a PyPI build in its place: ' +
        'the image\'s torch / CUDA stack is no longer the one NVIDIA built and tested for this image.',
    },
    {
      when: 'requestedBy',
      message:
        'pip uninstalled {package:all} that the image had installed ({package}-{version}), because {context.requestedBy.by} asked ' +
        'for {context.requestedBy.pkg}{context.requestedBy.spec}: what the image built or tested against {package} {version} now runs ' +
        'with the version pip picked.',
      fix: [
        'Record what the image ships before installing anything, and install with it as constraints: pip then fails loudly instead ' +
          'of replacing {package} {version}:',
        '',
        ...baseConstraintsBlock,
        '',
        'Then find a release of {context.requestedBy.by} that accepts {package} {version}: `{enrich.versionsCmd}` lists its releases, ' +
          '`{enrich.dryRunCmd}` shows what pip resolves with the constraints in place.',
      ].join('\n'),
    },
  ],
  // requestedBy.by is the package whose release must change: its name feeds the commands
  enrich: 'pip-advice',
  docs: 'https://pip.pypa.io/en/stable/user_guide/#constraints-files',
};
