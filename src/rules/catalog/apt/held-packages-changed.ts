// `E: Held packages were changed and -y was used without --allow-change-held-packages.`: the install
// would upgrade, downgrade or remove a package marked "hold", and `-y` does not answer that question.
// In GPU images the holds come from the base image: NVIDIA's nvidia/cuda Dockerfiles run
// `apt-mark hold ${NV_CUDNN_PACKAGE_NAME}` after installing cuDNN (libcudnn7 / libcudnn8 /
// libcudnn9-cuda-12), and the 9.x–10.x runtime images `apt-mark hold ${NV_LIBNCCL_PACKAGE_NAME}
// ${NV_LIBCUBLAS_PACKAGE_NAME}` ("Keep apt from auto upgrading the cublas and nccl packages",
// gitlab.com/nvidia/container-images/cuda dist/*/runtime and */cudnn* Dockerfiles as copied in public
// repositories; code corpus). So installing another cuDNN / NCCL version than the image's trips it
// (waspinator/deep-learning-explorer#7: `libcudnn7=7.0.4.31-1+cuda9.0` on a cudnn7 image).
// `--allow-change-held-packages` exists since APT 1.1 (apt-get(8) on this machine, APT 2.6);
// `apt-mark unhold` / `showhold` (apt-mark --help).
import type { RuleInput } from '../../schema.js';

const PKG = String.raw`(?<pkg>libcudnn\d{0,2}(?:-dev)?(?:-cuda-\d{1,2})?|libnccl\d?(?:-dev)?|libcublas[\w-]{0,30}|cuda-cublas[\w-]{0,30})`;

/** Why apt refused: NVIDIA's images hold the libraries they were built with. */
const HELD_WHY =
  'put their cuDNN (and, in older tags, NCCL and cuBLAS) on hold (`apt-mark hold`) so the library the image was built ' +
  'with is not swapped by an upgrade. With `-y`, apt does not change a held package unless told to.';

const releaseHoldIntro: readonly string[] = [
  "Prefer a base image tag that already ships the cuDNN / NCCL you need. To replace the image's version on purpose,",
  'release the hold in the same `RUN` as the install:',
];

/** After the unhold-and-pin recipe: the other way, and what the pinned version's `+cuda…` suffix must be. */
const cudaSuffixNote: readonly string[] = [
  '(or add `--allow-change-held-packages` to the install). The `+cuda…` suffix of the pinned version names the CUDA',
  'release that cuDNN was built for; it must be the image\'s CUDA release ({fact.cuda|`nvcc --version` or the image tag says which}).',
];

export const heldPackagesChanged: RuleInput = {
  id: 'apt/held-packages-changed',
  title: 'apt refused to change a held package',
  severity: 'error',
  match: [{ literals: ['Held packages were changed and -y was used without --allow-change-held-packages'] }],
  context: [
    // The install names a package the NVIDIA image holds: `libcudnn7=7.0.4.31-1+cuda9.0`, `libnccl2=2.18.3-1+cuda12.2`
    { name: 'nvidiaHeld', literals: ['libcudnn', 'libnccl', 'cublas'], pattern: `(?<spec>${PKG}=[\\w.:+~-]{1,80})`, tally: true },
    // The matching -dev package on the same line (a line's first hit is the runtime package)
    { name: 'nvidiaHeldDev', literals: ['libcudnn'], pattern: '(?<spec>(?<pkg>libcudnn\\d{0,2}-dev(?:-cuda-\\d{1,2})?)=[\\w.:+~-]{1,80})', tally: true },
    { name: 'nvidiaHeldInstruction', source: 'instruction', literals: ['libcudnn', 'libnccl', 'cublas'], pattern: `(?<spec>${PKG}=[\\w.:+~-]{1,80})` },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'apt refused to upgrade, downgrade or remove a package that is on hold: with `-y` it changes held packages only when told ' +
    'so. The hold was set by an earlier layer (often the base image); `apt-mark showhold` lists the held packages.',
  fix: [
    'List the holds in this stage, and release the ones this install is meant to change (or keep the image\'s version):',
    '',
    '```sh',
    'apt-mark showhold',
    '```',
    '',
    'Then `apt-mark unhold` those packages before the install in the same `RUN`, or add `--allow-change-held-packages` to',
    'that `apt-get install` (APT ≥ 1.1).',
  ].join('\n'),
  variants: [
    {
      when: 'nvidiaHeld&nvidiaHeldDev',
      message:
        'apt refused to change a held package: this install asks for {context.nvidiaHeld.spec:all} and {context.nvidiaHeldDev.spec:all}, and NVIDIA\'s CUDA images ' +
        HELD_WHY,
      fix: [
        ...releaseHoldIntro,
        '',
        '```dockerfile',
        'RUN apt-mark unhold {context.nvidiaHeld.pkg:words} {context.nvidiaHeldDev.pkg:words} \\',
        ' && apt-get update && apt-get install -y --allow-downgrades --no-install-recommends {context.nvidiaHeld.spec:words} {context.nvidiaHeldDev.spec:words} \\',
        ' && apt-mark hold {context.nvidiaHeld.pkg:words} && rm -rf /var/lib/apt/lists/*',
        '```',
        '',
        ...cudaSuffixNote,
      ].join('\n'),
    },
    {
      when: 'nvidiaHeld',
      message:
        'apt refused to change a held package: this install asks for {context.nvidiaHeld.spec:all}, and NVIDIA\'s CUDA images ' +
        HELD_WHY,
      fix: [
        ...releaseHoldIntro,
        '',
        '```dockerfile',
        'RUN apt-mark unhold {context.nvidiaHeld.pkg:words} \\',
        ' && apt-get update && apt-get install -y --allow-downgrades --no-install-recommends {context.nvidiaHeld.spec:words} \\',
        ' && apt-mark hold {context.nvidiaHeld.pkg:words} && rm -rf /var/lib/apt/lists/*',
        '```',
        '',
        ...cudaSuffixNote,
      ].join('\n'),
    },
  ],
  docs: 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html',
};
