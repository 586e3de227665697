// xformers' bundled FlashAttention-3 kernels (its copy of Dao-AILab/flash-attention's `hopper/` folder, built into
// `xformers._C_flashattention3`) launched on a GPU they have no code for. The launch fails with `CUDA error
// (…/xformers/third_party/flash-attention/hopper/flash_fwd_launch_template.h:188): invalid argument` (YanWenKun/ComfyUI-Docker#130
// and #128, facebookresearch/xformers#1323 "xformers 0.0.32 failed: invalid argument" on sm_120, Dao-AILab/flash-attention#1763
// and #1987 on an RTX 5090 / RTX PRO 6000) or, for the same line, `no kernel image is available for execution on the device`
// (facebookresearch/xformers#1224, #1329). The facts:
// - xformers' setup.py builds FA3 for Sm80 and Sm90 only (v0.0.32: `if num not in [80, 90]:  # only support Sm80/Sm90`; the
//   main branch: `if num != 90:  # only support Sm90`, get_flash_attention3_nvcc_archs_flags), and builds no FA3 when
//   `XFORMERS_DISABLE_FLASH_ATTN` is set to anything but 0.
// - xformers' dispatcher does not keep FA3 to those GPUs: flash3.py's FwOp has `CUDA_MINIMUM_COMPUTE_CAPABILITY = (8, 0)` and no
//   maximum (v0.0.32; facebookresearch/xformers#1338), so a Blackwell GPU (compute capability 10.x / 12.x) is sent to it.
// - xformers' CHANGELOG, 0.0.35 (2026-02-20, wheels for PyTorch 2.10.0 and later): "Stopped bundling pre-built versions of
//   Flash-Attention 3, and instead started relying on the wheels provided by the PyTorch indices". It does not say Blackwell
//   works, so the fix names it as the release without the bundled copy, not as a fix.
// - The hopper interface has no Blackwell guard: Dao-AILab/flash-attention#2593 ("Guard Hopper FA3 path against SM120
//   devices") describes SM120 falling "through to a Hopper-only kernel path" and failing "late at kernel launch".
// - Confirmed fixes: run without xformers' attention. ComfyUI-Docker's maintainer (YanWenKun/ComfyUI-Docker#130 and #128):
//   "xFormers seems not working on Blackwell GPUs, you can run without xFormers: … -e CLI_ARGS="--use-pytorch-cross-attention
//   --fast"" (the yanwk/comfyui-boot images pass `CLI_ARGS` to ComfyUI). ComfyUI's flags (comfy/cli_args.py):
//   `--use-pytorch-cross-attention` ("Use the new pytorch 2.0 cross attention function"; comfy/model_management.py then sets
//   `XFORMERS_IS_AVAILABLE = False`) and `--disable-xformers`. facebookresearch/xformers#1329: "building without flash
//   attention fixes the issue". Haoming02/sd-webui-forge-classic#975: "Disable or uninstall xformers".
// - No xformers release is named as fixed in those threads, so the fix names none. A runtime `XFORMERS_DISABLE_FLASH_ATTENTION=1`
//   did not help (Akegarasu/lora-scripts#701): the variable xformers reads is a build-time one.
// Other libraries' `CUDA error (…): invalid argument` lines (a kernel of flash-attention's own csrc/, FA3 from another
// package such as karpathy/nanochat#820's `/build/source/flash-attn/…`) are not this finding: its fix is xformers'.
import type { RuleInput } from '../../schema.js';

/** The launch of one of xformers' FlashAttention-3 (hopper) kernels failing: the path names xformers and the hopper folder. */
export const XFORMERS_FA3_LAUNCH = {
  literals: ['flash-attention/hopper', 'flash-attention\\hopper'],
  pattern:
    'CUDA error \\((?<path>[^()\\s]{0,200}xformers[^()\\s]{0,200}flash-attention[\\\\/]hopper[\\\\/][\\w.]{1,80}:\\d{1,5})\\): ' +
    '(?<error>invalid argument|no kernel image is available for execution on the device)',
};

const CHECK = [
  'On the machine with the GPU (in the container, for an image), see which GPU it is and whether this xformers has FA3:',
  '',
  '```sh',
  'nvidia-smi --query-gpu=name,compute_cap --format=csv   # 10.x or 12.x: Blackwell (RTX 50, RTX PRO 6000, B200)',
  'python -m xformers.info | grep -E "^xFormers|fa3"       # fa3F@…: available = the bundled FA3 kernels are there',
  '```',
].join('\n');

