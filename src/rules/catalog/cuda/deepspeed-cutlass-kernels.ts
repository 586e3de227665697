// DeepSpeed built with its ops compiled ahead (`DS_BUILD_OPS=1 pip install deepspeed`, `python setup.py bdist_wheel`)
// stops in setup.py at the op builders that link NVIDIA's CUTLASS kernels from the `deepspeed-kernels` package:
// InferenceCutlassBuilder (op_builder/inference_cutlass_builder.py, BUILD_VAR `DS_BUILD_CUTLASS_OPS`) and
// RaggedOpsBuilder (op_builder/ragged_ops.py, `DS_BUILD_RAGGED_DEVICE_OPS`) both run `import dskernels` in
// extra_ldflags(), which setup.py calls while it declares the extensions (`builder.builder()`), so a missing package is a
// traceback through that frame ending in `ModuleNotFoundError: No module named 'dskernels'`. Both builders came with
// DeepSpeed-FastGen (microsoft/DeepSpeed 38b41dffa, 2023-11-03; first tag v0.12.0, `git tag --contains`); axolotl's
// fix for its image (axolotl-ai-cloud/axolotl#827, "add deepspeed-kernels dependency for deepspeed>=0.12.0") installs
// `deepspeed-kernels` before the build. DeepSpeed's own dev requirements list it for Linux only
// (requirements/requirements-dev.txt: `deepspeed-kernels ; sys_platform == 'linux'` since v0.12.4, microsoft/DeepSpeed#4739;
// v0.12.0 to v0.12.3 listed it for every platform).
// The way out without it: setup.py builds an op when its own variable is set, else when DS_BUILD_OPS is
// (`op_enabled`: `int(get_env_if_set(env_var, BUILD_OP_DEFAULT))`, setup.py of v0.12.0), so `DS_BUILD_CUTLASS_OPS=0
// DS_BUILD_RAGGED_DEVICE_OPS=0` next to `DS_BUILD_OPS=1` leaves those two to be JIT-built at run time ("DeepSpeed's
// advanced install": DS_BUILD_OPS toggles all ops, one variable per op).
// Not matched: `[WARNING] Please specify the CUTLASS repo directory as environment variable $CUTLASS_PATH`, which the
// evoformer_attn builder prints in every build and in `ds_report` (DeepSpeed-MII#506) and which fails nothing.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const MESSAGE =
  'DeepSpeed was built with its ops compiled ahead (`DS_BUILD_OPS=1`), and its setup.py stopped at the CUTLASS inference ops: ' +
  'their builders (`cutlass_ops`, `ragged_device_ops`, DeepSpeed 0.12 and later) link the kernels of the `deepspeed-kernels` ' +
  'package and import it (`import dskernels`) while declaring the extension. That package is not installed where setup.py ran.';

const SKIP =
  'Or build without those two ops (they are then JIT-compiled if used at run time, and need `deepspeed-kernels` there): ' +
  'add `DS_BUILD_CUTLASS_OPS=0 DS_BUILD_RAGGED_DEVICE_OPS=0` to the command that sets `DS_BUILD_OPS=1`.';

const LINUX_ONLY = '`deepspeed-kernels` is installed on Linux only (DeepSpeed\'s own requirements mark it `sys_platform == \'linux\'` from 0.12.4 on).';

function variants(): Variant[] {
  return [
    {
      when: 'fact.place=image-build&fact.installer=uv',
      fix: [
        'Install `deepspeed-kernels` in a step before the one that builds DeepSpeed:',
        '',
        '```dockerfile',
        'RUN uv pip install deepspeed-kernels',
        '```',
        '',
        SKIP,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Install `deepspeed-kernels` in a step before the one that builds DeepSpeed, with the pip of the Python that builds it:',
        '',
        '```dockerfile',
        'RUN python3 -m pip install deepspeed-kernels',
        '```',
        '',
        SKIP,
      ].join('\n'),
    },
    {
      when: 'fact.installer=uv',
      fix: [
        'Install `deepspeed-kernels` into the environment that builds DeepSpeed, then build again:',
        '',
        '```sh',
        'uv pip install deepspeed-kernels',
        '```',
        '',
        `${SKIP} ${LINUX_ONLY}`,
      ].join('\n'),
    },
  ];
}

export const deepspeedCutlassKernels: RuleInput = {
  id: 'cuda/deepspeed-cutlass-kernels',
  title: 'DeepSpeed\'s CUTLASS ops need the deepspeed-kernels package (DS_BUILD_OPS=1)',
  severity: 'error',
  match: [
    // the builder's frame in setup.py's traceback, `File "/workspace/DeepSpeed/op_builder/inference_cutlass_builder.py", line 71, in extra_ldflags`
    // (a log cut inside it shows no more than the frame); printed only when something in that builder raised, and above
    // `ModuleNotFoundError: No module named 'dskernels'` in a whole traceback
    {
      literals: ['inference_cutlass_builder.py"', 'ragged_ops.py"'],
      pattern: 'File "[^"]{0,300}op_builder[/\\\\](?:inference_cutlass_builder|ragged_ops)\\.py", line \\d{1,6}, in ',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Install `deepspeed-kernels` into the environment that builds DeepSpeed, then build again:',
    '',
    '```sh',
    'python3 -m pip install deepspeed-kernels',
    '```',
    '',
    `${SKIP} ${LINUX_ONLY}`,
  ].join('\n'),
  variants: variants(),
  docs: 'https://www.deepspeed.ai/tutorials/advanced-install/',
};
