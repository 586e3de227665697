// An arch list rejected before nvcc runs: torch.utils.cpp_extension's TORCH_CUDA_ARCH_LIST check,
// FindCUDA's CUDA_SELECT_NVCC_ARCH_FLAGS, CMake's CMAKE_CUDA_ARCHITECTURES validation.
// - torch: `_get_cuda_arch_flags` raises "Unknown CUDA arch (…) or GPU not supported" for an entry not in its
//   `supported_arches` list (plus `+PTX` forms and named arches such as `Ampere`), read in
//   torch/utils/cpp_extension.py of the torch 2.13.0 wheel on this machine; the list grows with torch releases.
//   `torch.cuda.get_arch_list()` is no way to read it in a build: it returns [] without a GPU.
// - CMake: CUDA_ARCHITECTURES takes numbers with optional -real / -virtual, or all, all-major (3.23), native
//   (3.24) (cmake --help-property CUDA_ARCHITECTURES, CMake 3.25 on this machine).
// - nvcc given a list in another notation: `Unsupported gpu architecture 'compute_80+PTX'` (`+PTX` is torch's
//   TORCH_CUDA_ARCH_LIST notation, not nvcc's or CMake's), `'compute_native'` (`native` passed on as a word: CMake
//   < 3.24 does not know it, CUDA_ARCHITECTURES docs "New in version 3.24"; nvcc's own form is `-arch=native`, nvcc 13
//   --help). No toolkit takes these, so they are not cuda/unsupported-arch. In CMake a plain number builds both
//   SASS and PTX (`86`), `-real` / `-virtual` only one (cmake --help-property CUDA_ARCHITECTURES).
// Where it ran: a `RUN` / `ENV` line only when the log shows an image build; elsewhere (a host shell, a container, or a
// log that does not say) the shell command, with where it goes in a Dockerfile, and `native` for a configure that sees the GPU.
// The suggested list comes from the `arch-lists` enricher: what the step asked for, kept where this
// build's toolkit accepts it, so no fix names an arch the same toolkit rejects.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { BUILD_GPU } from './build-gpu.js';

// nvcc's help lists the arches on old and new releases alike (`--list-gpu-arch` is not established on old ones; see cuda/unsupported-arch).
const NVCC_ARCHES = `nvcc --help | grep -o "'compute_[0-9]*[a-z]*'" | sort -u`;

/** Prints torch's own list without a GPU (the list is source code of cpp_extension.py). */
const TORCH_LIST =
  'grep -A3 "supported_arches = " "$(python3 -c \'import torch.utils.cpp_extension as c; print(c.__file__)\')"';

const TORCH_MESSAGE =
  'The arch list has an entry this PyTorch does not accept: {arch:all}. torch.utils.cpp_extension takes only the compute capabilities in ' +
  'its own `supported_arches` list (each optionally with `+PTX`, or names such as `Ampere`), and that list grows with each torch release; ' +
  'with TORCH_CUDA_ARCH_LIST unset, it takes the GPU\'s own arch. Each entry must also be an arch the CUDA toolkit compiles.';

const CMAKE_MESSAGE =
  'CMake rejected the CUDA architecture list: `CMAKE_CUDA_ARCHITECTURES` must be a `;`-separated list of numbers ' +
  '(each optionally `-real` / `-virtual`) or `all`, `all-major`, `native`; `sm_80` and `8.0` are not accepted, and an empty value is an error.';

const PTX_MESSAGE =
  'nvcc was given {arch:all}: `+PTX` is PyTorch\'s TORCH_CUDA_ARCH_LIST notation, which nvcc and CMake do not read, so a list written for torch ' +
  '(or a detected one in torch\'s form) reached CMAKE_CUDA_ARCHITECTURES or the nvcc flags. No CUDA version takes it.';

const NATIVE_MESSAGE =
  'nvcc was given {arch:all}: the word `native` reached it as if it were an architecture. CMake 3.24+ turns CMAKE_CUDA_ARCHITECTURES=native into the ' +
  'GPU of the machine that builds; an older CMake passes the word on. No CUDA version takes it.';

const PTX_FIX = [
  'Give CMake numbers: a plain number builds both the machine code and the PTX of that arch, which is what `+PTX` asked for:',
  '',
  '```sh',
  'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="{context.ptx.cap}"',
  '```',
  '',
  '(`-real` / `-virtual` after a number keep only one of the two). For plain nvcc flags: `-gencode arch=compute_{context.ptx.cap},code=[sm_{context.ptx.cap},compute_{context.ptx.cap}]`. ' +
    'Find where the `+PTX` list comes from: a TORCH_CUDA_ARCH_LIST value reused for CMake, or a project script that reads the GPU and writes torch\'s form.',
].join('\n');

