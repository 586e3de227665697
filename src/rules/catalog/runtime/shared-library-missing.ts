// Any other shared library the loader cannot find, with advice per library family. libcuda.so.1
// is the driver: it is never in an image, the NVIDIA container runtime mounts it at `docker run
// --gpus`, so a build that loads it fails. TensorFlow's dlerror lines are warnings it recovers from.
import type { RuleInput } from '../../schema.js';

const lib = (name: string): string => `${name}[\\w.+-]{0,200}: cannot open shared object file`;

export const sharedLibraryMissing: RuleInput = {
  id: 'runtime/shared-library-missing',
  title: 'Shared library not found',
  severity: 'error',
  match: [
    // `error while loading shared libraries: libcudnn.so.9: cannot open shared object file: No such file or directory`,
    // `ImportError: libcudnn.so.8: cannot open shared object file …`, `OSError: libcuda.so.1: …`
    {
      literals: ['cannot open shared object file'],
      pattern: '(?<library>\\blib(?!cupti\\b)[\\w+-]{0,200}\\.so[.\\d]{0,40}): cannot open shared object file',
    },
    // ldd: `	libnccl.so.2 => not found`
    { literals: ['=> not found'], pattern: '^\\s{0,200}(?<library>lib(?!cupti\\b)[\\w+-]{0,200}\\.so[.\\d]{0,40}) => not found' },
  ],
  context: [
    { name: 'tensorflow', literals: ['Could not load dynamic library'] },
    { name: 'driver', literals: ['libcuda.so', 'libnvidia-ml.so'], pattern: `(?:${lib('libcuda\\.so')}|${lib('libnvidia-ml\\.so')}|libcuda\\.so[.\\d]{0,200} => not found)` },
    { name: 'cudnn', literals: ['libcudnn'], pattern: `(?:${lib('libcudnn')}|libcudnn[\\w.]{0,200} => not found)` },
    { name: 'nccl', literals: ['libnccl'], pattern: `(?:${lib('libnccl')}|libnccl[\\w.]{0,200} => not found)` },
    {
      name: 'cudaLibs',
      literals: ['libcublas', 'libcudart', 'libcufft', 'libcurand', 'libcusparse', 'libcusolver', 'libnvrtc', 'libnvJitLink'],
      pattern: `(?:${lib('lib(?:cublas|cublasLt|cudart|cufft|curand|cusparse|cusolver|nvrtc|nvJitLink)\\.so')}|lib(?:cublas|cudart)[\\w.]{0,200} => not found)`,
    },
    { name: 'tensorrt', literals: ['libnvinfer'], pattern: lib('libnvinfer') },
    // PyTorch's own libraries: an extension linked against another torch, or imported before torch
    { name: 'torchLibs', literals: ['libtorch', 'libc10'], pattern: lib('lib(?:torch|c10)[\\w]{0,40}\\.so') },
    { name: 'opengl', literals: ['libGL.so', 'libgthread', 'libglib-2.0'], pattern: lib('lib(?:GL|gthread-2\\.0|glib-2\\.0)\\.so') },
  ],
  scope: 'step',
  specificity: 3,
  message: 'The dynamic loader could not find {library:all}: the library is not installed in this stage, or not on its loader path.',
  fix: [
    'Find which package provides it and install it in this stage (Debian/Ubuntu: `apt-file search {library}`), or copy it ' +
      'from the builder stage together with an `ENV LD_LIBRARY_PATH=…` entry for its directory. ' +
      'Check with `ldd` on the failing binary or extension (`ldd $(python3 -c "import X, os; print(X.__file__)")`).',
  ].join('\n'),
  variants: [
    {
      when: 'tensorflow',
      severity: 'warning',
      message:
        'TensorFlow could not load {library:all}; it goes on without GPU support for it. On a GPU-less builder this is expected; in ' +
        'the image that runs on GPUs it means the CUDA libraries are missing.',
      fix: 'Use a CUDA `-runtime` base image (or `pip install tensorflow[and-cuda]`) for the image that runs on GPUs; nothing to do for a build-time import.',
    },
    {
      when: 'driver',
      title: 'NVIDIA driver library loaded during the build',
      message:
        'This step tried to load {library:all}, which belongs to the NVIDIA driver: images never contain it (the NVIDIA container ' +
        'runtime mounts it at `docker run --gpus`), and `docker build` has no GPU or driver. Something in this step needs the driver ' +
        'at build time.',
      fix: [
        'Do not load the driver while building: move GPU checks and anything that initialises CUDA to `docker run --gpus all …`.',
        'To only link against the driver API, use the stub shipped in `-devel` images: `-L/usr/local/cuda/lib64/stubs -lcuda` ' +
          '(never put `stubs` on `LD_LIBRARY_PATH` of the final image).',
      ].join('\n'),
    },
    {
      when: 'torchLibs',
      title: 'PyTorch library not found (extension built for another PyTorch)',
      message:
        'The loader could not find {library:all}, a library of PyTorch itself. A compiled extension (or a prebuilt wheel) ' +
        'looks for the libraries of the PyTorch it was built against: `libtorch_cuda_cu.so` and `libtorch_cuda_cpp.so` exist ' +
        'only in older releases built with split CUDA libraries (current ones ship `libtorch_cuda.so`), and `libc10.so` / ' +
        '`libtorch_cpu.so` are found only once `import torch` has loaded them.',
      fix: [
        'Build the extension against the torch installed in this stage, from source and without an isolated build env:',
        '',
        '```dockerfile',
        'RUN pip install --no-build-isolation --no-cache-dir --force-reinstall <extension>',
        '```',
        'or install the torch version its wheel was built for. Where a module loads the extension directly, `import torch` first.',
      ].join('\n'),
    },
    {
      when: 'cudnn',
      title: 'cuDNN library not found',
      message:
        'The loader could not find {library:all}: cuDNN is not in this image. The plain `nvidia/cuda:*-runtime` and `-devel` images ' +
        'do not include it; the `-cudnn-` flavours do.',
      fix: [
        'Use a cuDNN image (`nvidia/cuda:{enrich.cudaVersion}.*-cudnn-runtime-ubuntu22.04`), or install it: ' +
          '`apt-get install -y libcudnn9-cuda-12` (NVIDIA apt repo) or `pip install nvidia-cudnn-cu12`. ' +
          'The major version in the file name (`libcudnn.so.8` vs `.9`) must match what the framework was built with.',
      ].join('\n'),
    },
    {
      when: 'nccl',
      title: 'NCCL library not found',
      message: 'The loader could not find {library:all}: NCCL is not in this image or not on its loader path.',
      fix: 'Install it: `apt-get install -y libnccl2` (NVIDIA apt repo, match the CUDA version) or `pip install nvidia-nccl-cu12`; with a multi-stage build, copy `/usr/lib/x86_64-linux-gnu/libnccl.so*` from the builder.',
    },
    {
      when: 'cudaLibs',
      title: 'CUDA runtime library not found',
      message:
        'The loader could not find {library:all}, a CUDA toolkit library: this stage uses a `-base` image (no CUDA libraries) or ' +
        'copied binaries without the libraries they link.',
      fix: 'Use the `-runtime` flavour of the CUDA image for this stage (`nvidia/cuda:{enrich.cudaVersion}.*-runtime-ubuntu22.04`), or install `cuda-libraries-{enrich.aptSuffix}`; pip-installed torch brings its own copies as `nvidia-*-cu12` wheels.',
    },
    {
      when: 'tensorrt',
      title: 'TensorRT library not found',
      message: 'The loader could not find {library:all}: TensorRT is not installed in this stage.',
      fix: 'Install TensorRT for this CUDA version (`apt-get install -y libnvinfer10` from the NVIDIA repo, or `pip install tensorrt`), or use an `nvcr.io/nvidia/tensorrt` base image.',
    },
    {
      when: 'opengl',
      title: 'OpenGL / GLib library not found (OpenCV)',
      message: 'The loader could not find {library:all}: `opencv-python` needs the system OpenGL and GLib libraries, which slim and CUDA images lack.',
      fix: 'Install them: `RUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0`, or use `opencv-python-headless` instead of `opencv-python`.',
    },
  ],
  enrich: 'cuda-version',
  docs: 'https://man7.org/linux/man-pages/man8/ld.so.8.html',
};
