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
//
// Any replacement counts, not only a downgrade: pip's `Successfully installed … torch-X` line in the
// same step says what came in, and the torch-replacement enricher names a CPU-only build (`+cpu`)
// or a build for another CUDA (`+cu118` for `+cu121`) in place of the image's (seen for real in
// fixtures/rules/pip/base-package-replaced/match-engine-cuda-torch-replaced-by-cpu.log). The same
// build put back in its own place is no replacement: `pip install --force-reinstall` of the version
// installed prints the uninstall and then `Successfully installed` of that very `name-version`
// (fixtures/rules/pip/base-package-replaced/nomatch-pip-same-build-force-reinstall.log); that waste
// is pip/force-reinstall's.
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

/**
 * Where a `+cpu` torch comes from: PyTorch publishes its CPU-only builds on its `cpu` wheel index
 * (pytorch.org/get-started/locally, "Compute Platform: CPU": `--index-url https://download.pytorch.org/whl/cpu`).
 */
const CPU_SOURCE =
  'Find what asked for the CPU-only build and take it out of this install: a `+cpu` pin, or PyTorch\'s CPU wheel index ' +
  '(`--index-url` / `--extra-index-url https://download.pytorch.org/whl/cpu`, or the same in `PIP_INDEX_URL`, `PIP_EXTRA_INDEX_URL` ' +
  'or a requirements file).';

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
    // pip's summary line: `Successfully installed torch-2.13.0+cpu`, `Successfully installed … torch-2.1.0+cu118 triton-2.1.0`
    {
      name: 'installedTorch',
      literals: ['Successfully installed '],
      pattern: '\\btorch-(?<version>\\d[\\w.]{0,60}(?:\\+(?<local>[A-Za-z0-9.]{1,40}))?)(?=\\s|$)',
    },
    // the torch that came in is PyTorch's CPU-only build
    { name: 'cpuTorch', literals: ['Successfully installed '], pattern: '\\btorch-\\d[\\w.]{0,60}\\+cpu(?=\\s|$)' },
    { name: 'nvidiaBuild', literals: ['.nv2', '+nv'], pattern: 'Successfully uninstalled \\S{1,200}\\+' },
    // pip's summary line whatever it holds: the enricher looks in it for the uninstalled `name-version` itself
    { name: 'installed', literals: ['Successfully installed '], pattern: 'Successfully installed \\S' },
    // `Collecting torch==2.2.2 (from torchmetrics-old)`: the requirement that pulled another version of a stack package in
    {
      name: 'requestedBy',
      literals: ['Collecting '],
      pattern: `^\\s{0,200}Collecting (?<pkg>(?:${stack}))(?<spec>[=<>!~][^\\s]{0,200}) \\(from (?<by>[A-Za-z0-9][\\w.-]{0,200})`,
    },
  ],
  // not when pip put the very build it removed back (a same-version --force-reinstall)
  when: '!enrich.sameBuild',
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
      // PyTorch's CPU-only build in place of the image's torch: the image lost its GPU torch
      when: 'cpuTorch&fact.place=image-build',
      title: "pip replaced the image's torch with the CPU-only build",
      message:
        'pip uninstalled {package:all} that the image had installed ({package}-{version}) and put another build in its place. ' +
        '{enrich.replacementNote}',
      fix: [
        CPU_SOURCE,
        '',
        'Then keep the image\'s torch: record what the image ships before installing anything, and install with it as constraints, so ' +
          'that pip fails loudly instead of replacing {package} {version}:',
        '',
        ...baseConstraintsBlock,
      ].join('\n'),
    },
    {
      when: 'cpuTorch',
      title: "pip replaced torch with the CPU-only build",
      message:
        'pip uninstalled {package:all} that the environment had installed ({package}-{version}) and put another build in its place. ' +
        '{enrich.replacementNote}',
      fix: [
        CPU_SOURCE,
        '',
        'Then keep the torch you had: record what the environment has before installing anything, and install with it as constraints, ' +
          'so that pip fails loudly instead of replacing {package} {version}:',
        '',
        '```sh',
        'pip list --format=freeze > base-constraints.txt',
        'export PIP_CONSTRAINT="$PWD/base-constraints.txt"',
        '```',
      ].join('\n'),
    },
    {
      // not an image build (a pasted session, `docker run`): no image to speak of, the same constraints as shell commands
      when: '!fact.place=image-build',
      message:
        'pip uninstalled {package:all} that the environment had installed ({package}-{version}) and put another version in its ' +
        'place: what was built or tested against {package} {version} now runs with the version pip picked.',
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
        'longer the one NVIDIA built and tested for this image. {enrich.replacementNote}',
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
        'the image\'s torch / CUDA stack is no longer the one NVIDIA built and tested for this image. {enrich.replacementNote}',
    },
    {
      when: 'requestedBy',
      message:
        'pip uninstalled {package:all} that the image had installed ({package}-{version}), because {context.requestedBy.by} asked ' +
        'for {context.requestedBy.pkg}{context.requestedBy.spec}: what the image built or tested against {package} {version} now runs ' +
        'with the version pip picked. {enrich.replacementNote}',
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
  enrich: ['pip-advice', 'torch-replacement'],
  docs: 'https://pip.pypa.io/en/stable/user_guide/#constraints-files',
};
