// pip replacing a package the base image installed (NVIDIA's PyTorch images ship torch, numpy,
// … built for the image's CUDA, with `+nv`-style local versions). A warning: the build passes and
// the image may lose its GPU build of torch. Limited to the GPU/ML stack and to NVIDIA-built
// versions: pip upgrading setuptools or an ordinary library is routine.
import type { RuleInput } from '../../schema.js';

const stack =
  'torch|torchvision|torchaudio|triton|pytorch-triton|numpy|scipy|jax|jaxlib|tensorflow|tensorrt|transformer-engine|transformer_engine|' +
  'flash-attn|flash_attn|apex|xformers|cupy-cuda\\w*|nvidia-[\\w-]+|opencv(?:-python)?|onnxruntime-gpu|datasets|transformers';

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
  context: [{ name: 'nvidiaBuild', literals: ['.nv2', '+nv'], pattern: 'Successfully uninstalled \\S{1,200}\\+' }],
  scope: 'step',
  specificity: 3,
  message:
    'pip uninstalled {package:all} that the base image had installed ({package}-{version}) and put another version in its place. ' +
    'The replacement is a generic PyPI build: the image\'s CUDA-matched build is gone.',
  fix: [
    'Freeze the base image\'s packages into a constraints file before installing anything, and install with it (pip then fails ' +
      'loudly instead of replacing them):',
    '',
    '```dockerfile',
    "RUN pip freeze | grep -v -E '@ |^-e |^file:|^\\.' > /opt/base-image-constraints.txt",
    'ENV PIP_CONSTRAINT=/opt/base-image-constraints.txt',
    '```',
    '',
    '(or pass `--constraint /opt/base-image-constraints.txt` to each `pip install`). Then find which requirement asked for ' +
      'another {package}: `pip install --dry-run --report - …` and relax or drop it.',
  ].join('\n'),
  variants: [
    {
      when: 'nvidiaBuild',
      message:
        'pip uninstalled the base image\'s NVIDIA build of {package:all} ({package}-{version}) and installed a PyPI build in its place: ' +
        'the image\'s torch/CUDA stack is no longer the one NVIDIA built and tested for this image.',
    },
  ],
  docs: 'https://pip.pypa.io/en/stable/user_guide/#constraints-files',
};