const NATIVE_FIX = [
  'Name the architectures as numbers, quoted (an unquoted `;` ends the shell command in a `RUN` line): `nvcc --list-gpu-arch` lists what this toolkit compiles (`compute_86` → `86`):',
  '',
  '```sh',
  'cmake --version',
  'nvcc --list-gpu-arch',
  'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="86"',
  '```',
  '',
  '(`86`: RTX 30 / A10, one example of a listed arch). `native` works only with CMake ≥ 3.24 and a GPU in the step that configures (a `docker build` step has none by default).',
].join('\n');

/** nvcc given torch's `+PTX` notation or the word `native`: what the right notation is. */
function notationVariants(): Variant[] {
  return [
    { when: 'ptx', title: "Arch list in PyTorch's notation given to nvcc", message: PTX_MESSAGE, fix: PTX_FIX },
    { when: 'native', title: '`native` given to nvcc as an architecture', message: NATIVE_MESSAGE, fix: NATIVE_FIX },
  ];
}

/** In a Dockerfile, where the same command goes and why `native` does not fit there: for a fix written for a shell. */
const IN_DOCKERFILE_CMAKE =
  'In a Dockerfile, the same command in the `RUN` line that configures, quoted (an unquoted `;` ends the shell command), and not `native`: a `docker build` step sees no GPU by default.';

/** `native` where the configure sees the GPU: CMake ≥ 3.24 builds for the GPUs of the machine (CUDA_ARCHITECTURES docs). */
const NATIVE_ON_HOST = 'In a shell on the machine with the GPU, `native` (CMake ≥ 3.24) builds for that GPU.';

/** An arch outside one of the two lists: no example value, which could be the very arch this torch just rejected. */
const OUTSIDE_BOTH = "an arch missing from torch's list needs another torch release, one missing from nvcc's another CUDA release.";

/** The default fix, torch's list, the CUDA version unknown: print both lists where the extension is built. */
function torchUnknownFix(where: 'image' | 'either'): string {
  const lead =
    where === 'image'
      ? 'The log does not show the CUDA version, so the arches to keep are unknown here. In the build stage, print what the toolkit compiles and what this torch accepts:'
      : 'The log does not show the CUDA version, so the arches to keep are unknown here. Where the extension is built (the shell or container that runs the install, or the Dockerfile stage), print what the toolkit compiles and what this torch accepts:';
  const set =
    where === 'image'
      ? 'and set TORCH_CUDA_ARCH_LIST (`ENV` before the `RUN` that builds) to entries in both lists (`compute_86` → `8.6`); ' + OUTSIDE_BOTH
      : 'and set TORCH_CUDA_ARCH_LIST to entries in both lists (`compute_86` → `8.6`) where the build runs: `export` in the shell before the install, ' +
        '`ENV` before the `RUN` that builds in a Dockerfile; ' + OUTSIDE_BOTH;
  return [lead, '', '```sh', 'nvcc --list-gpu-arch', TORCH_LIST, '```', '', set].join('\n');
}

/** torch's list with the CUDA version known: the entries it compiles, in a Dockerfile `ENV` or a shell `export`. */
function torchKnownFix(where: 'image' | 'either'): string {
  const setting =
    where === 'image'
      ? ['```dockerfile', 'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"', '```']
      : [
          '```sh',
          'export TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
          '```',
          '',
          'in the shell (or container) that builds the extension, then run the install again there; in a Dockerfile, `ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"` before the step that builds it.',
        ];
  return [
    'Keep the entries CUDA {enrich.archCuda} compiles; here, {enrich.archListBasis}:',
    '',
    ...setting,
    '',
    `${where === 'image' ? 'and drop' : 'Drop'} any this torch does not accept: its list is in its source, readable without a GPU:`,
    '',
    '```sh',
    TORCH_LIST,
    '```',
    '',
    'A GPU newer than that list needs a newer torch.',
  ].join('\n');
}

// An arch newer than the torch in use (torch-extension-arches.ts: the first release that lists it): two ways out, a
// torch that lists it, or a list without it ending in an arch this torch lists, with `+PTX`. The torch and CUDA come
// from the log's facts or the reporter's words ("with cuda 11.8 and pytorch 1.12.1", NVIDIA/apex#1527).
const TORCH_SEEN_MESSAGE =
  'The arch list asks for {enrich.torchArch}, which torch {enrich.torchSeen} does not know: torch.utils.cpp_extension accepts only the arches ' +
  'in its own list, and the first torch release that lists {enrich.torchArch} is {enrich.torchFirst}. {enrich.torchCudaNote|}';
const TORCH_FIRST_MESSAGE =
  'The arch list asks for {enrich.torchArch}, which this torch does not know: torch.utils.cpp_extension accepts only the arches in its own ' +
  'list, and the first torch release that lists {enrich.torchArch} is {enrich.torchFirst} ({enrich.torchRejectedBy} rejects it). With ' +
  'TORCH_CUDA_ARCH_LIST unset, the list is the GPU\'s own arch. {enrich.torchCudaNote|}';

