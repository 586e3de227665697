// A package that `find_package(… REQUIRED)` could not find. The optional form (`-- Could NOT find
// X (missing: …)` status lines, "CMake Warning … Could not find a package configuration file") is
// benign by design: a project that goes on without X said X was optional, so this rule only
// speaks in a step that failed, and CUDA itself is left to `cuda/toolkit-not-found`.
import type { RuleInput } from '../../schema.js';

// Config mode: find_package looks for `<Name>Config.cmake` / `<lower-case name>-config.cmake` under CMAKE_PREFIX_PATH and the
// system prefixes, or in `<Name>_DIR` (CMake's own hint in the error; find_package's "Config Mode Search Procedure").
// `-iname` matches both spellings of the file.
const CONFIG_FIND = ['```sh', "find / -xdev \\( -iname '{package}Config.cmake' -o -iname '{package}-config.cmake' \\) 2>/dev/null", '```'].join('\n');

const CONFIG_MESSAGE =
  'CMake could not find {package:all}, which the project requires (`find_package(… REQUIRED)`): no `{package}Config.cmake` in CMAKE_PREFIX_PATH ' +
  'or the system prefixes, so the configure step stopped there.';

const CONFIG_FIX = [
  'Install the package that provides it in this stage (the error names its config files), or find an install of it:',
  '',
  CONFIG_FIND,
  '',
  'and point CMake at the directory `find` printed: `cmake -D{package}_DIR=` followed by that directory (or add its install prefix to `CMAKE_PREFIX_PATH`).',
].join('\n');

const TORCH_TITLE = 'CMake could not find Torch (TorchConfig.cmake)';
const TORCH_MESSAGE =
  'CMake could not find Torch: `TorchConfig.cmake` ships inside the torch Python package (or libtorch), which is ' +
  'not on CMake\'s search path.';

// torch.utils.cmake_prefix_path is `<site-packages>/torch/share/cmake` (torch/utils/__init__.py), the prefix that holds
// Torch/TorchConfig.cmake; PyTorch's "Installing C++ Distributions of PyTorch" page configures against libtorch with
// `cmake -DCMAKE_PREFIX_PATH=/absolute/path/to/libtorch ..`.
const TORCH_PREFIX = `-DCMAKE_PREFIX_PATH="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"`;

const TORCH_IMAGE_FIX = [
  'Point CMake at the torch installed in this stage:',
  '',
  '```dockerfile',
  `RUN cmake -S . -B build ${TORCH_PREFIX}`,
  '```',
  '',
  'and install torch before this step (in the same stage), or download libtorch and use `-DCMAKE_PREFIX_PATH=/opt/libtorch`.',
].join('\n');

const TORCH_EITHER_FIX = [
  'Point CMake at a torch install. In a shell (or a container\'s shell), activate the virtual environment or conda environment ' +
    'that has torch first (`python3 -c "import torch"` must work there), then configure with its prefix:',
  '',
  '```sh',
  `cmake -S . -B build ${TORCH_PREFIX}`,
  '```',
  '',
  'With libtorch instead (the C++ download), pass its absolute path: `-DCMAKE_PREFIX_PATH=/absolute/path/to/libtorch`. ' +
    'In a Dockerfile, the same command in the `RUN` that configures, after the step that installs torch in that stage.',
].join('\n');

