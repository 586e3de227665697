// `cudaErrorSymbolNotFound` (error 500, "named symbol not found") while a program runs its kernels, not as CUDA starts: CUDA
// could not find, in what the program loaded, the kernel (or device symbol) it asked for. The threads show two causes:
// - The CUDA runtime the process loads is older than the one its GPU binaries were built with. pykeio/ort#540 (Windows 11,
//   RTX 5090, ort 2.0.0-rc.11): `Non-zero status code returned while running QuickGelu node … Status Message: CUDA error
//   cudaErrorSymbolNotFound:named symbol not found` with CUDA 12.2 on the path; the maintainer (decahedron1, 2026-03-01): "Sounds
//   like the CUDA version is too old - binaries are built against CUDA v12.8. Would you be able to upgrade to 12.8 (or newer
//   12.x)? Otherwise, you'd have to build ONNX Runtime from source against 12.2."; the reporter: "I think I already have binaries
//   for v12.8, and was linking to 12.2". ONNX Runtime's docs (onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider,
//   "Requirements") say a build with CUDA 12.x is compatible with any 12.x through NVIDIA's minor version compatibility, and
//   list per ORT release the CUDA and cuDNN majors it needs (1.19 and later: CUDA 12.x by default on PyPI); the thread shows
//   that an older 12.x runtime can still fail this way, so the fix reads the versions instead of trusting the major.
// - The binary has no code for this GPU's architecture: NVIDIA/stdexec#888 (`CUDA error cudaErrorSymbolNotFound [….cuh:239]:
//   named symbol not found`, a system with GPUs of two architectures built with CMAKE_CUDA_ARCHITECTURES for one of them:
//   "Aha. Yes indeed."); microsoft/onnxruntime#27237 (an ORT built from vcpkg, `Slice node … CUDA error
//   cudaErrorSymbolNotFound:named symbol not found` on an RTX PRO 6000 Blackwell, sm_120, where an RTX 4060 works); the
//   PSA quoted in kyutai-labs/unmute#184 from tensorflow/tensorflow#68711: "your program was simply compiled with a higher
//   compute capability than what your GPU supports".
// The same error code as CUDA starts (`cudaGetDeviceCount … Error 500: named symbol not found`, llama.cpp's `failed to
// initialize CUDA: named symbol not found`) is runtime/wsl-cuda-symbol-not-found's: a WSL 2 GPU path older than the Windows
// driver. This rule does not read those lines, and stands aside where they are; nothing here claims WSL.
// Windows loads a DLL from the program's own folder before the folders on PATH (Microsoft's "Dynamic-link library search
// order"), which the Windows check says. ORT's own start-up
// form, `CUDA failure 500: named symbol not found ; … expr=cudaGetDeviceCount(…)` / `cudaSetDevice(…)`, names no
// cudaErrorSymbolNotFound and is not read either.
// - As cuDNN starts, before any kernel of the program: XLA's `There was an error before creating cudnn handle (500):
//   cudaErrorSymbolNotFound : named symbol not found` (stream_executor's cuda_dnn.cc), then JAX's `DNN library initialization
//   failed`. google-deepmind/alphafold3#79 (a CUDA 12.6 container under Singularity): the host's driver was older than the
//   container's CUDA and cuDNN; "i found the container works with the driver (on the host) at least `535.183.01`" (aozalevsky).
//   So there the driver comes first: the header of `nvidia-smi` (`Driver Version: …   CUDA Version: 12.2`) names the newest
//   CUDA the driver runs, to compare with the container's; the driver to install is the first of the container's release
//   (NVIDIA's release notes, Table 3: knowledge/cuda-release-drivers.ts, the `symbol-driver` enricher). NVIDIA's minor version
//   compatibility lets a 12.x runtime start on an older 12.x driver (≥ 525) with a limited feature set (knowledge/cuda-driver.ts),
//   which is why an older driver gets this far and fails later. The same driver branch is read for any log whose nvidia-smi
//   header is shown. Singularity / Apptainer's `--nv` binds the host's driver libraries into the container: it will "Locate
//   and bind the basic CUDA libraries from the host into the container, so that they are available to the container, and
//   match the kernel GPU driver on the host", and "The host has a working installation of the NVIDIA GPU driver" is its first
//   requirement (Apptainer user guide, "GPU Support", apptainer/apptainer-userdocs gpu.rst; apptainer.org/docs/user/main/gpu.html),
//   so the driver is the host's whatever the image holds.
import type { RuleInput } from '../../schema.js';
import { RELEASE_NOTES_URL } from '../../../knowledge/cuda-release-drivers.js';
import { SMI_HEADER } from '../cuda/driver-too-old.js';