function torchArchFix(keep: boolean, upgrade: boolean, image: boolean): string {
  const block = (line: string): string[] => (image ? ['```dockerfile', line, '```'] : ['```sh', line, '```']);
  const setList = (value: string): string => (image ? `ENV TORCH_CUDA_ARCH_LIST="${value}"` : `export TORCH_CUDA_ARCH_LIST="${value}"`);
  const install = (cmd: string): string => (image ? `RUN ${cmd}` : cmd);
  const first = upgrade
    ? ['Either move to torch {enrich.torchFirst} or newer, built for CUDA {enrich.torchCuda}, and build the extension again against it:', '', ...block(install('{enrich.torchUpgrade}'))]
    : ['Either move to torch {enrich.torchFirst} or newer (a build for the CUDA release of your toolkit) and build the extension again against it.'];
  const second = keep
    ? [
        'Or keep torch {enrich.torchSeen} and leave {enrich.torchArch} out: end the list with {enrich.torchKeep}, an arch every torch since 1.7.0 lists. ' +
          'The driver JIT-compiles that PTX on GPUs of arch {enrich.torchArch} (a slower first start, none of the newer arch\'s own instructions):',
        '',
        ...block(setList('{enrich.torchKeep}')),
      ]
    : [
        'Or keep this torch and leave {enrich.torchArch} out. Print its version, its list and what nvcc compiles, without a GPU:',
        '',
        '```sh',
        "python3 -c 'import torch; print(torch.__version__)'",
        TORCH_LIST,
        NVCC_ARCHES,
        '```',
        '',
        'and set TORCH_CUDA_ARCH_LIST ' + (image ? '(`ENV` before the `RUN` that builds) ' : '(in the shell that builds) ') +
          'to the newest entry in both lists (`compute_75` → `7.5`), with `+PTX`: the driver JIT-compiles that PTX on GPUs of arch ' +
          '{enrich.torchArch}. Set it even if it is unset now: unset, torch takes the arch of the GPU it sees.',
      ];
  return [...first, '', ...second].join('\n');
}

/** seen (the log's torch) × keep (an arch it lists) × upgrade (a wheel command) × image build. */
function torchArchVariants(): Variant[] {
  const out: Variant[] = [];
  for (const seen of [true, false]) {
    for (const keep of seen ? [true, false] : [false]) {
      for (const upgrade of [true, false]) {
        for (const image of [true, false]) {
          const when = [
            'torchUnknown',
            seen ? 'enrich.torchSeen' : 'enrich.torchFirst',
            ...(keep ? ['enrich.torchKeep'] : []),
            ...(upgrade ? ['enrich.torchUpgrade'] : []),
            ...(image ? ['fact.place=image-build'] : []),
          ].join('&');
          out.push({ when, message: seen ? TORCH_SEEN_MESSAGE : TORCH_FIRST_MESSAGE, fix: torchArchFix(keep, upgrade, image) });
        }
      }
    }
  }
  return out;
}

