// torch.utils.cpp_extension (and flash-attn, apex, DeepSpeed ops built with it) needs the toolkit
// root. The benign sibling "No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'" (a GPU-less
// builder) is not matched.
// Advice fits the build: the `-devel` image of the same CUDA / cuDNN / OS as the stage (cuda-version's
// develImage: withFlavour of the base image, else a published tag, cuda-image-tags.ts); the rebuild
// command names the package pip was building (`Building wheel for X`, `Collecting X`, or the
// instruction's `pip install X`) in the installer's own form (`extension-build`, installer-forms.ts),
// with the package's build knobs where known (extension-knobs.ts). Outside an image build, shell advice.
import { toolkitOnPathBlock } from './toolkit-on-path.js';
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from '../pip/flash-attn-wheel.js';
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const ENV_LINE = 'ENV CUDA_HOME=/usr/local/cuda PATH=/usr/local/cuda/bin:${PATH}';

/** `Building wheel for flash-attn (setup.py)`, `Collecting flash-attn==2.6.3`, the instruction's install: each makes `{enrich.rebuild}`. */
const PACKAGE_CONTEXTS = ['building', 'collecting', 'pipInstall'];

function imageFix(imageKnown: boolean, packageKnown: boolean): string {
  const lines = imageKnown
    ? ['Build in the `-devel` image of the same CUDA release and name the toolkit:', '', '```dockerfile', 'FROM {enrich.develImage} AS builder', ENV_LINE, '```']
    : [
        'Build in a `-devel` CUDA image of the CUDA release torch was built for and name the toolkit. The log does not show that release: ' +
          '`python3 -c "import torch; print(torch.version.cuda)"` prints it; pick the `-devel` tag of that release for your OS at https://hub.docker.com/r/nvidia/cuda/tags, then:',
        '',
        '```dockerfile',
        ENV_LINE,
        '```',
      ];
  lines.push('');
  lines.push(
    packageKnown
      ? 'Build the package without an isolated build env, so its setup sees this torch and toolkit: `{enrich.rebuild}`. {enrich.knobs}'
      : 'Build the package without an isolated build env (`--no-build-isolation` on the same install command), so its setup sees this torch and toolkit; ' +
          'the package is the one pip names in `Building wheel for …` above the error.',
  );
  return lines.join('\n');
}

const SHELL_FIX = [
  'Point the build at an installed toolkit (one with `bin/nvcc`), in the shell that runs it:',
  '',
  ...toolkitOnPathBlock,
  '',
  'No toolkit there: install one of the CUDA release torch was built for (`python3 -c "import torch; print(torch.version.cuda)"`), or build in a `-devel` CUDA image. Then run the install again in that shell.',
].join('\n');

// `EnvironmentError:` is how Python 2 prints torch's `raise EnvironmentError(…)` (Python 3 prints the alias as OSError): an
// old torch. torch 0.4.0 set `CUDA_HOME = _find_cuda_home() if torch.cuda.is_available() else None`, so without a visible
// GPU (a docker build) it stayed unset whatever the environment said (pytorch/pytorch#8223; relaxed by PR #8244, June 2018).
const PY2_VARIANT: Variant = {
  when: 'py2',
  message:
    'A CUDA extension build (torch.utils.cpp_extension) found no CUDA toolkit. `EnvironmentError` is how Python 2 prints it, so this torch is old: ' +
    'torch 0.4.0 looked for CUDA_HOME only when it could see a GPU, so in a `docker build` (no GPU) it stayed unset even with the toolkit installed and CUDA_HOME exported.',
  fix: withFlashAttnNote([
    'Print the torch version in the failing stage: `python -c "import torch; print(torch.__version__)"`.',
    '',
    '- 0.4.0: it cannot build CUDA extensions without a visible GPU; build where one is visible (in a container started with `nvidia-docker run`, not in a Dockerfile `RUN`), or move to a later torch, which finds the toolkit without a GPU (pytorch/pytorch PR #8244).',
    '- later: the toolkit is really missing or not found; point CUDA_HOME at it (`export CUDA_HOME=/usr/local/cuda`, the directory with `bin/nvcc`), or build in a `-devel` CUDA image.',
  ].join('\n')),
};

