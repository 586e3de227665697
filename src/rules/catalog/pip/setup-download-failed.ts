// A package's own setup.py downloads something while pip builds it, and that download failed: setuptools reports the
// urllib exception as `error: <urlopen error [Errno 104] Connection reset by peer>` (state-spaces/mamba#421),
// `error: Remote end closed connection without response` (Dao-AILab/causal-conv1d#18) or `error: HTTP Error 404: The
// specified blob does not exist.` (triton-lang/triton#4550), then pip says the wheel build failed. Nothing was compiled:
// the headline is the download, not the compiler.
//
// Which download, from the line the script printed before it:
// - `Guessing wheel URL:  https://github.com/state-spaces/mamba/releases/download/v2.1.0/mamba_ssm-…whl` (mamba-ssm) or
//   `…/Dao-AILab/causal-conv1d/releases/download/…` (causal-conv1d): `CachedWheelsCommand.run` in their setup.py fetches a
//   prebuilt wheel with `urllib.request.urlretrieve` and falls back to compiling only on `urllib.error.HTTPError` (a 404);
//   any other error (reset, DNS, timeout) ends the build. `MAMBA_FORCE_BUILD=TRUE` / `CAUSAL_CONV1D_FORCE_BUILD=TRUE` skip
//   the download and compile (state-spaces/mamba setup.py, Dao-AILab/causal-conv1d setup.py: `FORCE_BUILD = os.getenv(…,
//   "FALSE") == "TRUE"`). Both setup.py import torch, so the compile needs the installed torch (`--no-build-isolation`),
//   and `nvcc` (a `-devel` image): they check `nvcc -V` for CUDA 11.6 or later.
// - `downloading and extracting https://oaitriton.blob.core.windows.net/public/llvm-builds/llvm-<rev>-<os>.tar.gz ...`:
//   triton's python/setup.py (`get_thirdparty_packages`) fetches a prebuilt LLVM for the revision in
//   `cmake/llvm-hash.txt`, unless `LLVM_SYSPATH` names an LLVM build (then `LLVM_INCLUDE_DIRS` / `LLVM_LIBRARY_DIR` give its
//   include and lib directories); triton's README, "Building with a custom LLVM", builds LLVM at that revision.
//   `pip install triton` installs a released wheel instead (README, "Quick Installation").
// Not matched: `Precompiled wheel not found. Building from source...` (NVlabs/MambaVision#14): the 404 that setup.py
// catches, after which it compiles; a compile failure then belongs to the wheel-build rules.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const RELEASE_WHEEL =
  'https://github\\.com/{repo}/releases/download/v(?<version>\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?(?:\\.post\\d{1,3})?)/[\\w.+-]{1,300}\\.whl';

/** Tells a network failure from a wheel the release does not have. */
const checkUrl = (ctx: string): string =>
  `First tell the two causes apart: \`curl -fsSIL '{context.${ctx}.url}'\`. A \`200\` means the ` +
  'wheel exists and the network failed here (retry; a proxy or firewall in front of github.com gives the same error every ' +
  'time); a `404` means the release has no wheel for this torch / CUDA / Python, and only a compile can give you one.';

/** The prebuilt-wheel projects: what their setup.py reads to compile instead of downloading. */
function wheelVariants(ctx: string, pkg: string, forceVar: string): Variant[] {
  const command = `${forceVar}=TRUE pip install --no-build-isolation ${pkg}=={context.${ctx}.version}`;
  const message =
    `${pkg}'s setup.py tried to download its prebuilt wheel ({context.${ctx}.url}) and the download failed ({reason}). ` +
    'That script falls back to compiling only when the server answers 404, so a network error ends the build: nothing was compiled.';
  const compile =
    `To skip the download and compile instead (it needs \`nvcc\` from CUDA 11.6 or later and the installed torch, so a ` +
    '`-devel` image and `--no-build-isolation`):';
  return [
    {
      when: `${ctx}&fact.place=image-build`,
      title: `${pkg} could not download its prebuilt wheel`,
      message,
      retryable: true,
      fix: [checkUrl(ctx), '', compile, '', '```dockerfile', `RUN ${command}`, '```'].join('\n'),
    },
    {
      when: ctx,
      title: `${pkg} could not download its prebuilt wheel`,
      message,
      retryable: true,
      fix: [
        checkUrl(ctx),
        '',
        `${compile}`,
        '',
        '```sh',
        command,
        '```',
        '',
        'Or fetch the wheel where github.com is reachable and `pip install` that file.',
      ].join('\n'),
    },
  ];
}

const LLVM_MESSAGE =
  "triton's setup.py downloads a prebuilt LLVM ({context.llvm.url}) before it compiles anything, and that download failed ({reason}).";
