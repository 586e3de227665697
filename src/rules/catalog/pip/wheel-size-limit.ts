// vLLM's wheel size guard: after the wheel is built, its Dockerfile runs `check-wheel-size.py dist`, which fails the step
// when a wheel is over the limit (vllm-project/vllm#9307: `Not allowed: Wheel dist/vllm-0.6.3.dev173+….whl is larger
// (291.37 MB) than the limit (250 MB).`, a `docker build .` of the repository). Nothing went wrong in the build: the guard
// is there to keep wheels small enough to upload to PyPI (the Dockerfile's own comment: "check the size of the wheel, we
// cannot upload wheels larger than 100MB"), and a local image does not need it.
//
// Facts, and where they were checked:
// - `.buildkite/check-wheel-size.py` (vllm-project/vllm): the limit is the environment variable VLLM_MAX_SIZE_MB (its own
//   default when unset); over it, it prints `Not allowed: Wheel {path} is larger ({size:.2f} MB) than the limit ({limit} MB).`,
//   then the ten largest files of the wheel (`{name}: {size:.2f} MBs uncompressed.`), and exits 1.
// - `docker/Dockerfile` (vllm-project/vllm, the build stage): `ARG VLLM_MAX_SIZE_MB=…` / `ENV VLLM_MAX_SIZE_MB=$VLLM_MAX_SIZE_MB`
//   and `ARG RUN_WHEEL_CHECK=true`, then `RUN if [ "$RUN_WHEEL_CHECK" = "true" ]; then python3 check-wheel-size.py dist; else
//   echo "Skipping wheel size check."; fi`: both are build args (`--build-arg RUN_WHEEL_CHECK=false` is what vLLM users pass,
//   vllm-project/vllm#18309). Older Dockerfiles ran `RUN python3 check-wheel-size.py dist` with neither arg: there the
//   instruction names no `Skipping wheel size check`, and the fix says to check which args the Dockerfile declares.
// - What makes the wheel large: its CUDA kernels, one copy per GPU architecture built (the top files the script lists,
//   `_C.abi3.so`, `vllm_flash_attn_c.abi3.so`). The same Dockerfile sets `ARG torch_cuda_arch_list='7.0 7.5 8.0 …'` →
//   `ENV TORCH_CUDA_ARCH_LIST`, so `--build-arg torch_cuda_arch_list=` with only the GPUs the image runs on builds a smaller one.
// Must not match: a wheel the script accepts (`is within the allowed size`), or another tool's size limit (a registry
// refusing a push is buildkit/push-too-large).
import type { RuleInput } from '../../schema.js';

const argsFix = [
  'The limit guards uploads to PyPI; an image you build yourself does not need it. Skip the check, or raise the limit above',
  'the wheel\'s size, with the build args vLLM\'s Dockerfile declares for it:',
  '',
  '```sh',
  'docker build --build-arg RUN_WHEEL_CHECK=false …',
  '# or',
  'docker build --build-arg VLLM_MAX_SIZE_MB={enrich.aboveSize} …',
  '```',
  '',
  'Or build a smaller wheel: kernels for fewer GPU architectures, only those the image will run on (`nvidia-smi',
  '--query-gpu=compute_cap --format=csv` prints a GPU\'s), e.g. `--build-arg torch_cuda_arch_list=\'9.0\'` (the Dockerfile',
  'passes it on as `TORCH_CUDA_ARCH_LIST`).',
];

export const wheelSizeLimit: RuleInput = {
  id: 'pip/wheel-size-limit',
  title: "The built wheel is over the project's size limit (check-wheel-size.py)",
  severity: 'error',
  match: [
    // `Not allowed: Wheel dist/vllm-0.6.3.dev173+g36ea7907.d20241012.cu124-cp38-abi3-linux_x86_64.whl is larger (291.37 MB) than the limit (250 MB).`
    {
      literals: ['Not allowed: Wheel '],
      pattern: 'Not allowed: Wheel (?<wheel>\\S{1,300}\\.whl) is larger \\((?<size>\\d{1,6}(?:\\.\\d{1,3})?) MB\\) than the limit \\((?<limit>\\d{1,6}) MB\\)',
    },
  ],
  context: [
    // the instruction is vLLM's `if [ "$RUN_WHEEL_CHECK" = "true" ]; … else echo "Skipping wheel size check."; fi`
    { name: 'wheelCheckArg', source: 'instruction', literals: ['Skipping wheel size check'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The wheel built ({wheel}, {size} MB) is over the limit of {limit} MB that the project\'s `check-wheel-size.py` enforces, so the ' +
    'check failed the step. The build itself worked; the lines after this one list the largest files in the wheel (its compiled ' +
    'CUDA kernels, one copy per GPU architecture built).',
  fix: [
    ...argsFix,
    '',
    'Older vLLM Dockerfiles run the check without these args: `grep -nE \'RUN_WHEEL_CHECK|VLLM_MAX_SIZE_MB|check-wheel-size\' Dockerfile`',
    'shows what yours declares; without them, set `ENV VLLM_MAX_SIZE_MB=…` before the check (the script reads it) or drop that `RUN`.',
  ].join('\n'),
  variants: [
    {
      when: 'wheelCheckArg',
      fix: argsFix.join('\n'),
    },
  ],
  enrich: 'wheel-size',
  docs: 'https://github.com/vllm-project/vllm/blob/main/docker/Dockerfile',
};