const ORT_REQUIREMENTS = 'https://onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider.html#requirements';

const FIND_RUNTIME = [
  'See which CUDA runtime the process really loads, where it runs (for a container, inside it):',
  '',
  '```sh',
  '# Linux: the libraries a run loads, or those of the running process',
  'LD_DEBUG=libs ./your-program 2>&1 | grep -E "calling init: .*(libcudart|libcublas)"',
  'grep -E "libcudart|libcublas" /proc/$(pgrep -n -f your-program)/maps',
  'ldconfig -p | grep -E "libcudart|libcublas"; echo "$LD_LIBRARY_PATH"',
  'nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv',
  '```',
  '',
  'On Windows (PowerShell): `where.exe cudart64_12.dll cublas64_12.dll` lists the copies on PATH in the order they are found (a copy ' +
    'in the program\'s own folder is loaded before any of them), and `$env:CUDA_PATH` names the toolkit set as the default.',
].join('\n');

const DRIVER_CHECK = [
  'Compare the host\'s driver with the CUDA the container brings:',
  '',
  '```sh',
  'nvidia-smi      # on the host: the header\'s "Driver Version" and "CUDA Version" (the newest CUDA that driver runs)',
  '# in the container: the CUDA and cuDNN it brings (the image tag, the toolkit, or the pip wheels)',
  'cat /usr/local/cuda/version.json 2>/dev/null | head -5',
  'pip list 2>/dev/null | grep -iE "^nvidia-(cuda-runtime|cudnn)|^jax"',
  '```',
  '',
  '{enrich.driverStep}',
].join('\n');

const DRIVER_CAUSE =
  '- The host\'s driver older than the container\'s CUDA (the header of nvidia-smi shows a lower `CUDA Version`): update the driver ' +
  `on the host (the first driver of each CUDA release: NVIDIA's CUDA release notes, Table 3, ${RELEASE_NOTES_URL}); nothing in the image changes it.`;

const TWO_CAUSES = [
  '- The runtime found first is older than the CUDA the binaries were built with (the release notes of the package that shipped ' +
    'them say which): put that CUDA release\'s runtime first (its `bin` folder first on PATH on Windows, its `lib64` first in ' +
    '`LD_LIBRARY_PATH` on Linux), or take the older toolkit off the path. Do not install a version the log does not name; read it ' +
    'from the package\'s notes.',
  '- The runtime is right but the GPU\'s compute capability (above) is missing from the binary\'s architectures: a build of your own ' +
    'needs it in `CMAKE_CUDA_ARCHITECTURES` / `TORCH_CUDA_ARCH_LIST` (`120` for an RTX 50 or RTX PRO 6000 Blackwell, with a CUDA ' +
    'that compiles it); a prebuilt package needs a release whose notes list the GPU.',
].join('\n');

const CUDNN_MESSAGE =
  'cuDNN could not start: a CUDA call failed with `cudaErrorSymbolNotFound` ("named symbol not found", error 500) as XLA created ' +
  'the cuDNN handle, before any kernel of the program ran. The cause found for this (google-deepmind/alphafold3#79): the host\'s ' +
  'NVIDIA driver older than the CUDA and cuDNN in the container, which start on it but miss what they need. The log does not ' +
  'settle the versions, so check the driver first.';

const LOADED_CUDNN = [
  '- Another cuDNN or CUDA runtime than the one the program was built for wins the library search: `echo "$LD_LIBRARY_PATH"` ' +
    '(set, it can override the libraries the package installed), and `pip list` above for two `nvidia-cudnn` wheels.',
].join('\n');

