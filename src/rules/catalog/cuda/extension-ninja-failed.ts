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

export const extensionNinjaFailed: RuleInput = {
  id: 'cuda/extension-ninja-failed',
  title: TITLE,
  severity: 'error',
  match: [
    // `subprocess.CalledProcessError: Command '['ninja', '-v']' returned non-zero exit status 1.`
    { literals: ["Command '['ninja', '-v'"], pattern: "CalledProcessError: Command '\\['ninja', '-v'[^\\n]{0,80}returned non-zero exit status" },
  ],
  context: [
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
    { when: 'firstError', fix: FIRST_ERROR_FIX },
  ],
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
