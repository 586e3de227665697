// `AssertionError: Torch not compiled with CUDA enabled`: the torch that ran is a CPU-only build and the program asked it
// for a CUDA device. torch raises it in torch.cuda._lazy_init when its C extension has no CUDA part (`if not
// hasattr(torch._C, "_cuda_getDeviceCount"): raise AssertionError("Torch not compiled with CUDA enabled")`, read in the
// torch 2.13.0+cpu wheel on this machine, whose torch/version.py has `cuda = None`). So the GPU and its driver are not in
// question yet: the package is. `torch.version.cuda` prints `None` for such a build.
// Where CPU builds come from: PyPI's Windows torch wheels are CPU-only (PyTorch's install page, pytorch.org/get-started/locally,
// gives CUDA builds for Windows only from its own index, `--index-url https://download.pytorch.org/whl/cu118` and the
// like; cuda/toolkit-not-found says the same of pip's isolated builds on Windows), so on Windows any update that lets pip
// take torch from PyPI swaps the CUDA build out: Comfy-Org/ComfyUI#2427 (an update of ComfyUI and custom nodes in the
// portable build; the reply: reinstall torch with `--force-reinstall` from PyTorch's CUDA index into `python_embeded`),
// Comfy-Org/ComfyUI#7433 (update_comfyui_and_python_dependencies.bat), #4297 (`python_embeded\python.exe -m pip install
// --upgrade torch …`). Elsewhere: PyTorch's CPU index (`/whl/cpu`) or conda's `cpuonly` package.
// Which CUDA build to take is never guessed: the header of `nvidia-smi` shows `CUDA Version:`, the newest CUDA the
// driver runs (cuda/driver-too-old reads the same header), and the install page lists the CUDA builds of the current
// release with their index URLs. The program's own Python must do the install: ComfyUI's portable build runs its embedded
// interpreter (`.\python_embeded\python.exe -s ComfyUI\main.py --windows-standalone-build`, its run_nvidia_gpu.bat as
// quoted in Comfy-Org/ComfyUI#7433; `-s`: no user site-packages, python(1)).
import type { RuleInput } from '../../schema.js';

const INSTALL_PAGE = 'https://pytorch.org/get-started/locally/';

const PICK_TAG =
  `nvidia-smi's header shows \`CUDA Version:\`, the newest CUDA this driver runs. On ${INSTALL_PAGE} pick the CUDA build not newer ` +
  'than that; the last part of its `--index-url` is the tag the command below asks for (`cu118`, `cu121`, …). `None` after the torch version confirms a CPU-only build.';

// The tag is the user's to pick (PICK_TAG): the command asks for it rather than leaving an empty `set TAG=` that would
// send pip to the bare /whl/ index, and installs nothing until it is given (`set /p` prompts in cmd.exe).
const ASK_TAG_BAT = 'set /p TAG=CUDA tag from the install page (for example cu121): ';

const AGAIN =
  'Whatever upgrades torch from PyPI again (an update script, a package that pins another torch) brings the CPU build back: check ' +
  '`torch.version.cuda` after each update.';