export const cudaKernelSymbolNotFound: RuleInput = {
  id: 'runtime/cuda-kernel-symbol-not-found',
  title: 'CUDA could not find a kernel the program launched (cudaErrorSymbolNotFound)',
  severity: 'error',
  match: [
    // ONNX Runtime: `Non-zero status code returned while running QuickGelu node. Name:'…' Status Message: CUDA error cudaErrorSymbolNotFound:named symbol not found`
    // stdexec: `CUDA error cudaErrorSymbolNotFound [/home/…/bulk.cuh:239]: named symbol not found`
    { literals: ['cudaErrorSymbolNotFound'], pattern: 'cudaErrorSymbolNotFound(?![\\w]).{0,300}named symbol not found' },
  ],
  context: [
    // XLA (JAX, TensorFlow) as cuDNN starts: `There was an error before creating cudnn handle (500): cudaErrorSymbolNotFound : named symbol not found`
    { name: 'cudnnHandle', literals: ['error before creating cudnn handle'] },
    // nvidia-smi's header: the host's driver and the newest CUDA it runs
    SMI_HEADER,
    // Singularity / Apptainer running the container: its command, or its in-container folder (`/.singularity.d/libs/`)
    { name: 'singularity', literals: ['singularity ', 'apptainer ', '.singularity.d'], pattern: '\\b(?:singularity|apptainer) (?:exec|run|shell)\\b|/\\.singularity\\.d/' },
    // ONNX Runtime's CUDA execution provider running a node: `Non-zero status code returned while running Slice node. Name:'…'`
    { name: 'ortNode', literals: ['Non-zero status code returned while running'], pattern: 'Non-zero status code returned while running (?<op>\\w{1,80}) node' },
  ],
  // CUDA's start, not a kernel: runtime/wsl-cuda-symbol-not-found
  unless: [{ literals: ['Error 500: named symbol not found', 'failed to initialize CUDA: named symbol not found'] }],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'ortNode',
      title: 'ONNX Runtime\'s CUDA provider could not find its kernel (cudaErrorSymbolNotFound): CUDA runtime or GPU arch',
      message:
        'ONNX Runtime\'s CUDA execution provider started, then failed running the {context.ortNode.op} node: CUDA found no kernel by ' +
        'that name (`cudaErrorSymbolNotFound`, "named symbol not found"). CUDA itself started, so this is not the error 500 of CUDA\'s ' +
        'start under WSL 2. ' +
        'The known causes: the process loads an older CUDA runtime than the one ONNX Runtime was built with (pykeio/ort#540: binaries ' +
        'built against CUDA 12.8, a CUDA 12.2 runtime first on the path), or the build has no kernels for this GPU\'s architecture ' +
        '(microsoft/onnxruntime#27237, on a Blackwell GPU). The log shows neither version, so check both.',
      fix: [
        FIND_RUNTIME,
        '',
        'Then compare with what this ONNX Runtime needs: its release in ONNX Runtime\'s requirements table (' + ORT_REQUIREMENTS + '), or, ' +
          'for binaries a wrapper downloaded (the Rust `ort` crate, a vendored build), the CUDA release its notes name.',
        '',
        TWO_CAUSES,
      ].join('\n'),
    },
    {
      when: 'cudnnHandle&singularity',
      title: 'cuDNN could not start (cudaErrorSymbolNotFound) in a Singularity/Apptainer container: check the host driver first',
      message: CUDNN_MESSAGE + ' The container runs under Singularity/Apptainer, whose `--nv` binds the host\'s driver into it: the driver is the host\'s, whatever the image holds.',
      fix: [DRIVER_CHECK, '', 'Under Singularity/Apptainer the driver comes from the host through `--nv`: update it on the host (on a cluster, ask its admins for a node or module with a newer driver); rebuilding the image does not change it.', '', 'The driver new enough:', '', LOADED_CUDNN].join('\n'),
    },
    {
      when: 'cudnnHandle',
      title: 'cuDNN could not start (cudaErrorSymbolNotFound): check the host driver first',
      message: CUDNN_MESSAGE,
      fix: [DRIVER_CHECK, '', 'The driver new enough:', '', LOADED_CUDNN].join('\n'),
    },
    {
      when: 'smiHeader',
      fix: [FIND_RUNTIME, '', '{enrich.driverStep}', '', DRIVER_CAUSE, TWO_CAUSES].join('\n'),
    },
  ],
  message:
    'A CUDA kernel launch failed with `cudaErrorSymbolNotFound` ("named symbol not found"): CUDA started, but found no kernel by that ' +
    'name in what the program loaded. The known causes: the process loads an older CUDA runtime than the one its binaries were built ' +
    'with, or the binaries have no code for this GPU\'s architecture (a machine with GPUs of two architectures, a build without the ' +
    'newest GPU). The log shows neither version, so check both.',
  fix: [FIND_RUNTIME, '', TWO_CAUSES].join('\n'),
  enrich: 'symbol-driver',
  docs: 'https://github.com/pykeio/ort/issues/540',
};