const LLVM_FIX = [
  'An `HTTP Error 404` means the server has no prebuilt LLVM of that name (the revision in `cmake/llvm-hash.txt`, for this OS): ' +
    'retrying does not help. Any other error is the network: retry, or check the proxy.',
  '',
  "If you do not need triton from source, install a released wheel instead (`pip install triton`). Otherwise build LLVM at that revision (triton's README, " +
    '"Building with a custom LLVM") and point setup.py at it, which skips the download:',
  '',
];
const LLVM_ENV = [
  'LLVM_BUILD_DIR="$HOME/llvm-project/build"   # your LLVM build, at the revision in ../cmake/llvm-hash.txt',
  'export LLVM_INCLUDE_DIRS="$LLVM_BUILD_DIR/include" LLVM_LIBRARY_DIR="$LLVM_BUILD_DIR/lib" LLVM_SYSPATH="$LLVM_BUILD_DIR"',
];
/** The same in a Dockerfile: the LLVM build copied into the image (from a stage of its own) at /opt/llvm. */
const LLVM_DOCKERFILE = [
  '# /opt/llvm: an LLVM build at the revision in cmake/llvm-hash.txt',
  'ENV LLVM_SYSPATH=/opt/llvm LLVM_INCLUDE_DIRS=/opt/llvm/include LLVM_LIBRARY_DIR=/opt/llvm/lib',
];

export const setupDownloadFailed: RuleInput = {
  id: 'pip/setup-download-failed',
  title: "A package's setup.py could not download what it needs",
  severity: 'error',
  match: [
    {
      // setuptools' `error: ` + str(exc) of a urllib failure: URLError, HTTPError, http.client.RemoteDisconnected.
      literals: ['error: <urlopen error', 'error: HTTP Error', 'error: Remote end closed connection'],
      pattern:
        '^\\s{0,20}error: (?<reason><urlopen error [^>]{1,200}>|HTTP Error \\d{3}: [^\\n]{1,200}|Remote end closed connection without response)',
    },
  ],
  context: [
    {
      name: 'mamba',
      literals: ['Guessing wheel URL'],
      pattern: `Guessing wheel URL:\\s{1,4}(?<url>${RELEASE_WHEEL.replace('{repo}', 'state-spaces/mamba')})`,
    },
    {
      name: 'causalConv',
      literals: ['Guessing wheel URL'],
      pattern: `Guessing wheel URL:\\s{1,4}(?<url>${RELEASE_WHEEL.replace('{repo}', 'Dao-AILab/causal-conv1d')})`,
    },
    { name: 'guess', literals: ['Guessing wheel URL'], pattern: 'Guessing wheel URL:\\s{1,4}(?<url>https?://\\S{1,400})' },
    {
      name: 'llvm',
      literals: ['downloading and extracting'],
      pattern: 'downloading and extracting (?<url>https?://\\S{1,300}/llvm-builds/\\S{1,200}) \\.\\.\\.',
      keep: 'last',
    },
    { name: 'notFound', literals: ['error: HTTP Error 404'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    "A package's setup.py downloads something during the build (a prebuilt wheel, a toolchain) and that download failed " +
    '({reason}): the build stopped before anything was compiled.',
  fix: [
    'The URL is on the line setup.py printed just above the error; `curl -fsSIL` on it tells the causes apart: a `404` means ' +
      'the file is not there (the package names an environment variable that skips the download, or build what it fetches ' +
      'yourself); a connection error means the network or proxy failed, and a retry may pass.',
  ].join('\n'),
  variants: [
    ...wheelVariants('mamba', 'mamba-ssm', 'MAMBA_FORCE_BUILD'),
    ...wheelVariants('causalConv', 'causal-conv1d', 'CAUSAL_CONV1D_FORCE_BUILD'),
    {
      when: 'guess',
      title: 'setup.py could not download its prebuilt wheel',
      message:
        "The package's setup.py tried to download a prebuilt wheel ({context.guess.url}) and the download failed ({reason}): " +
        'nothing was compiled.',
      fix:
        checkUrl('guess') +
        "\n\nSetup scripts of this kind read a `…_FORCE_BUILD=TRUE` variable to compile instead of downloading: its name is near `Guessing wheel URL` in the package's setup.py.",
    },
    {
      when: 'llvm&notFound&fact.place=image-build',
      title: "triton's prebuilt LLVM is not on the server",
      message: LLVM_MESSAGE,
      fix: [...LLVM_FIX, '```dockerfile', ...LLVM_DOCKERFILE, '```'].join('\n'),
    },
    {
      when: 'llvm&notFound',
      title: "triton's prebuilt LLVM is not on the server",
      message: LLVM_MESSAGE,
      fix: [...LLVM_FIX, '```sh', ...LLVM_ENV, 'python setup.py install   # or: pip install -e .', '```'].join('\n'),
    },
    {
      when: 'llvm',
      title: 'triton could not download its prebuilt LLVM',
      message: LLVM_MESSAGE,
      retryable: true,
      fix: [...LLVM_FIX, '```sh', ...LLVM_ENV, 'python setup.py install   # or: pip install -e .', '```'].join('\n'),
    },
  ],
  docs: 'https://github.com/triton-lang/triton#building-with-a-custom-llvm',
};