export const invalidArchList: RuleInput = {
  id: 'cuda/invalid-arch-list',
  title: 'CUDA architecture list rejected',
  severity: 'error',
  match: [
    // torch: `ValueError: Unknown CUDA arch (8.9) or GPU not supported`
    { literals: ['Unknown CUDA arch ('], pattern: 'Unknown CUDA arch \\((?<arch>[^(){}]{1,200})\\) or GPU not supported' },
    // FindCUDA/select_compute_arch.cmake
    { literals: ['Unknown CUDA Architecture Name'], pattern: 'Unknown CUDA Architecture Name (?<arch>\\S{1,200})' },
    // CMake: `CMAKE_CUDA_ARCHITECTURES must be non-empty if set.`, `CUDA_ARCHITECTURES is empty for target "cmTC_…".`
    { literals: ['CUDA_ARCHITECTURES must be non-empty', 'CUDA_ARCHITECTURES is empty for target'] },
    // CMake: `  CMAKE_CUDA_ARCHITECTURES:` … `  is not one of the following:`
    { literals: ['CUDA_ARCHITECTURES:'], pattern: '^\\s{0,200}CMAKE_CUDA_ARCHITECTURES:$' },
    // nvcc: `nvcc fatal   : Unsupported gpu architecture 'compute_86+PTX'` / `'compute_native'`
    {
      literals: ['Unsupported gpu architecture', 'is not defined for option'],
      pattern: "(?:Unsupported gpu architecture|Value) '(?<arch>(?:compute|sm)_(?:\\d{1,3}[a-z]?\\+PTX|native|all|all-major))'",
    },
  ],
  context: [
    // torch's own error, not FindCUDA's `Unknown CUDA Architecture Name` for the same number
    { name: 'torchUnknown', literals: ['Unknown CUDA arch ('] },
    // the reporter's words: `When building apex with cuda 11.8 and pytorch 1.12.1` (NVIDIA/apex#1527)
    { name: 'torchSaid', literals: ['torch'], pattern: '\\b(?:[Pp]y[Tt]orch|torch)(?:==|\\s{1,2}v?)(?<v>\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,2})?)(?![\\d.]\\d)' },
    { name: 'cudaSaid', literals: ['cuda', 'CUDA', 'Cuda'], pattern: '\\b(?:CUDA|[Cc]uda)[ -]?v?(?<v>\\d{1,2}\\.\\d{1,2})(?:\\.\\d{1,3})?(?!\\d|\\.\\d)' },
    { name: 'ptx', literals: ['+PTX'], pattern: "architecture '(?:compute|sm)_(?<cap>\\d{1,3})[a-z]?\\+PTX'" },
    { name: 'native', literals: ["_native'"], pattern: "architecture '(?:compute|sm)_native'" },
    { name: 'cmake', literals: ['CUDA_ARCHITECTURES'] },
    // the list as the instruction sets it: `ENV TORCH_CUDA_ARCH_LIST="3.0;5.0"`, `TORCH_CUDA_ARCH_LIST=8.9 pip install …`
    {
      name: 'torchList',
      source: 'instruction',
      literals: ['TORCH_CUDA_ARCH_LIST'],
      pattern: 'TORCH_CUDA_ARCH_LIST=["\']?(?<list>[0-9][0-9.;+ A-Za-z]{0,200})',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: TORCH_MESSAGE,
  fix: torchUnknownFix('either'),
  variants: [
    ...notationVariants(),
    ...torchArchVariants(),
    {
      when: 'cmake&fact.cuda&fact.place=image-build',
      title: 'CMAKE_CUDA_ARCHITECTURES rejected',
      message: CMAKE_MESSAGE,
      fix: [
        'Write numbers CMake takes and CUDA {enrich.archCuda} compiles, quoted (an unquoted `;` ends the shell command in a `RUN` line); here, {enrich.archListBasis}:',
        '',
        '```dockerfile',
        'RUN cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"',
        '```',
        '',
        `Or \`all-major\` (CMake ≥ 3.23). Avoid \`native\`. ${BUILD_GPU}`,
      ].join('\n'),
    },
    {
      // where the log does not show an image build: the command for a shell, and where it goes in a Dockerfile
      when: 'cmake&fact.cuda',
      title: 'CMAKE_CUDA_ARCHITECTURES rejected',
      message: CMAKE_MESSAGE,
      fix: [
        'Write numbers CMake takes and CUDA {enrich.archCuda} compiles; here, {enrich.archListBasis}:',
        '',
        '```sh',
        'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"',
        '```',
        '',
        `Or \`all-major\` (CMake ≥ 3.23). ${NATIVE_ON_HOST} ${IN_DOCKERFILE_CMAKE}`,
      ].join('\n'),
    },
    {
      when: 'cmake&fact.place=image-build',
      title: 'CMAKE_CUDA_ARCHITECTURES rejected',
      message: CMAKE_MESSAGE,
      fix: [
        'The log does not show the CUDA version. List what its nvcc compiles in the build stage (`nvcc --list-gpu-arch`: `compute_86` → `86`) and pass those numbers, quoted:',
        '',
        '```dockerfile',
        'RUN nvcc --list-gpu-arch && cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="86"',
        '```',
        '',
        `(\`86\` as one example of a listed arch), or \`all-major\` (CMake ≥ 3.23). Avoid \`native\`. ${BUILD_GPU}`,
      ].join('\n'),
    },
    {
      when: 'cmake',
      title: 'CMAKE_CUDA_ARCHITECTURES rejected',
      message: CMAKE_MESSAGE,
      fix: [
        'The log does not show the CUDA version. List what its nvcc compiles where the configure runs (`nvcc --list-gpu-arch`: `compute_86` → `86`) and pass those numbers, quoted:',
        '',
        '```sh',
        'nvcc --list-gpu-arch',
        'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="86"',
        '```',
        '',
        `(\`86\` as one example of a listed arch), or \`all-major\` (CMake ≥ 3.23). ${NATIVE_ON_HOST} ${IN_DOCKERFILE_CMAKE}`,
      ].join('\n'),
    },
    { when: 'fact.cuda&fact.place=image-build', fix: torchKnownFix('image') },
    { when: 'fact.cuda', fix: torchKnownFix('either') },
    { when: 'fact.place=image-build', fix: torchUnknownFix('image') },
  ],
  enrich: ['cuda-version', 'arch-lists', 'torch-known-arch'],
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
