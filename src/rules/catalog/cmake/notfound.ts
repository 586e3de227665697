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
    // as context, not as hits: a bare `SOME_PATH` line elsewhere in a step is no NOTFOUND. CUPTI's
    // entries are left out: cmake/cupti-library-notfound explains them.
    {
      name: 'listed',
      tally: true,
      literals: ['_LIBRARY', '_LIBRARIES', '_LIB', '_INCLUDE', '_DIR', '_PATH', '_EXECUTABLE', '_FILE'],
      pattern:
        '^(?!\\w{0,200}(?:CUPTI|cupti))(?<variable>[A-Za-z][A-Za-z0-9_]*(?:_LIBRARY|_LIBRARIES|_LIB|_INCLUDE_DIR|_INCLUDE_DIRS|_INCLUDE_PATH|_DIR|_PATH|_EXECUTABLE|_FILE))(?: \\(ADVANCED\\))?$',
    },
    // an entry CMake marks `(ADVANCED)`, whatever its name ends with
    { name: 'listed', tally: true, literals: [' (ADVANCED)'], pattern: '^(?!\\w{0,200}(?:CUPTI|cupti))(?<variable>[A-Za-z][A-Za-z0-9_]{0,200}) \\(ADVANCED\\)$' },
    // CUPTI's library in that list (`CUDA_CUPTI_LIBRARY`, `CUDA_cupti_LIBRARY (ADVANCED)`): when the list names it
    // alone, cmake/cupti-library-notfound explains why CMake stopped, and this rule says nothing of the list
    { name: 'cuptiListed', literals: ['CUPTI_LIB', 'cupti_LIB'], pattern: '^[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200}(?: \\(ADVANCED\\))?$' },
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
  // Nothing of its own when the only NOTFOUND variable is CUPTI's library, named alone in the generate-time list
  // (the list's error line is then all this rule matched): cmake/cupti-library-notfound tells that story.
  enrich: 'cmake-notfound',
  when: 'enrich.ownVariables',
  variants: [
    // the list names CUPTI's library alone, yet another variable came out NOTFOUND in a status line
    // (mit-han-lab/inter-operator-scheduler#2: `CUDA_NVRTC_LIBRARY-NOTFOUND`): no target links or includes it
    {
      when: 'enrich.cuptiOnlyList',
      severity: 'notice',
      title: 'CMake variable set to NOTFOUND, used by no target',
      message:
        'CMake also left {variable:all} as NOTFOUND. It is not why CMake stopped: the generate-time list of NOTFOUND ' +
        'variables that targets link or include names only CUPTI\'s library, explained on its own.',
      fix:
        'Only if a feature of this project needs it: install what provides the file in this stage (the `-dev` package for a library ' +
        'or header), or tell CMake where it is, `cmake -D{variable}=/full/path/to/the/file …`.',
    },
    // the generate-time list: the fix names a variable the list names (the error line itself captures none)
    ...(['listed', ''] as const).map((listed) => ({
      when: listed ? 'generateError&listed' : 'generateError',
      severity: 'error' as const,
      title: 'CMake generate step failed: variables set to NOTFOUND',
      message:
        'CMake stopped at generate time on variables that the configure step left NOTFOUND and that targets use: ' +
        '{context.listed.variable:all|the variables it lists} (used by {context.usedBy.target:all|targets of this project}). Nothing checked the search before the use.',
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
