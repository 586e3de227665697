// Kernels built for other GPUs than the one running them: the arch list (or the torch wheel)
// does not include the device's compute capability.
// A prebuilt vLLM (its wheels, the vllm/vllm-openai image) on a GPU below vLLM's minimum: vLLM's docs list "GPU: compute
// capability 7.0 or higher (e.g., V100, T4, RTX20xx, A100, L4, H100, etc.)" (installation page, v0.3.3 to v0.14.0) and "compute
// capability 7.5 or higher" (docs/getting_started/installation/gpu.cuda.inc.md at v0.21.0). vllm-project/vllm#16307: Tesla P100s
// (6.0) with vllm/vllm-openai:v0.7.3; vllm-project/vllm#963 ("Support for compute capability <7.0"): Pascal is untested, a source
// build was reported to work. Compute capabilities from NVIDIA's CUDA GPUs list (developer.nvidia.com/cuda-gpus): Tesla P100 6.0;
// Tesla P40, P4 and GeForce GTX 1050-1080 6.1; Tesla M40, M60 and GeForce GTX 950-980 5.2; Tesla K80 3.7. The torch arch list is
// not the lever there: vLLM's own kernels are built for its supported capabilities only.
import type { RuleInput } from '../../schema.js';
import { XFORMERS_FA3_LAUNCH } from '../runtime/xformers-flash3-unsupported-gpu.js';

const FMHA_FIX = [
  'See which packages bring their own attention kernels, and what this torch was built for (on the machine with the GPU):',
  '',
  '```sh',
  'pip list 2>/dev/null | grep -iE "^(torch|xformers|flash.attn|sglang|vllm)"',
  'python -c "import torch; print(torch.__version__, torch.version.cuda, torch.cuda.get_device_capability(), torch.cuda.get_arch_list())"',
  '```',
  '',
  'The kernel\'s range (sm{context.fmhaRange.lo}-sm{context.fmhaRange.hi}) is written in its source, and this binary already has code ' +
    'for sm{context.fmhaRange.built} (`built for sm{context.fmhaRange.built}`): adding the arch to `TORCH_CUDA_ARCH_LIST` and rebuilding ' +
    'the same source does not change it. Install a release of the package that dispatched the kernel (xformers, or torch for ' +
    '`scaled_dot_product_attention`) whose kernels cover this GPU. Until then, keep that attention backend off on this GPU (e.g. ' +
    '`torch.backends.cuda.enable_mem_efficient_sdp(False)`, or the framework\'s option for another attention implementation).',
].join('\n');

// vLLM with the GPU unnamed: its minimum compute capability leads. vLLM's installation page, "GPU: compute capability 7.0 or
// higher (e.g., V100, T4, RTX20xx, A100, L4, H100, etc.)", from the v0.2.x releases (docs/source/getting_started/installation.rst
// at 5cdb6191, whose CUDA 11.8 example installs v0.2.4) on; its setup.py of that time stops a source build on a GPU below it
// (`GPUs with compute capability below 7.0 are not supported.`, the title of vllm-project/vllm#1431, a Tesla P4 of 6.1);
// vllm-project/vllm#963 (a P100, 6.0) asked for Pascal. vllm-project/vllm#1936: vllm/vllm-openai:v0.2.3 under docker
// compose, a P100 among the reporters. `nvidia-smi --query-gpu=name,compute_cap` (the compute_cap field, nvidia-smi's
// --help-query-gpu) and torch.cuda.get_device_capability tell the GPU's capability.
const VLLM_TITLE = 'vLLM has no kernels for this GPU';
const VLLM_MESSAGE =
  'vLLM\'s prebuilt wheels and images are compiled for the GPUs it supports only: compute capability 7.0 or higher in its docs ' +
  '(7.5 in recent releases). On a GPU below that (Pascal and older: Tesla P100, P40, GeForce GTX 10xx) vLLM\'s own kernels have no code, ' +
  'and torch\'s arch list does not change them.';
