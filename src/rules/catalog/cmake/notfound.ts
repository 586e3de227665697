// Any other `<VAR>-NOTFOUND`, and CMake's generate-time list of variables "used in this project,
// but … set to NOTFOUND". A NOTFOUND value printed in a status line of a build that goes on is
// a notice (optional features print them routinely); the generate-time list stops the build.
import type { RuleInput } from '../../schema.js';

export const notfound: RuleInput = {
  id: 'cmake/notfound',
  title: 'CMake variable set to NOTFOUND',
  severity: 'notice',
  match: [
    // `NVTX_LIB:FILEPATH=NVTX_LIB-NOTFOUND`, `-- cuDNN: CUDNN_LIBRARY-NOTFOUND` (CUPTI has its own rule)
    { literals: ['-NOTFOUND'], pattern: '\\b(?!\\w{0,200}(?:CUPTI|cupti)|CMAKE_CUDA_COMPILER-)(?<variable>[A-Za-z][A-Za-z0-9_]{0,200})-NOTFOUND' },
    // `CMake Error: The following variables are used in this project, but they are set to NOTFOUND.`
    { literals: ['are set to NOTFOUND'] },
    // that list's own lines, one variable each, so the evidence names them: FindCUDA's `CUDA_<lib>_LIBRARY` names
    // (`CUDA_cuda_LIBRARY`, RavenCommunity/kawpowminer#109) and any name CMake marks `(ADVANCED)` there
    // (`CUDA_cublas_device_LIBRARY (ADVANCED)`, ceccocats/tkDNN#181). A bare upper-case name (`CUDA_LIBRARY`) may be any
    // script's output: not matched. CUPTI's go to cmake/cupti-library-notfound.
    { literals: ['CUDA_'], pattern: '^(?<variable>CUDA_(?!cupti_)[a-z][a-z0-9_]{0,100}_LIBRARY)(?: \\(ADVANCED\\))?$' },
    { literals: [' (ADVANCED)'], pattern: '^(?!\\w{0,200}(?:CUPTI|cupti))(?<variable>[A-Za-z][A-Za-z0-9_]{0,200}) \\(ADVANCED\\)$' },
  ],
  context: [
    { name: 'generateError', literals: ['are set to NOTFOUND'] },
    // The generate-time list names each variable on a line of its own, then who uses it. Counted
    // as context, not as hits: a bare `SOME_PATH` line elsewhere in a step is no NOTFOUND.
    {
      name: 'listed',
      tally: true,
      literals: ['_LIBRARY', '_LIBRARIES', '_LIB', '_INCLUDE', '_DIR', '_PATH', '_EXECUTABLE', '_FILE'],
      pattern:
        '^(?<variable>[A-Za-z][A-Za-z0-9_]*(?:_LIBRARY|_LIBRARIES|_LIB|_INCLUDE_DIR|_INCLUDE_DIRS|_INCLUDE_PATH|_DIR|_PATH|_EXECUTABLE|_FILE))(?: \\(ADVANCED\\))?$',
    },
    { name: 'usedBy', tally: true, literals: ['linked by target "'], pattern: '^\\s{1,200}linked by target "(?<target>[^"]{1,200})"' },
    {
      // the same name: a target that links a variable and one that includes it are both users of it
      name: 'usedBy',
      tally: true,
      literals: ['used as include directory in'],
      pattern: '^\\s{1,200}used as include directory in (?:directory|target) "?(?<target>[^"\\s]{1,200})',
    },
    // TorchConfig.cmake's `static library kineto_LIBRARY-NOTFOUND not found.`: the pip / libtorch builds of torch link
    // kineto into libtorch and ship no separate library, and nothing links `kineto_LIBRARY`.
    { name: 'torchKineto', literals: ['kineto_LIBRARY-NOTFOUND'] },
  ],
  scope: 'step',
  specificity: 3,
  message: 'CMake left {variable:all} as NOTFOUND: a find_library / find_path / find_program found nothing.',
  fix: [
    'Install what provides the file in this stage (the `-dev` package for a library or header), or tell CMake where it is:',
    '`cmake -D{variable}=/full/path/to/the/file …`. To see where CMake searched, add `--debug-find-var={variable}` ' +
      '(CMake ≥ 3.23) or `-DCMAKE_FIND_DEBUG_MODE=ON`.',
  ].join('\n'),
  variants: [
    // the generate-time list: the fix names a variable the list names (the error line itself captures none)
    ...(['listed', ''] as const).map((listed) => ({
      when: listed ? 'generateError&listed' : 'generateError',
      severity: 'error' as const,
      title: 'CMake generate step failed: variables set to NOTFOUND',
      message:
        'CMake stopped because {context.listed.variable:all|variables} are set to NOTFOUND but used by ' +
        '{context.usedBy.target:all|targets of this project}: the configure step did not find them and nothing checked before they were used.',
      fix: [
        'Install what provides each file in this stage (the `-dev` package for a library or header), or tell CMake where it is:',
        listed
          ? '`cmake -D{context.listed.variable}=/full/path/to/the/file …`, one `-D` for each variable of the list. To see where CMake searched, add ' +
            '`--debug-find-var={context.listed.variable}` (CMake ≥ 3.23) or `-DCMAKE_FIND_DEBUG_MODE=ON`.'
          : '`cmake -D` followed by the variable\'s name (CMake lists each on a line of its own under the error), `=` and the full path of the file. ' +
            'To see where CMake searched, add `-DCMAKE_FIND_DEBUG_MODE=ON`.',
      ].join('\n'),
    })),
    {
      when: 'torchKineto',
      severity: 'notice',
      title: 'Harmless TorchConfig warning: kineto_LIBRARY-NOTFOUND',
      message:
        'CMake left {variable:all} as NOTFOUND. `kineto_LIBRARY` (TorchConfig.cmake\'s "static library kineto_LIBRARY-NOTFOUND ' +
        'not found" warning) is harmless: the torch wheels and libtorch link the kineto profiler into libtorch itself and ship ' +
        'no separate `libkineto`, and nothing links the variable. It is not why a build fails; any other name in the list is a ' +
        'find_library / find_path that found nothing.',
      fix: 'Nothing to fix. The warning comes from `find_package(Torch)`; look for the real error elsewhere in the step.',
    },
  ],
  docs: 'https://cmake.org/cmake/help/latest/command/find_library.html',
};
