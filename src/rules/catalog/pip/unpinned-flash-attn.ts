// A failed `RUN pip install flash-attn` with no version, when the log keeps only BuildKit's error (the
// compile output above it is cut): buildkit/step-failed's hint. Without a pin pip takes flash-attn's newest
// release; its setup.py downloads a prebuilt wheel only when that release published one for the torch,
// CUDA major, C++ ABI and Python it imports, and compiles from source otherwise (flash-attn-wheels.ts:
// setup.py and publish.yml at each tag). A newest release built for newer torch than the image's is the
// common way into that compile (hpcaitech/Open-Sora#780: flash-attn 2.7.x over the image's torch 2.1.2,
// fixed by pinning 2.5.5, confirmed by two others). Which release fits is not in such a log: the fix prints
// the command that shows the wheel's facts (WHEEL_FACTS_COMMAND) and where the assets are listed.
// `--no-build-isolation`: flash-attn's setup.py imports torch, which an isolated build env lacks (its README).
import type { RuleVariant as Variant } from '../../schema.js';
import { RELEASES_PAGE, WHEEL_FACTS_COMMAND } from '../../../knowledge/flash-attn-wheel-enricher.js';

/** buildkit/step-failed's variant when the `unpinned-flash-attn` enricher found the install (knowledge/unpinned-flash-attn-enricher.ts). */
export const unpinnedFlashAttnVariant: Variant = {
  when: 'enrich.unpinnedFlashAttn',
  title: 'flash-attn install failed: no version pinned',
  message:
    'The build failed in a step that installs flash-attn without a version, and no rule recognised the cause in the lines the log keeps. With no pin pip takes the newest ' +
    'release; its setup.py downloads a prebuilt wheel only when that release published one for the image\'s torch, CUDA, C++ ABI and Python, and ' +
    'compiles from source otherwise, a long nvcc build that needs the CUDA toolkit and much memory. A newest release made for a newer torch than the image\'s is a common way into it.',
  fix: [
    'Print what names the wheel, in the same stage before the install:',
    '',
    '```dockerfile',
    `RUN ${WHEEL_FACTS_COMMAND}`,
    '```',
    '',
    `On ${RELEASES_PAGE}, take the newest release whose assets hold a \`flash_attn-…+cu…torch…cxx11abi…-cp…-linux_x86_64.whl\` with those values ` +
      '(torch as major.minor; CUDA as `cu12` from release 2.7.0 on, with its minor before that, as `cu122`; the ABI as TRUE / FALSE; Python as `cp310` for 3.10), ' +
      'and pin it in the install: ' +
      '`flash-attn==` that version, keeping `--no-build-isolation` (setup.py imports the image\'s torch). ' +
      'To see the real error, rebuild with `--progress=plain` and read the step\'s output from its first error down.',
  ].join('\n'),
};
