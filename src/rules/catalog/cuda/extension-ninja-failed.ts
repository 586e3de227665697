// A PyTorch C++/CUDA extension (torch.utils.cpp_extension's BuildExtension, the `setup.py` of apex, flash-attn,
// detectron2 …) compiles its objects with ninja, and when ninja fails torch raises
// `subprocess.CalledProcessError: Command '['ninja', '-v']' returned non-zero exit status 1` from `_run_ninja_build`,
// then `RuntimeError: Error compiling objects for extension` (torch/utils/cpp_extension.py, pytorch/pytorch:
// `_run_ninja_build(…, error_prefix="Error compiling objects for extension")`, code corpus). Both are the wrapper:
// the cause is what ninja printed above them, the first `FAILED:` or `error:` line. A pasted traceback often
// ends here, without BuildKit's own ERROR, so this rule does not ask for a step that failed.
//
// One cause shows in the traceback itself: setup.py run from another directory (`python ./apex/setup.py install`
// from /app, the traceback's frame `File "/app/./apex/setup.py"`). Extension sources are given relative to the
// current directory (apex's setup.py: `sources=["csrc/…"]`), so ninja looks for `/app/csrc/…` and stops with
// `ninja: error: '/app/csrc/amp_C_frontend.cpp', needed by '…', missing and no known rule to make it`
// (NVIDIA/apex#1741). The fix is to run it from the project's directory; only said when the log shows such a
// frame. Lines it must not take: a CMake project's own `ninja: build stopped: subcommand failed` (no torch
// traceback), which the compiler rules read.
import type { RuleInput } from '../../schema.js';

const TITLE = 'PyTorch extension build failed: ninja stopped (the compiler error is above)';

const FIRST_ERROR_FIX = [
  'The traceback is torch\'s wrapper: the reason is the first error ninja printed above it. Here that is',
  '`{context.firstError.line}`. Fix that error; the `CalledProcessError` goes with it.',
].join('\n');

const FIND_ERROR_FIX = [
  'The traceback is torch\'s wrapper: the reason is the first error ninja printed above it, and this log does not',
  'reach it. Look above the traceback for the first line starting `FAILED:` (the object ninja was building) and the',
  'first `error:` after it (the compiler\'s reason). In a build log saved to a file:',
  '',
  '```sh',
  "grep -n -m 5 -E 'FAILED:|error:' build.log",
  '```',
  '',
  'To see it in one piece, build with one job (`MAX_JOBS=1`, which torch\'s cpp_extension reads), so parallel',
  'compiles do not interleave their output.',
  '',
  'If the whole output holds no `error:` line, a compiler most likely died without writing one: the kernel\'s',
  'out-of-memory killer ends `cicc`, `ptxas` or `cc1plus` with a bare `Killed` or nothing at all. Look for it on the',
  'machine that ran the build (`sudo dmesg | grep -i -E \'out of memory|killed process\'`); fewer jobs',
  '(`MAX_JOBS=1` or `2`) lower the peak, and so does a shorter `TORCH_CUDA_ARCH_LIST`.',
].join('\n');

// A log cut after ninja's `FAILED: <object>` and the command it ran (no traceback, no compiler error): the object under
// setuptools' `build/temp.<platform>-<python>/` directory is an extension built by setup.py, and setup.py builds with ninja
// only through torch's BuildExtension. When the command asks for a GPU arch (`-gencode=arch=compute_89,code=sm_89`) that
// the log's CUDA does not compile, or the log shows no CUDA, the arch is the likely cause or the first thing to check:
// torch's cpp_extension takes the arch of each visible GPU when TORCH_CUDA_ARCH_LIST is unset (`_get_cuda_arch_flags`:
// "all archs for visible cards are included"), and an older nvcc stops with `nvcc fatal : Unsupported gpu architecture`
// (NVlabs/FoundationPose#9 and #30: CUDA 11.3 on an RTX 6000 Ada, sm_89). `+PTX` embeds PTX of the last arch, which the
// driver JIT-compiles for a newer GPU (see cuda/unsupported-arch); the first CUDA per arch is cuda-arches.ts's table.
const CUT_TITLE = 'PyTorch extension build failed: ninja stopped, the compiler error is not in the log';
const CUT_ARCH_TITLE = 'PyTorch extension build failed: check its GPU arch against the CUDA version (the compiler error is cut)';
const CUT_MESSAGE =
  'ninja failed building `{object}` for a PyTorch extension (torch\'s cpp_extension), and the log stops before the compiler said why.';
