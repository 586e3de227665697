// A container started with GPUs on Windows (Docker in WSL, Docker Desktop's WSL backend) and stopped by the NVIDIA Container
// Toolkit's hook: `nvidia-container-cli: initialization error: WSL environment detected but no adapters were found: unknown`.
// libnvidia-container, src/nvc.c (nvc_init): it first loads WSL's `libdxcore.so` ("attempting to load dxcore to see if we are
// running under Windows Subsystem for Linux (WSL)"); when that loads and its D3DKMTEnumAdapters2 / D3DKMTQueryAdapterInfo are
// there (WSL detected) but the context holds no adapter (`ctx->dxcore.adapterCount == 0`), it fails with exactly
// "WSL environment detected but no adapters were found". src/dxcore.c (dxcore_add_adapter) keeps an adapter only when its
// Windows driver is WDDM 2.8 or later ("Found a WDDM adapter running a driver with pre-WDDM 2.8 . Skipping it."), its driver
// store path can be read, and NVIDIA's libraries (libcuda.so.1.1, libnvidia-ml.so.1, nvidia-smi, …) are in that store. So an
// Intel or AMD adapter never counts, nor does an NVIDIA GPU whose Windows driver is missing or too old: the message says WSL
// gives this machine no NVIDIA GPU. What the threads found: the distribution ran under WSL 1 (AbdBarho/stable-diffusion-webui-
// docker#117, the maintainer: "WSL2 has GPU support, WSL1 doesn't"), and a laptop with no NVIDIA GPU at all under WSL 2
// (IDEA-Research/Grounded-Segment-Anything#506). NVIDIA's CUDA on WSL User Guide (docs.nvidia.com/cuda/wsl-user-guide): "CUDA
// support in this user guide is specifically for WSL 2", and the GPU comes from the Windows driver (no Linux driver inside WSL;
// WSL_WINDOWS_DRIVER). Microsoft's WSL commands (learn.microsoft.com/windows/wsl/basic-commands): `wsl --list --verbose`
// (`wsl -l -v`) shows each distribution's VERSION, `wsl --set-version <distribution name> <versionNumber>` converts one,
// `wsl --update`, `wsl --shutdown`. Docker Desktop's WSL 2 backend: Settings > General > "Use the WSL 2 based engine"
// (docs.docker.com/desktop/features/wsl).
// The log rarely says which of the causes it is: WSL 1 or WSL 2 is named only when the reporter wrote it, and then the advice
// starts from it; otherwise the checks tell. A reporter's typo of the tool's name (`nividia-container-cli`) keeps the message
// whole, so the match is on the library's own words.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { CPU_MODE, WSL_WINDOWS_DRIVER } from './no-nvidia-gpu.js';
import { COMPOSE_UP_CONTEXT, RUN_COMMAND_CONTEXT } from './run-command.js';

const GUIDE = 'https://docs.nvidia.com/cuda/wsl-user-guide/';
const WSL_COMMANDS = 'https://learn.microsoft.com/windows/wsl/basic-commands';

const CAUSES =
  'It loaded WSL\'s GPU library (libdxcore) but found no GPU adapter with an NVIDIA driver: it counts only adapters whose Windows driver ' +
  'is WDDM 2.8 or later and carries NVIDIA\'s libraries (libcuda, libnvidia-ml), so Intel or AMD graphics never count.';

function noGpuStep(compose: boolean): string {
  return compose
    ? '- No NVIDIA GPU in this machine: nothing to install will give one. Remove the GPU reservation from the service in the compose file ' +
        `(the \`deploy.resources.reservations.devices\` entry with \`capabilities: [gpu]\`) and use ${CPU_MODE}, or the project's CPU compose ` +
        'file if it has one; or run it on a machine with an NVIDIA GPU.'
    : `- No NVIDIA GPU in this machine: nothing to install will give one. Start the container without \`--gpus all\` and use ${CPU_MODE}; ` +
        'or run it on a machine with an NVIDIA GPU.';
}

const DRIVER_STEP = `- An NVIDIA GPU that \`nvidia-smi\` on Windows does not list, or lists with an old driver: ${WSL_WINDOWS_DRIVER}. Then \`wsl --shutdown\` and start Docker again.`;
const WSL1_STEP =
  '- VERSION 1: WSL 1 has no GPU. Convert the distribution: `wsl --set-version`, its name as `wsl -l -v` lists it, and `2` (for one ' +
  'named Ubuntu: `wsl --set-version Ubuntu 2`), then `wsl --update` and `wsl --shutdown`; with Docker Desktop, tick Settings > General > "Use the WSL 2 based engine".';