const OTHER_WAYS = [
  '- Any other program: uninstall xformers where it runs (`pip uninstall -y xformers`), if the program can run without it ' +
    '(most fall back to PyTorch\'s `scaled_dot_product_attention`), or turn off its xformers option.',
  '- To keep xformers: build it from source with `XFORMERS_DISABLE_FLASH_ATTN=1` set for the build (its setup.py then builds neither ' +
    'FlashAttention 2 nor 3; facebookresearch/xformers#1329 confirms that such a build runs on RTX 50). Setting a variable at run ' +
    'time does not remove the kernels from a wheel.',
  '',
  'No xformers release says it fixes this (facebookresearch/xformers#1323 is open). xformers 0.0.35 (for PyTorch 2.10 and later) ' +
    'stopped bundling its own FA3 build (its CHANGELOG); its changelog does not say the GPU works, so test before you rely on it.',
].join('\n');

export const xformersFlash3UnsupportedGpu: RuleInput = {
  id: 'runtime/xformers-flash3-unsupported-gpu',
  title: 'xformers ran its bundled FlashAttention-3 kernel on a GPU it was not built for',
  severity: 'error',
  match: [
    // `CUDA error (/__w/xformers/xformers/third_party/flash-attention/hopper/flash_fwd_launch_template.h:188): invalid argument`
    // `CUDA error (C:/a/xformers/xformers/third_party/flash-attention/hopper\flash_fwd_launch_template.h:188): invalid argument`
    XFORMERS_FA3_LAUNCH,
  ],
  context: [
    // ComfyUI under docker compose, named only by the service prefix (`comfyui-cu129  | …`)
    { name: 'comfyService', source: 'service', literals: ['comfy'], ignoreCase: true },
    // ComfyUI named in its own lines (`ComfyUI version: 0.3.51`, `…/ComfyUI/main.py`, its `Using xformers attention`)
    { name: 'comfyLine', literals: ['ComfyUI', 'comfyui'] },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'comfyService',
      fix: [
        CHECK,
        '',
        'Start ComfyUI without xformers\' attention: add `--use-pytorch-cross-attention` (PyTorch\'s attention; ComfyUI then leaves ' +
          'xformers unused) or `--disable-xformers` to its command line. This is a change to how the container runs, not to the image. ' +
          'In the compose file, the service\'s environment (the yanwk/comfyui-boot images read ComfyUI\'s extra arguments from `CLI_ARGS`; ' +
          'another image: append the flag to the service\'s `command:`):',
        '',
        '```yaml',
        '    environment:',
        '      - CLI_ARGS=--use-pytorch-cross-attention',
        '```',
        '',
        'then `docker compose up -d --force-recreate` (with `docker run`: `-e CLI_ARGS="--use-pytorch-cross-attention"`).',
        '',
        OTHER_WAYS,
      ].join('\n'),
    },
    {
      when: 'comfyLine',
      fix: [
        CHECK,
        '',
        'Start ComfyUI without xformers\' attention: add `--use-pytorch-cross-attention` (PyTorch\'s attention; ComfyUI then leaves ' +
          'xformers unused) or `--disable-xformers` to the command that starts it (`python main.py --use-pytorch-cross-attention`; ' +
          'the yanwk/comfyui-boot images: `docker run … -e CLI_ARGS="--use-pytorch-cross-attention"`). No rebuild is needed.',
        '',
        OTHER_WAYS,
      ].join('\n'),
    },
  ],
  message:
    'xformers dispatched attention to its bundled FlashAttention-3 kernels ({path}), and the GPU could not run them: `{error}`. ' +
    'xformers builds those kernels for sm_80 and sm_90 (A100, Hopper) only, but sends any GPU of compute capability 8.0 or higher ' +
    'to them, Blackwell GPUs (RTX 50, RTX PRO 6000, B200; capability 10.x / 12.x) included, where the kernel launch fails. The image ' +
    'build and the CUDA setup are not the cause: the fix is to run without xformers\' attention on this GPU.',
  fix: [
    CHECK,
    '',
    '- ComfyUI: start it with `--use-pytorch-cross-attention` (or `--disable-xformers`): `python main.py --use-pytorch-cross-attention`; ' +
      'the yanwk/comfyui-boot images take it at run time, `docker run … -e CLI_ARGS="--use-pytorch-cross-attention"`.',
    OTHER_WAYS,
  ].join('\n'),
  docs: 'https://github.com/facebookresearch/xformers/issues/1323',
};