const VLLM_FIX = [
  'Check the GPU\'s compute capability against the minimum of the vLLM release you run (the GPU requirements on its installation page, ' +
    'https://docs.vllm.ai/en/latest/getting_started/installation/gpu.html for the latest), on the machine with the GPU (or in the container):',
  '',
  '```sh',
  'nvidia-smi --query-gpu=name,compute_cap --format=csv',
  '```',
  '',
  '- Below the minimum: run vLLM on a GPU at or above it (V100 is 7.0, T4 7.5, A100 8.0). Building vLLM from source with the GPU\'s ' +
    'capability in its CUDA arch list is the only route on this GPU, and vLLM does not support or test it (vllm-project/vllm#963: Pascal ' +
    'builds were reported to work with changes to the build; some kernels may not build or run). Another inference server that supports ' +
    'the GPU is the other way out.',
  '- At or above it: this vLLM build has no kernel for a GPU newer than the build; run a vLLM release (image tag or wheel) whose release ' +
    'notes list the GPU\'s architecture.',
].join('\n');

export const noKernelImage: RuleInput = {
  id: 'cuda/no-kernel-image',
  title: 'No kernel image for this GPU',
  severity: 'error',
  match: [
    // `RuntimeError: CUDA error: no kernel image is available for execution on the device`
    { literals: ['no kernel image is available for execution on the device'] },
    { literals: ['cudaErrorNoKernelImageForDevice', 'CUDA_ERROR_NO_BINARY_FOR_GPU'] },
    // torch's warning: `NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.`
    {
      literals: ['is not compatible with the current PyTorch installation'],
      pattern: 'with CUDA capability (?<arch>sm_\\w{1,200}) is not compatible',
    },
    // The arch guard of the CUTLASS memory-efficient attention kernels (xformers, and PyTorch's copy in
    // aten/src/ATen/native/transformers/cuda/mem_eff_attention; generated kernels print
    // `FATAL: kernel `<name>` is for sm<lo>-sm<hi>, but was built for sm<__CUDA_ARCH__/10>`): the kernel the library
    // dispatched has no code for the GPU it runs on. dusty-nv/jetson-containers#1360: `fmha_cutlassF_f32_aligned_64x64_rf_sm80`
    // is for sm80-sm100 on a DGX Spark (sm121, compute capability 12.1, the GB10 GPU), fixed by a newer attention build
    // (Dao-AILab/flash-attention#1860). The range is the kernel's own `#if __CUDA_ARCH__` guard and `built for smN` the code
    // the GPU ran, so the arch is already in the build: GuigsEvt/dgx_spark_config#5, a torch built for sm121 whose f32
    // kernel `fmha_cutlassF_f32_aligned_32x128_gmem_sm80` still printed `is for sm80-sm100, but was built for sm121`.
    { literals: ['but was built for sm'], pattern: 'FATAL: kernel `(?<kernel>\\w{1,120})` is for sm(?<lo>\\d{2,3})-sm(?<hi>\\d{2,3}), but was built for sm(?<built>\\d{2,3})' },
  ],
  context: [
    { name: 'fmhaRange', literals: ['but was built for sm'], pattern: 'FATAL: kernel `(?<kernel>\\w{1,120})` is for sm(?<lo>\\d{2,3})-sm(?<hi>\\d{2,3}), but was built for sm(?<built>\\d{2,3})' },
    { name: 'spark', literals: ['but was built for sm121'] },
    // vLLM running: its OpenAI image, or its engine's log lines (`ERROR 04-08 19:59:10 engine.py:400] …`)
    { name: 'vllm', literals: ['vllm', 'engine.py:'], pattern: '\\bvllm[/-]|\\bvllm\\b|^(?:INFO|ERROR|WARNING) \\d\\d-\\d\\d [\\d:]{8} engine\\.py:' },
    // vLLM's container under docker compose, whose prefix is the only place that names it (`vllm_1   | RuntimeError: CUDA
    // error: no kernel image …`, vllm-project/vllm#1936): a service called vllm (`vllm`, `vllm-openai`, `myproject-vllm`)
    { name: 'vllmService', source: 'service', literals: ['vllm'], pattern: '(?:^|[^A-Za-z0-9])vllm(?:$|[^A-Za-z])' },
    // The log names the GPU or its architecture (nvidia-smi, torch's collect_env or its warning): then the rule's other
    // readings decide, and the vLLM minimum is offered without the GPU only when none is named.
    { name: 'gpuShown', literals: ['sm_', 'capability', 'GPU 0:', 'NVIDIA GeForce', 'Tesla ', 'Quadro ', 'NVIDIA RTX', 'NVIDIA A', 'NVIDIA H', 'NVIDIA L'] },
    // a GPU below compute capability 7.0, as nvidia-smi and torch's collect_env name it
    {
      name: 'preVolta',
      literals: ['Tesla ', 'GTX '],
      pattern: '\\b(?<gpu>Tesla (?:P100|P40|P4|M40|M60|K80)\\b[\\w-]{0,20}|GeForce GTX (?:10[5-8]0|9[5-8]0)(?: Ti)?)',
    },
    // A native CMake build's configure line with its arch list (`cmake -B build -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=121 …`,
    // ggml-org/llama.cpp#22522): the list the binary was compiled for, and the command to rebuild it with the GPU added.
    { name: 'cmakeArch', literals: ['-DCMAKE_CUDA_ARCHITECTURES'], pattern: '\\bcmake\\s[^\\n]{0,400}-DCMAKE_CUDA_ARCHITECTURES(?::STRING)?=' },
    // torch (or a Python traceback) in the log: torch's wheel is one of the pieces that may lack the kernel
    { name: 'torch', literals: ['torch', 'Traceback (most recent call last)', 'PyTorch'] },
    // A Python on Windows, read from a path torch's warning or a traceback names (`C:\…\system\python\lib\site-packages\torch\
    // cuda\__init__.py:235: UserWarning:`, `File "C:\…\Lib\site-packages\…"`): the directory that holds `Lib\site-packages`.
    // A Windows Python's python.exe sits in that directory (a python.org install, a conda environment, a one-click package's own
    // Python under `system\python`, lllyasviel/FramePack#204), a venv's in its `Scripts`. `python3` names no interpreter of such a
    // package (nothing of it is on PATH), so the fix names that one.
    {
      name: 'winPython',
      literals: ['\\site-packages\\'],
      pattern: '(?<dir>[A-Za-z]:\\\\[^\\n"<>|*?]{0,300}?)\\\\[Ll]ib\\\\site-packages\\\\',
    },
    // nvidia-smi's header (`| NVIDIA-SMI 570.124.04   Driver Version: 570.124.04   CUDA Version: 12.8 |`): the driver that runs
    // the code, against the one the GPU's CUDA release needs (blackwell-torch's `blackwellDriver`)
    { name: 'driverShown', literals: ['Driver Version:'], pattern: 'Driver Version: (?<v>\\d{3,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)' },
    {
      name: 'supported',
      literals: ['The current PyTorch install supports CUDA capabilities'],
      pattern: 'supports CUDA capabilities (?<list>sm_[\\w ]{0,200}[\\w])',
    },
  ],
  // xformers' FlashAttention-3 (hopper) kernel on a GPU it was never built for: runtime/xformers-flash3-unsupported-gpu,
  // whose fix (run without xformers' attention) is the one that works; no arch list of the user's changes that kernel.
  unless: [XFORMERS_FA3_LAUNCH],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The GPU has no compiled kernel in this build: the code was compiled for other architectures than the device’s (and without PTX for ' +
    'the driver to JIT-compile).',
  // Which piece lacks the kernel decides the fix: a prebuilt torch wheel (the usual case at run time: a new GPU, an old
  // wheel; a1111-docker#11, an RTX 5090 on an image's cu124 torch) or code compiled for the wrong list (an extension
  // built with TORCH_CUDA_ARCH_LIST / CMAKE_CUDA_ARCHITECTURES, fused-ssim#19). torch.cuda.get_device_capability() and
  // get_arch_list() tell them apart; the torch for sm_120 comes from the knowledge tables (cuda-arch-enricher.ts).
  fix: [
    'Find which piece has no kernel for this GPU. On the machine that runs the code (in the container, for an image), print the GPU\'s compute capability and ' +
      'the architectures this torch was built for:',
    '',
    '```sh',
    'python3 -c "import torch; print(torch.__version__, torch.cuda.get_device_capability(0), torch.cuda.get_arch_list())"',
    '```',
    '',
    '- The GPU\'s `sm_XY` is not in torch\'s list: the prebuilt torch is the cause, and no arch list of yours changes it. Install a torch built with a CUDA ' +
      'release that compiles the GPU (PyTorch lists its wheel indexes per release at https://pytorch.org/get-started/previous-versions/); ' +
      '{enrich.blackwellTorch|newer GPUs need torch wheels of a newer CUDA} (`pip install torch --index-url` with the index). In an image, change its torch ' +
      'install line and rebuild.',
    '- It is in the list: {enrich.blackwellDriver|a CUDA extension} or the program\'s own kernels were compiled for other architectures. Add the capability to TORCH_CUDA_ARCH_LIST ' +
      '(`8.9` style) or `-DCMAKE_CUDA_ARCHITECTURES="…"` (`89` style), with `+PTX` on the newest entry, and rebuild it; `nvcc --list-gpu-arch` in the build ' +
      'stage lists what the toolkit compiles.',
  ].join('\n'),
  variants: [
    {
      when: 'fmhaRange&spark',
      title: 'Attention kernel has no code for this GPU (sm_121, DGX Spark)',
      message:
        'A CUTLASS memory-efficient attention kernel (`{context.fmhaRange.kernel}`, from xformers or PyTorch) runs on sm{context.fmhaRange.lo}-' +
        'sm{context.fmhaRange.hi} only, and this GPU is sm{context.fmhaRange.built} (compute capability 12.1: the NVIDIA GB10 of the DGX Spark). ' +
        'The binary has no kernel for this GPU, so the attention call fails.',
      fix: FMHA_FIX,
    },
    {
      when: 'fmhaRange',
      title: 'Attention kernel has no code for this GPU',
      message:
        'A CUTLASS memory-efficient attention kernel (`{context.fmhaRange.kernel}`, from xformers or PyTorch) runs on sm{context.fmhaRange.lo}-' +
        'sm{context.fmhaRange.hi} only, and this GPU\'s code is sm{context.fmhaRange.built}. The binary has no kernel for this GPU, so the attention call fails.',
      fix: FMHA_FIX,
    },
    {
      when: 'vllm&preVolta',
      title: 'vLLM has no kernels for this GPU (below its minimum compute capability)',
      message:
        'The GPU, {context.preVolta.gpu}, is of compute capability below 7.0 (Pascal and older), and vLLM\'s prebuilt wheels and images ' +
        'are built for its supported GPUs only: compute capability 7.0 or higher in its docs (7.5 in recent releases). vLLM\'s own kernels ' +
        'have no code for this GPU; adding it to torch\'s arch list does not change them.',
      fix: [
        'Check the GPU and the minimum of the vLLM release you run (the GPU requirements on its installation page, ' +
          'https://docs.vllm.ai/en/latest/getting_started/installation/gpu.html for the latest):',
        '',
        '```sh',
        'nvidia-smi --query-gpu=name,compute_cap --format=csv',
        '```',
        '',
        'Run vLLM on a GPU at or above that minimum (V100 is 7.0, T4 7.5, A100 8.0). Below it, the only route is building vLLM from source ' +
          'with the GPU\'s capability in its CUDA arch list, which vLLM does not support or test (vllm-project/vllm#963: Pascal builds ' +
          'were reported to work with changes to the build; some kernels may not build or run). Another inference server that supports ' +
          'the GPU is the other way out.',
      ].join('\n'),
    },
    {
      when: 'vllm&!gpuShown',
      title: VLLM_TITLE,
      message: VLLM_MESSAGE,
      fix: VLLM_FIX,
    },
    {
      when: 'vllmService&!gpuShown',
      title: VLLM_TITLE,
      message: VLLM_MESSAGE,
      fix: VLLM_FIX,
    },
    {
      // A native CMake build (llama.cpp / ggml and the like) and no torch in the log: the configure line's arch list is the
      // lever. A cubin runs only on GPUs of the same major compute capability and the same or a higher minor (Blackwell
      // Compatibility Guide, 1.2 "Application Compatibility on Blackwell Architecture", CUDA 13.0: "a cubin generated for
      // compute capability 8.6 is not supported to run on a GPU with compute capability 8.0"; CUDA C++ Programming Guide,
      // "Binary Compatibility"), so a build for 121 (the GB10 of the DGX Spark) has no code for a 12.0 GPU (RTX 50, RTX PRO
      // 6000 Blackwell): ggml-org/llama.cpp#22522, fixed by `-DCMAKE_CUDA_ARCHITECTURES=89;120`. nvidia-smi's compute_cap
      // field (--help-query-gpu) prints the capability as `12.0`; CMake's CUDA_ARCHITECTURES takes it without the dot.
      when: 'cmakeArch&enrich.cmakeArchLine&!torch',
      title: 'No kernel image for this GPU (the build\'s CUDA arch list)',
      message:
        'This binary was compiled for CUDA architectures `{enrich.cmakeArchHad}` only (`-DCMAKE_CUDA_ARCHITECTURES={enrich.cmakeArchHad}` on its ' +
        'cmake line), and the GPU that runs it is not one they cover. Compiled GPU code (SASS) runs only on a GPU of the same major compute capability ' +
        'and the same or a higher minor one: code for 12.1 (sm_121, DGX Spark) does not run on a 12.0 GPU (sm_120, RTX 50 / RTX PRO Blackwell), nor ' +
        'code for 8.6 on 8.0, nor any 8.x on 9.0. The PTX a list entry also embeds is JIT-compiled only for GPUs of the same or a higher capability.',
      fix: [
        'Read the compute capability of the GPU that runs the program (on that machine):',
        '',
        '```sh',
        'nvidia-smi --query-gpu=name,compute_cap --format=csv',
        '```',
        '',
        'Write it without the dot (`12.0` → `120`, `8.9` → `89`), add it to the arch list of the configure line, run that line again (a `-D` on it ' +
          'replaces the list CMake cached) and build again:',
        '',
        '```sh',
        '{enrich.cmakeArchLine}',
        '```',
        '',
        'with `XY` the capability you read; keep `{enrich.cmakeArchHad}` in the list only if the binary must also run on GPUs of that capability. When the ' +
          'build runs on the machine with this GPU, `-DCMAKE_CUDA_ARCHITECTURES=native` (CMake 3.24 or newer) compiles for its GPUs. `nvcc --list-gpu-arch` ' +
          'lists what the toolkit compiles; if `compute_XY` is not there, the toolkit is too old for this GPU.',
      ].join('\n'),
    },
    {
      // torch without the GPU's arch, run by a Python on Windows (winPython): the same wheels (cuda-arches: the first CUDA that
      // compiles the arch and PyTorch's first index built with it), installed with that interpreter. torchvision and torchaudio
      // go with it: each release is built against one torch release (torch-wheels.ts pairs them), so upgrading torch alone
      // leaves them broken. PowerShell runs a quoted path only after `&`, Command Prompt as it is.
      when: 'supported&winPython&enrich.wheelAdviceIndex',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device into the Python that runs this program, `{context.winPython.dir}\\python.exe`.',
      fix: [
        'Use a torch whose arch list includes the device: {enrich.wheelAdvice}. Install it with the Python that runs the program (the one under ' +
          '`{context.winPython.dir}`), with torchvision and torchaudio from the same index, in Command Prompt:',
        '',
        '```bat',
        '"{context.winPython.dir}\\python.exe" -m pip install --upgrade torch torchvision torchaudio --index-url {enrich.wheelAdviceIndex}',
        '"{context.winPython.dir}\\python.exe" -c "import torch; print(torch.__version__, torch.cuda.get_arch_list())"',
        '```',
        '',
        'The list the second line prints must include {arch:all}. In PowerShell put `&` before each quoted path. In a virtual environment the ' +
          'interpreter is `{context.winPython.dir}\\Scripts\\python.exe` instead.',
      ].join('\n'),
    },
    {
      when: 'supported&fact.cuda',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. {enrich.verdict}',
      fix:
        'Use a torch whose arch list includes the device: {enrich.wheelAdvice|a torch build (or a source build with the device in TORCH_CUDA_ARCH_LIST) for a CUDA release that compiles it}. ' +
        'Check on the machine with the GPU: `python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      // the CUDA of this torch unknown: the first CUDA release whose nvcc compiles the GPU, and PyTorch's wheels for it (cuda-arches)
      when: 'supported&enrich.wheelAdvice',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device.',
      fix:
        'Use a torch whose arch list includes the device: {enrich.wheelAdvice}. Then check on the machine with the GPU: ' +
        '`python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      when: 'supported',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device, or build it with that arch in TORCH_CUDA_ARCH_LIST.',
      fix:
        'Install a torch built for a CUDA release that compiles {arch:all} (`nvcc --list-gpu-arch` of a toolkit lists what it compiles; PyTorch lists its wheel indexes per ' +
        'release at https://pytorch.org/get-started/previous-versions/), then check on the machine with the GPU: `python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      when: 'fact.cuda',
      fix: [
        'Compile for the GPU that runs the code: its compute capability (`nvidia-smi --query-gpu=compute_cap --format=csv` on that machine) must be in the list. ' +
          'Here, {enrich.archListBasis}:',
        '',
        '```dockerfile',
        'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
        '```',
        '',
        '(CMake: `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"`). `+PTX` on the newest entry lets newer GPUs JIT-compile it. If the capability is not in ' +
          '`nvcc --list-gpu-arch`, the toolkit is too old for the GPU.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-arches', 'arch-lists', 'blackwell-torch', 'cmake-arch-line'],
  docs: 'https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#binary-compatibility',
};