const CHECK = 'Then `docker run --rm --gpus all ubuntu nvidia-smi` must list the GPU. NVIDIA\'s guide: ' + GUIDE + '; the WSL commands: ' + WSL_COMMANDS + '.';

function fix(known: 'wsl1' | 'wsl2' | 'unknown', compose: boolean): string {
  const lines: string[] = [];
  if (known === 'wsl1') {
    lines.push(
      'The log says the distribution runs under WSL 1, which has no GPU (CUDA on WSL is WSL 2 only). Check it and the GPU, in PowerShell on Windows:',
      '',
      '```powershell',
      'wsl -l -v        # the VERSION column of the distribution: 2 is needed',
      'nvidia-smi       # the NVIDIA GPU and the Windows driver; an error or no GPU: see below',
      '```',
      '',
      WSL1_STEP,
      noGpuStep(compose),
      DRIVER_STEP,
    );
  } else {
    lines.push(
      known === 'wsl2'
        ? 'The log says this is WSL 2, so WSL itself can pass a GPU: what is missing is an NVIDIA GPU with a Windows driver WSL can use. Find out which, in PowerShell on Windows:'
        : 'Find out which, in PowerShell on Windows:',
      '',
      '```powershell',
      ...(known === 'wsl2' ? [] : ['wsl -l -v        # the VERSION column of the distribution: 2 is needed, 1 has no GPU']),
      'nvidia-smi       # must list the NVIDIA GPU and the Windows driver; "not recognized" or no GPU: no NVIDIA driver or no NVIDIA GPU',
      '```',
      '',
      'and inside the WSL distribution, `nvidia-smi` (the Windows driver\'s copy, in /usr/lib/wsl/lib) must list the same GPU.',
      '',
      ...(known === 'wsl2' ? [] : [WSL1_STEP]),
      noGpuStep(compose),
      DRIVER_STEP,
    );
  }
  lines.push('', CHECK);
  return lines.join('\n');
}

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const known of ['wsl1', 'wsl2'] as const) {
    const title = known === 'wsl1' ? 'GPU container under WSL 1, which has no GPU' : 'GPU container under WSL 2, and WSL shows no NVIDIA GPU';
    const message =
      known === 'wsl1'
        ? 'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs as the container starts with GPUs) found no NVIDIA GPU under WSL. ' +
          CAUSES +
          ' The log says the distribution runs under WSL 1, which has no GPU paravirtualization: CUDA on WSL is WSL 2 only. The image is not the cause.'
        : 'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs as the container starts with GPUs) found no NVIDIA GPU under WSL. ' +
          CAUSES +
          ' The log says this is WSL 2, so either the machine has no NVIDIA GPU, or its Windows NVIDIA driver is missing or too old for WSL. The image is not the cause.';
    // Both versions named (a reporter moving from one to the other): the checks decide, as when neither is.
    const only = known === 'wsl1' ? 'wsl1&!wsl2' : 'wsl2&!wsl1';
    out.push({ when: `${only}&compose`, title, message, fix: fix(known, true) });
    out.push({ when: only, title, message, fix: fix(known, false) });
  }
  out.push({ when: 'compose', fix: fix('unknown', true) });
  return out;
}

export const wslNoGpuAdapter: RuleInput = {
  id: 'runtime/wsl-no-gpu-adapter',
  title: 'GPU container under WSL, and WSL shows no NVIDIA GPU',
  severity: 'error',
  match: [
    // `nvidia-container-cli: initialization error: WSL environment detected but no adapters were found: unknown`
    { literals: ['WSL environment detected but no adapters were found'] },
  ],
  context: [
    // The reporter naming the WSL version: `I'm using Windows with WSL1`, `I am working in WSL 2`.
    { name: 'wsl1', literals: ['WSL1', 'WSL 1'], pattern: '\\bWSL ?1\\b' },
    { name: 'wsl2', literals: ['WSL2', 'WSL 2'], pattern: '\\bWSL ?2\\b' },
    COMPOSE_UP_CONTEXT,
    RUN_COMMAND_CONTEXT,
  ],
  scope: 'step',
  specificity: 3,
  variants: variants(),
  message:
    'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs as the container starts with GPUs) found no NVIDIA GPU under WSL. ' +
    CAUSES +
    ' So WSL gives this machine no NVIDIA GPU: the distribution runs under WSL 1 (CUDA on WSL is WSL 2 only), the machine has no NVIDIA GPU, ' +
    'or its Windows NVIDIA driver is missing or too old. The log does not say which; the image is not the cause.',
  fix: fix('unknown', false),
  docs: GUIDE,
};
