// A package that `find_package(… REQUIRED)` could not find. The optional form (`-- Could NOT find
// X (missing: …)` status lines, "CMake Warning … Could not find a package configuration file") is
// benign by design: a project that goes on without X said X was optional, so this rule only
// speaks in a step that failed, and CUDA itself is left to `cuda/toolkit-not-found`.
import type { RuleInput } from '../../schema.js';

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
    // CMake 2.8 / 3.0: `Could not find module FindTorch.cmake or a configuration file for package Torch.`
    { literals: ['Could not find module Find'], pattern: 'Could not find module Find(?<package>[A-Za-z0-9_]{1,200})\\.cmake' },
  ],
  context: [
    { name: 'torch', literals: ['"Torch"', 'package Torch', 'find Torch', 'FindTorch'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: 'CMake could not find {package:all}, which the project requires (`find_package(… REQUIRED)`); the configure step stopped there.',
  fix: [
    'Install the package (its development files) in this stage, or point CMake at an install of it:',
    '`cmake -DCMAKE_PREFIX_PATH=/opt/{package} …` or `-D{package}_DIR=/path/containing/{package}Config.cmake`.',
  ].join('\n'),
  variants: [
    {
      when: 'torch',
      title: 'CMake could not find Torch (TorchConfig.cmake)',
      message:
        'CMake could not find Torch: `TorchConfig.cmake` ships inside the torch Python package (or libtorch), which is ' +
        'not on CMake\'s search path.',
      fix: [
        'Point CMake at the torch installed in this stage:',
        '',
        '```dockerfile',
        'RUN cmake -S . -B build -DCMAKE_PREFIX_PATH="$(python3 -c \'import torch; print(torch.utils.cmake_prefix_path)\')"',
        '```',
        '',
        'and install torch before this step (in the same stage), or download libtorch and use `-DCMAKE_PREFIX_PATH=/opt/libtorch`.',
      ].join('\n'),
    },
  ],
  docs: 'https://cmake.org/cmake/help/latest/command/find_package.html',
};