export const packageNotFound: RuleInput = {
  id: 'cmake/package-not-found',
  title: 'CMake package not found',
  severity: 'error',
  match: [
    // FindPackageHandleStandardArgs, REQUIRED: indented under `CMake Error at …`, no `-- ` prefix
    {
      literals: ['Could NOT find'],
      pattern: '^\\s{1,200}Could NOT find (?!CUDA(?:Toolkit)?\\b)(?<package>[A-Za-z0-9_.+-]{1,200})(?: \\(missing: (?<missing>[^)]{0,200})\\))?',
    },
    // config mode: `Could not find a package configuration file provided by "Torch" with any of`
    { literals: ['Could not find a package configuration file provided by'], pattern: 'provided by "(?<package>[^"]{1,200})"' },
    // version mismatch: `Could not find a configuration file for package "Torch" that is compatible with requested version "2.1".`
    {
      literals: ['Could not find a configuration file for package'],
      pattern: 'for package "(?<package>[^"]{1,200})" that is compatible with requested version "(?<version>[^"]{0,200})"',
    },
    // the same block with the name wrapped to the next line (`Could not find a package configuration file provided by` /
    // `"ROCmCMakeBuildTools" (requested version 0.7.3) with any of …`, ROCm/rccl-tests#122): its hint names it on one line
    {
      literals: ['Add the installation prefix of "'],
      pattern: 'Add the installation prefix of "(?<package>[^"]{1,200})" to CMAKE_PREFIX_PATH',
    },
    // CMake 2.8 / 3.0: `Could not find module FindTorch.cmake or a configuration file for package Torch.`
    { literals: ['Could not find module Find'], pattern: 'Could not find module Find(?<package>[A-Za-z0-9_]{1,200})\\.cmake' },
  ],
  context: [
    { name: 'torch', literals: ['"Torch"', 'package Torch', 'find Torch', 'FindTorch'] },
    // find_package without REQUIRED prints the same block under `CMake Warning at CMakeLists.txt:13 (find_package):`
    // and goes on (Xilinx/KRS#58); REQUIRED prints it under `CMake Error at …` and stops
    { name: 'optional', literals: ['CMake Warning at '], pattern: 'CMake Warning at \\S{1,300} \\(find_package\\):' },
    { name: 'failed', literals: ['CMake Error at '], pattern: 'CMake Error at \\S{1,300} \\((?:find_package|message)\\):' },
    // config mode (a `<Name>Config.cmake` file), and the version it asked for: `"ROCmCMakeBuildTools" (requested version 0.7.3)`
    { name: 'configMode', literals: ['package configuration file', 'configuration file for package'] },
    { name: 'requested', literals: ['(requested version '], pattern: '\\(requested version (?<version>[^)\\s]{1,40})\\)' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: 'CMake could not find {package:all}, which the project requires (`find_package(… REQUIRED)`); the configure step stopped there.',
  fix: [
    'Install the package (its development files) in this stage, or point CMake at an install of it:',
    '`cmake -DCMAKE_PREFIX_PATH=` followed by the prefix it is installed under (the directory that holds its `include` and `lib`).',
  ].join('\n'),
  variants: [
    {
      when: 'optional&!failed',
      severity: 'notice',
      title: 'Optional CMake package not found',
      message:
        'CMake did not find {package:all}. The project asked for it without REQUIRED (CMake printed the block as a warning), so the configure ' +
        'step went on without it: it matters only if the build needs what that package provides.',
      fix: [
        'If the build needs it, install it in this stage, or find an install of it and point CMake at it:',
        '',
        CONFIG_FIND,
        '',
        'then `cmake -D{package}_DIR=` followed by the directory `find` printed.',
      ].join('\n'),
    },
    // a `RUN` line only where the configure ran in an image build
    { when: 'torch&fact.place=image-build', title: TORCH_TITLE, message: TORCH_MESSAGE, fix: TORCH_IMAGE_FIX },
    // where the log does not say (a configure pasted from a terminal, most often): both ways, each named by its place
    { when: 'torch&!fact.place', title: TORCH_TITLE, message: TORCH_MESSAGE, fix: TORCH_EITHER_FIX },
    {
      when: 'configMode&requested',
      message: CONFIG_MESSAGE + ' It asked for version {context.requested.version} or a compatible one.',
      fix: CONFIG_FIX,
    },
    { when: 'configMode', message: CONFIG_MESSAGE, fix: CONFIG_FIX },
  ],
  // after the Torch variant: a config-mode search, found by the file names CMake itself printed (`<Name>Config.cmake`, `<name>-config.cmake`)
  docs: 'https://cmake.org/cmake/help/latest/command/find_package.html',
};