export const torchCpuBuild: RuleInput = {
  id: 'runtime/torch-cpu-build',
  title: 'torch is a CPU-only build (not compiled with CUDA)',
  severity: 'error',
  match: [
    // `AssertionError: Torch not compiled with CUDA enabled` (its `raise AssertionError("Torch not compiled with CUDA enabled")` source line above it)
    { literals: ['AssertionError: Torch not compiled with CUDA enabled'] },
  ],
  context: [
    // ComfyUI's portable build for Windows: its embedded interpreter's folder, spelt `python_embeded` by ComfyUI,
    // in a traceback path (`C:\Users\Luna\Documents\ComfyUI_windows_portable\python_embeded\lib\site-packages\torch\…`).
    { name: 'comfyPortable', literals: ['\\python_embeded\\'], pattern: '(?<root>[A-Za-z]:\\\\[^"\\n<>|]{0,300}?)\\\\python_embeded\\\\' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  variants: [
    {
      when: 'comfyPortable',
      title: 'ComfyUI\'s embedded Python has a CPU-only torch',
      message:
        'The torch in ComfyUI\'s embedded Python (`python_embeded`) is a CPU-only build, so its first CUDA call fails. On Windows, torch from PyPI ' +
        'is the CPU build: most often an update of ComfyUI or of a custom node let pip upgrade torch from PyPI over the CUDA build.',
      fix: [
        'In a Command Prompt, check the torch of the embedded Python and the driver:',
        '',
        '```bat',
        'cd /d "{context.comfyPortable.root}"',
        'python_embeded\\python.exe -s -c "import torch; print(torch.__version__, torch.version.cuda)"',
        'nvidia-smi',
        '```',
        '',
        PICK_TAG,
        'Reinstall torch from that index into the embedded Python (not a system `pip`):',
        '',
        '```bat',
        ASK_TAG_BAT,
        'if defined TAG python_embeded\\python.exe -s -m pip install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/%TAG%',
        '```',
        '',
        AGAIN,
      ].join('\n'),
    },
    {
      when: 'fact.hostOs=windows',
      message:
        'The torch that ran is a CPU-only build, so its first CUDA call fails. On Windows, torch from PyPI is the CPU build: a plain ' +
        '`pip install torch`, or a package whose requirements made pip upgrade torch, installed it.',
      fix: [
        'In the environment that runs the program, check its torch and the driver:',
        '',
        '```bat',
        'python -c "import sys, torch; print(sys.executable, torch.__version__, torch.version.cuda)"',
        'nvidia-smi',
        '```',
        '',
        PICK_TAG,
        'Reinstall torch from that index with the same Python:',
        '',
        '```bat',
        ASK_TAG_BAT,
        'if defined TAG python -m pip install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/%TAG%',
        '```',
        '',
        AGAIN,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build&enrich.wheelTag',
      message:
        'The image installed a CPU-only build of torch (from PyTorch\'s CPU index, conda\'s `cpuonly`, or a requirement that replaced it), and this ' +
        'step asked it for CUDA. A build step has no GPU either: move GPU checks to `docker run --gpus all`.',
      fix: [
        'Install the CUDA {fact.cuda} build of torch in the Dockerfile, from PyTorch\'s `{enrich.wheelTag}` index, after anything that may replace it:',
        '',
        '```dockerfile',
        'RUN pip install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/{enrich.wheelTag}',
        '```',
        '',
        'and check it without a GPU: `RUN python -c "import torch; assert torch.version.cuda, torch.__version__"`.',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      message:
        'The image installed a CPU-only build of torch (from PyTorch\'s CPU index, conda\'s `cpuonly`, or a requirement that replaced it), and this ' +
        'step asked it for CUDA. A build step has no GPU either: move GPU checks to `docker run --gpus all`.',
      fix: [
        'The log does not show the image\'s CUDA: `nvcc --version` (or the base image\'s tag) gives it. Install torch in the Dockerfile from the ' +
          `index of the CUDA build not newer than that (${INSTALL_PAGE} lists them), after anything that may replace it, and check it without a GPU:`,
        '`RUN python -c "import torch; assert torch.version.cuda, torch.__version__"`.',
      ].join('\n'),
    },
  ],
  message:
    'The torch that ran is a CPU-only build (from PyTorch\'s CPU index, conda\'s `cpuonly` package, or PyPI on Windows), so its first CUDA call ' +
    'fails. The GPU and driver are not the cause.',
  fix: [
    'Where the program runs, check its torch and the driver:',
    '',
    '```sh',
    'python -c "import sys, torch; print(sys.executable, torch.__version__, torch.version.cuda)"',
    'nvidia-smi',
    '```',
    '',
    PICK_TAG,
    'Reinstall torch from that index with the same Python (in an image: in the Dockerfile, after anything that may replace it):',
    '',
    '```sh',
    "printf 'CUDA tag from the install page (for example cu121): ' && read -r TAG",
    '[ -n "$TAG" ] && python -m pip install --force-reinstall torch torchvision torchaudio --index-url "https://download.pytorch.org/whl/$TAG"',
    '```',
    '',
    AGAIN,
  ].join('\n'),
  enrich: 'cuda-version',
  docs: INSTALL_PAGE,
};
