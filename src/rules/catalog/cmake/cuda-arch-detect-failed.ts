// `CMake Error at …/CMakeDetermineCUDACompiler.cmake:603 (message): Failed to detect a default CUDA
// architecture.` (CMake 3.18 and later: policy CMP0104, `cmake --help-policy CMP0104`). With
// CMAKE_CUDA_ARCHITECTURES unset, CMake takes the default from the `-arch compute_XX` that nvcc prints
// while compiling CMake's compiler-identification file (CMakeDetermineCUDACompiler.cmake l.585-605 in
// CMake 3.25 on this machine); no GPU is involved. The message comes when that output had none, and in
// every corpus sample it follows `The CUDA compiler identification is unknown` with an empty
// `Compiler output:`: the program CMake ran as the CUDA compiler produced nothing (wrong or stale
// CMAKE_CUDA_COMPILER, nvcc not the toolkit's, a toolkit update that moved it: quokka-astro/quokka#706
// "a CUDA 12.6 path issue"; NVIDIA/GPUStressTest#11 "CMAKE_CUDA_COMPILER need to change to my cuda toolkit
// install path"; laugh12321/TensorRT-YOLO#47: `-DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc`).
// Reproduced here (CMake 3.25.1): `-DCMAKE_CUDA_COMPILER=<a program that prints nothing>` gives exactly
// this error; adding `-DCMAKE_CUDA_ARCHITECTURES=75` then fails later (CMakeTestCUDACompiler), so an arch
// list alone does not fix an unidentified compiler (also NVlabs/instant-ngp#707). CMAKE_CUDA_COMPILER is a
// cache variable and CUDACXX its environment variable (same module, l.18-28): a fresh build directory
// is needed after changing it. The arch list for a known CUDA comes from the arch-lists enricher.
// llama-cpp-python builds llama.cpp through pip (its sdist vendors it under vendor/llama.cpp): the compiler goes on the
// pip command, `CUDACXX=…` in its environment (CMake's variable for the CUDA compiler, read at the first configure; pip
// configures in a fresh temporary directory each time) and `-DCMAKE_CUDA_COMPILER=…` in CMAKE_ARGS (abetlen/llama-cpp-python#880,
// the maintainer agreeing to document it). Its releases built with scikit-build (`skbuild` in the traceback) are those
// before 0.2.0, which "Migrated to scikit-build-core" (CHANGELOG), and took `-DLLAMA_CUBLAS=on` with `FORCE_CMAKE=1` (its README then);
// current releases take `-DGGML_CUDA=on` (LLAMA_CPP_CUDA_OPTION). `--no-cache-dir` rebuilds rather than reusing a built wheel.
import type { RuleInput } from '../../schema.js';
import { LLAMA_CPP_CUDA_OPTION } from '../cuda/nvcc-host-flag-rejected.js';

const CHECK = [
  '```sh',
  'command -v nvcc; nvcc --version',
  'ls -l /usr/local/cuda/bin/nvcc',
  '```',
];

const CONFIGURE = [
  '```sh',
  'rm -rf build',
  'cmake -S . -B build -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc',
  '```',
];

function fix(image: boolean, archKnown: boolean): string {
  const lines = [
    'Make CMake run the toolkit\'s nvcc. Check which nvcc the build finds and that it runs:',
    '',
    ...CHECK,
    '',
    'Then configure in a fresh build directory (the compiler path is cached in CMakeCache.txt) with the compiler named:',
    '',
    ...CONFIGURE,
  ];
  if (image) {
    lines.push('', 'In the Dockerfile, before the configure step: `ENV CUDACXX=/usr/local/cuda/bin/nvcc PATH=/usr/local/cuda/bin:${PATH}`.');
  }
  lines.push(
    '',
    archKnown
      ? 'Once CMake identifies nvcc, you can also name the architectures instead of relying on its default (CUDA {enrich.archCuda} ' +
          'accepts these): `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"`. On its own that does not fix an unidentified compiler.'
      : 'Naming the architectures (`-DCMAKE_CUDA_ARCHITECTURES`, values `nvcc --list-gpu-arch` accepts) only helps once CMake ' +
          'identifies nvcc; on its own it moves the failure to the next check.',
  );
  return lines.join('\n');
}

const NVCC = '/usr/local/cuda/bin/nvcc';