const ARCH_WHY =
  'The failing command asks for {enrich.askedArch}, which nvcc compiles from CUDA {enrich.askedNeeds} on; an older toolkit stops with ' +
  '`nvcc fatal : Unsupported gpu architecture`. With TORCH_CUDA_ARCH_LIST unset, torch builds for the arch of each visible GPU.';
const FALLBACK_LIST = '`{enrich.askedFallback}+PTX` (CUDA {enrich.askedFallbackCuda} and newer compile {enrich.askedFallback}; `+PTX` lets the driver JIT-compile it for the newer GPU)';
const NEWER_CUDA = 'Or build with CUDA {enrich.askedNeeds} or newer, which compiles {enrich.askedArch} itself.';

function cutArchFix(versionKnown: boolean, dockerfile: boolean): string {
  const check = versionKnown
    ? []
    : ['Check the toolkit that built it, in the same stage or shell:', '', '```sh', 'nvcc --version', '```', '', 'If it is older than CUDA {enrich.askedNeeds}, that is the cause.'];
  const set = dockerfile
    ? ['```dockerfile', 'ENV TORCH_CUDA_ARCH_LIST="{enrich.askedFallback}+PTX"', '```', '', 'before the `RUN` that builds.']
    : ['```sh', 'export TORCH_CUDA_ARCH_LIST="{enrich.askedFallback}+PTX"', '```', '', 'then run the build again in that shell.'];
  return [
    ...check,
    ...(versionKnown ? [] : ['']),
    `Name an arch list this toolkit compiles, ${FALLBACK_LIST}, ${dockerfile ? 'in the Dockerfile' : 'in the shell that builds'}:`,
    '',
    ...set,
    '',
    NEWER_CUDA,
  ].join('\n');
}

const cutVariants: NonNullable<RuleInput['variants']> = [
  {
    when: '!wrapper&enrich.askedOlder&enrich.askedFallback&fact.place=image-build',
    title: 'PyTorch extension asks for a GPU arch this CUDA does not compile',
    message: CUT_MESSAGE + ' The command asks for {enrich.askedArch}, and CUDA {enrich.askedOlder}\'s nvcc does not compile it (CUDA {enrich.askedNeeds} is the first that does).',
    fix: cutArchFix(true, true),
  },
  {
    when: '!wrapper&enrich.askedOlder&enrich.askedFallback',
    title: 'PyTorch extension asks for a GPU arch this CUDA does not compile',
    message: CUT_MESSAGE + ' The command asks for {enrich.askedArch}, and CUDA {enrich.askedOlder}\'s nvcc does not compile it (CUDA {enrich.askedNeeds} is the first that does).',
    fix: cutArchFix(true, false),
  },
  { when: '!wrapper&enrich.askedFallback&fact.place=image-build', title: CUT_ARCH_TITLE, message: `${CUT_MESSAGE} ${ARCH_WHY}`, fix: cutArchFix(false, true) },
  { when: '!wrapper&enrich.askedFallback', title: CUT_ARCH_TITLE, message: `${CUT_MESSAGE} ${ARCH_WHY}`, fix: cutArchFix(false, false) },
  {
    when: '!wrapper',
    title: CUT_TITLE,
    message: CUT_MESSAGE,
    fix: [
      'The reason is the compiler\'s first `error:` after this `FAILED:` line, which the log does not reach. In the whole build output saved to a file:',
      '',
      '```sh',
      "grep -n -m 5 -E 'FAILED:|error:|fatal' build.log",
      '```',
      '',
      'To see it in one piece, build with one job (`MAX_JOBS=1`, which torch\'s cpp_extension reads), so parallel compiles do not interleave their output.',
    ].join('\n'),
  },
];