// A stage FROM a `-runtime` image (nvidia/cuda's, or pytorch/pytorch's `…-cudnnN-runtime`) has the CUDA libraries and no
// toolkit: no nvcc, no /usr/local/cuda (NVIDIA's image flavours; the pytorch/pytorch tags come in `-runtime` and `-devel`).
// Its `-devel` twin is the fix, in a Dockerfile also when the log is a bare traceback (no builder framing): the base image
// came from the Dockerfile. Not for a container or a host shell, where `FROM` is no advice.
const RUNTIME_IMAGE: Variant = {
  when: 'fact.imageFlavour=runtime&enrich.develImage&!fact.place=docker-run&!fact.place=host-shell',
  title: 'CUDA extension built on a -runtime image (no CUDA toolkit)',
  message:
    'A CUDA extension build (torch.utils.cpp_extension) found no CUDA toolkit: the base image of this stage, `{enrich.baseImage}`, is a ' +
    '`-runtime` image, with the CUDA libraries to run programs but no toolkit to build them (no nvcc, no /usr/local/cuda).',
  fix: [
    'Build on the `-devel` image of the same release, which has the toolkit:',
    '',
    '```dockerfile',
    'FROM {enrich.develImage}',
    ENV_LINE,
    '```',
    '',
    'To ship a small image, build the extension in that stage (`AS builder`) and copy what it installs into a stage FROM the `-runtime` image.',
  ].join('\n'),
};

function variants(): Variant[] {
  const out: Variant[] = [PY2_VARIANT, RUNTIME_IMAGE, { when: '!fact.place=image-build', fix: SHELL_FIX }];
  for (const image of [true, false]) {
    for (const ctx of PACKAGE_CONTEXTS) out.push({ when: image ? `fact.imageFlavour&${ctx}` : ctx, fix: imageFix(image, true) });
    if (image) out.push({ when: 'fact.imageFlavour', fix: imageFix(true, false) });
  }
  return out;
}

export const cudaHomeNotSet: RuleInput = {
  id: 'cuda/cuda-home-not-set',
  title: 'CUDA_HOME not set (CUDA toolkit not found by torch)',
  severity: 'error',
  match: [
    // `OSError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.`
    { literals: ['CUDA_HOME environment variable is not set'] },
    // The traceback's own source line of that raise, in `_join_cuda_home` (torch 1.9: `raise EnvironmentError('CUDA_HOME …`,
    // later `raise OSError('CUDA_HOME …`): all a pasted traceback shows when it is cut before the message.
    { literals: ["EnvironmentError('CUDA_HO", "OSError('CUDA_HO"], pattern: "raise (?:EnvironmentError|OSError)\\('CUDA_HO" },
    // DeepSpeed: `MissingCUDAException: CUDA_HOME does not exist, unable to compile CUDA op(s)`
    { literals: ['CUDA_HOME does not exist'] },
  ],
  context: [
    ...flashAttnWheelContexts,
    { name: 'py2', literals: ['EnvironmentError: CUDA_HOME environment variable is not set'] },
    { name: 'building', literals: ['Building wheel for '], pattern: 'Building wheel for (?<package>[A-Za-z0-9][A-Za-z0-9._-]{0,100}) \\(', keep: 'last' },
    { name: 'collecting', literals: ['Collecting '], pattern: '^\\s{0,20}Collecting (?<package>[A-Za-z0-9][A-Za-z0-9._-]{0,100}(?:==[\\w.+]{1,40})?)', keep: 'last' },
    { name: 'pipInstall', source: 'instruction', literals: ['pip install', 'pip3 install'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'A CUDA extension build (torch.utils.cpp_extension) found no CUDA toolkit: CUDA_HOME is unset and no nvcc is on PATH. ' +
    'Either this stage is not a `-devel` image, or the toolkit is somewhere torch does not look. {enrich.stageNote}',
  fix: imageFix(false, false),
  variants: withFlashAttnVariants(
    'build in a `-devel` CUDA image of the release torch was built for, with `ENV CUDA_HOME=/usr/local/cuda PATH=/usr/local/cuda/bin:${PATH}`, and install it with `--no-build-isolation`.',
    variants(),
  ),
  enrich: ['cuda-version', 'extension-build', 'flash-attn-wheel'],
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