/** The pip command of a llama-cpp-python build with the toolkit's nvcc named, in a shell or a Dockerfile `RUN`. */
function llamaCppPythonFix(image: boolean, skbuild: boolean): string {
  const pip = `CUDACXX=${NVCC} CMAKE_ARGS="-DGGML_CUDA=on -DCMAKE_CUDA_COMPILER=${NVCC}" pip install --no-cache-dir --force-reinstall llama-cpp-python`;
  return [
    'Make CMake run the toolkit\'s nvcc, on the pip command that builds llama-cpp-python (pip configures CMake itself, in a fresh directory each time). ' +
      `Check that the toolkit's nvcc is there and runs (NVIDIA's packages install it as \`${NVCC}\`; \`ls /usr/local/cuda*/bin/nvcc\` lists every toolkit):`,
    '',
    ...CHECK,
    '',
    image ? 'Then name it on the install, in the Dockerfile:' : 'Then name it on the install:',
    '',
    image ? '```dockerfile' : '```sh',
    image ? `RUN ${pip}` : pip,
    '```',
    '',
    LLAMA_CPP_CUDA_OPTION +
      (skbuild
        ? ' This log\'s build is such an old release (scikit-build, `skbuild` in the traceback): unpinned, the command above installs the current one; ' +
          'to keep a pinned old release, give it `CMAKE_ARGS="-DLLAMA_CUBLAS=on -DCMAKE_CUDA_COMPILER=' + NVCC + '" FORCE_CMAKE=1` instead.'
        : ''),
  ].join('\n');
}

const IDENT_UNKNOWN =
  'CMake takes the default CUDA architecture from what the CUDA compiler prints while compiling CMake\'s identification ' +
  'file, and it could not even identify that compiler (`The CUDA compiler identification is unknown`): the program CMake ran ' +
  'as the CUDA compiler is not a working nvcc of the toolkit (a wrong or stale `CMAKE_CUDA_COMPILER`, or an nvcc on PATH ' +
  'that is not the installed toolkit\'s). A missing GPU does not cause this.';

export const cudaArchDetectFailed: RuleInput = {
  id: 'cmake/cuda-arch-detect-failed',
  title: 'CMake could not detect a default CUDA architecture (CUDA compiler not identified)',
  severity: 'error',
  match: [{ literals: ['Failed to detect a default CUDA architecture'] }],
  context: [
    { name: 'identUnknown', literals: ['The CUDA compiler identification is unknown'] },
    // llama-cpp-python's pip build (its sdist vendors llama.cpp), and the scikit-build of its old releases
    { name: 'llamaCppPython', literals: ['vendor/llama.cpp', 'llama-cpp-python', 'llama_cpp_python'] },
    { name: 'skbuild', literals: ['skbuild/'] },
    { name: 'identified', literals: ['The CUDA compiler identification is '], pattern: 'The CUDA compiler identification is (?<compiler>NVIDIA|Clang) (?<version>[\\d.]{1,20})' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'CMake takes the default CUDA architecture from what the CUDA compiler prints while compiling CMake\'s identification ' +
    'file, and found none there. Most often the program CMake ran as the CUDA compiler is not a working nvcc of the toolkit ' +
    '(a wrong or stale `CMAKE_CUDA_COMPILER`, or an nvcc on PATH that is not the installed toolkit\'s). A missing GPU does ' +
    'not cause this.',
  fix: fix(false, false),
  variants: [
    { when: 'llamaCppPython&fact.place=image-build', fix: llamaCppPythonFix(true, false) },
    { when: 'llamaCppPython&skbuild', fix: llamaCppPythonFix(false, true) },
    { when: 'llamaCppPython', fix: llamaCppPythonFix(false, false) },
    {
      when: 'identUnknown&fact.place=image-build&fact.cuda',
      message: IDENT_UNKNOWN,
      fix: fix(true, true),
    },
    { when: 'identUnknown&fact.place=image-build', message: IDENT_UNKNOWN, fix: fix(true, false) },
    { when: 'identUnknown&fact.cuda', message: IDENT_UNKNOWN, fix: fix(false, true) },
    { when: 'identUnknown', message: IDENT_UNKNOWN },
    {
      when: 'identified&fact.cuda',
      message:
        'CMake identified the CUDA compiler ({context.identified.compiler} {context.identified.version}) but found no default ' +
        'architecture in its output, so it has none to build for. This happens when the compiler is reached through a wrapper ' +
        'or with flags that hide nvcc\'s own `-arch` choice.',
      fix:
        'Name the architectures the project should build for: `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"` (CUDA ' +
        '{enrich.archCuda} accepts these; `nvcc --list-gpu-arch` lists them all), or `native` (CMake ≥ 3.24) when the ' +
        'configure machine has the target GPU.',
    },
    {
      when: 'identified',
      message:
        'CMake identified the CUDA compiler ({context.identified.compiler} {context.identified.version}) but found no default ' +
        'architecture in its output, so it has none to build for. This happens when the compiler is reached through a wrapper ' +
        'or with flags that hide nvcc\'s own `-arch` choice.',
      fix:
        'Name the architectures the project should build for with `-DCMAKE_CUDA_ARCHITECTURES="…"`: the numbers `nvcc ' +
        '--list-gpu-arch` prints (`compute_86` → `86`) for the GPUs you deploy to, separated by `;`, or `native` (CMake ≥ 3.24) ' +
        'when the configure machine has the target GPU.',
    },
    { when: 'fact.place=image-build&fact.cuda', fix: fix(true, true) },
    { when: 'fact.place=image-build', fix: fix(true, false) },
    { when: 'fact.cuda', fix: fix(false, true) },
  ],
  enrich: 'arch-lists',
  docs: 'https://cmake.org/cmake/help/latest/policy/CMP0104.html',
};
