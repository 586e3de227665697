// A CUDA extension build stops at its first CUTLASS include: `fatal error: cute/tensor.hpp: No such file or directory`
// (huggingface/candle#3043, candle's flash-attn kernels in `cargo build --features flash-attn`), or a `cutlass/…` header.
// The projects that compile flash-attention-style kernels take NVIDIA's CUTLASS (whose CuTe headers live under
// include/cute/) from a git submodule: Dao-AILab/flash-attention's .gitmodules has `csrc/cutlass` →
// https://github.com/NVIDIA/cutlass.git, huggingface/candle's has its flash-attn `cutlass` → the same URL. A clone made
// without `--recursive` (`--recurse-submodules`) leaves that directory empty until `git submodule update --init
// --recursive` (git-clone(1), git-submodule(1)); the reporter of candle#3043 fixed it so ("Found it in the readme, adding to
// dockerfile"). actions/checkout checks out no submodules unless asked (its action.yml: `submodules: Whether to checkout
// submodules: true to checkout submodules or recursive to recursively checkout submodules`, default false). An image build
// that COPYs the checkout copies the empty directory; a `.dockerignore` that leaves out `.git` keeps `git submodule` from
// working inside the image, so the update runs in the checkout before `docker build`.
// Not every missing header is a submodule: the rule reads only CuTe's and CUTLASS's own top folders (`cute/`, `cutlass/`),
// and the fix says how to check (`git submodule status`: a leading `-` marks one not checked out). A project that takes
// CUTLASS from elsewhere (an environment variable such as DeepSpeed's CUTLASS_PATH) shows that in its own message.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const CHECK = [
  'In the source tree the build ran from, look for the submodule:',
  '',
  '```sh',
  'git submodule status     # a leading - marks a submodule not checked out (cutlass among them)',
  'cat .gitmodules          # where CUTLASS is expected',
  '```',
].join('\n');

type Place = 'clone' | 'ci' | 'context' | 'shell';

function fetchFix(place: Place): string {
  switch (place) {
    case 'clone':
      return [
        'This stage clones the repository itself: clone it with its submodules, in the same `RUN` as the build:',
        '',
        '```dockerfile',
        'RUN git clone --recursive <url> <dir>',
        '# or, after a plain clone: cd <dir> && git submodule update --init --recursive',
        '```',
      ].join('\n');
    case 'ci':
      return [
        'In the workflow, check out the submodules (actions/checkout leaves them out unless asked):',
        '',
        '```yaml',
        '- uses: actions/checkout@v7',
        '  with:',
        '    submodules: recursive',
        '```',
        '',
        'or run `git submodule update --init --recursive` in the checkout before the build step.',
      ].join('\n');
    case 'context':
      return [
        'If the Dockerfile COPYs the sources from the build context, fetch the submodules in that checkout on the machine that runs',
        '`docker build` (inside the image there is usually no `.git` to run it in), then build again; if the Dockerfile clones the',
        'repository itself (`RUN git clone`), make it `git clone --recursive`:',
        '',
        '```sh',
        'git submodule update --init --recursive',
        '```',
        '',
        'In CI, the checkout step must fetch them too (actions/checkout: `submodules: recursive`).',
      ].join('\n');
    case 'shell':
      return [
        'Fetch the submodules, then build again:',
        '',
        '```sh',
        'git submodule update --init --recursive   # or clone with: git clone --recursive <url>',
        '```',
        '',
        'In a Dockerfile: `git clone --recursive` where it clones; where it COPYs the sources, run the update in the checkout before',
        '`docker build` (and in CI check out with actions/checkout\'s `submodules: recursive`).',
      ].join('\n');
  }
}

const PLACES: [Place, string][] = [
  ['clone', 'clone'],
  ['ci', 'fact.runner'],
  ['context', 'fact.place=image-build'],
];

function variants(): Variant[] {
  return PLACES.map(([place, when]) => ({ when, fix: [CHECK, '', fetchFix(place)].join('\n') }));
}

export const cutlassSubmoduleMissing: RuleInput = {
  id: 'build/cutlass-submodule-missing',
  title: 'CUTLASS headers missing: the git submodule was not checked out',
  severity: 'error',
  match: [
    // nvcc / gcc: `kernels/flash_fwd_kernel.h:9:10: fatal error: cute/tensor.hpp: No such file or directory`
    {
      literals: ['fatal error: cute/', 'fatal error: cutlass/'],
      pattern: 'fatal error: (?<header>cut(?:e|lass)/[\\w./-]{1,200}\\.h(?:pp)?): No such file or directory',
    },
  ],
  context: [
    // the stage clones the repository itself
    { name: 'clone', source: 'instruction', literals: ['git clone'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The compiler did not find `{header}`, a header of NVIDIA\'s CUTLASS (CuTe lives under `cute/`). Projects that build ' +
    'flash-attention-style CUDA kernels (flash-attention, candle\'s flash-attn) take CUTLASS from a git submodule, and ' +
    'a clone or checkout made without submodules leaves its directory empty.',
  fix: [CHECK, '', fetchFix('shell')].join('\n'),
  variants: variants(),
  docs: 'https://git-scm.com/docs/git-submodule',
};