export const extensionNinjaFailed: RuleInput = {
  id: 'cuda/extension-ninja-failed',
  title: TITLE,
  severity: 'error',
  match: [
    // `subprocess.CalledProcessError: Command '['ninja', '-v']' returned non-zero exit status 1.`
    { literals: ["Command '['ninja', '-v'"], pattern: "CalledProcessError: Command '\\['ninja', '-v'[^\\n]{0,80}returned non-zero exit status" },
    // `FAILED: /kaolin/build/temp.linux-x86_64-cpython-38/kaolin/csrc/ops/tile_to_packed_cuda.o`
    { literals: ['FAILED: '], pattern: 'FAILED: (?=\\S{0,300}/build/temp\\.)(?<object>\\S{1,600}\\.o)\\s*$' },
  ],
  context: [
    // torch's wrapper around ninja's failure (the first matcher)
    { name: 'wrapper', literals: ["Command '['ninja', '-v'"] },
    // the arch flags of the compile command (`-gencode=arch=compute_89,code=sm_89`), for the asked-arch enricher
    { name: 'commandArches', literals: ['arch=compute_', 'arch=sm_'], pattern: '(?<asked>\\barch=(?:compute|sm)_\\d[^\\n]{0,2000})', keep: 'last' },
    // `File "/app/./apex/setup.py", line 285, in <module>`: setup.py named by a relative path with a directory,
    // so the current directory is not the project's (the directories before `/./` have no dot, which keeps the match linear)
    {
      name: 'outsideTree',
      literals: ['/./'],
      pattern: 'File "(?<setup>/[^"\\s.]{0,300}/\\./(?<dir>[\\w-]{1,100})/setup\\.py)", line \\d{1,6}, in <module>',
    },
    // the first compiler or ninja failure line above the traceback
    {
      name: 'firstError',
      literals: ['FAILED: ', ': error: ', 'ninja: error: '],
      pattern: '(?<line>(?:FAILED: |ninja: error: )[^\\n]{1,200}|\\S{1,300}: error: [^\\n]{1,200})',
    },
  ],
  scope: 'step',
  // 2: a tool-level error (the wrapper of the compiler's); the compiler rules name the root cause at 3.
  specificity: 2,
  message:
    'torch\'s cpp_extension compiled the extension with ninja, and ninja failed (`CalledProcessError` for `ninja -v`). ' +
    'The traceback only wraps that failure: the compiler\'s own error is printed above it.',
  fix: FIND_ERROR_FIX,
  variants: [
    {
      when: 'outsideTree',
      title: 'PyTorch extension build ran setup.py from outside its directory',
      message:
        '`{context.outsideTree.setup}` was run from the directory above the project, so the extension sources, which ' +
        'setup.py gives relative to the current directory (`csrc/…`), are looked for in the wrong directory, where ' +
        'ninja finds none (`missing and no known rule to make it` above the traceback). torch then raised `CalledProcessError` for `ninja -v`.',
      fix: [
        'Run setup.py from its own directory, with the options your command passed after `install`:',
        '',
        '```sh',
        'cd {context.outsideTree.dir} && python setup.py install',
        '```',
        '',
        'With `pip install ./{context.outsideTree.dir}` earlier in the same step, the extension was already built by that',
        'command (if its options turned the extensions on). Then drop the setup.py line rather than building twice.',
      ].join('\n'),
    },
    ...cutVariants,
    { when: 'firstError', fix: FIRST_ERROR_FIX },
  ],
  enrich: 'asked-arch',
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
