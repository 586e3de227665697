// A package with Rust code (tokenizers, tiktoken, rpds-py, orjson, …) compiled from its source distribution in an image
// with no Rust toolchain. pip (or uv) builds from source only when no prebuilt wheel fits the Python version and CPU
// architecture of the image: both real logs here are linux-aarch64 builds of an old tokenizers.
// The words of the two build backends:
// - setuptools-rust: `error: can't find Rust compiler`, then its own hint (an outdated pip may miss a wheel: `pip install
//   --upgrade pip`; or install Rust and put it on PATH). Older releases: `error: Can not find Rust compiler`.
// - maturin: `Caused by: Cargo metadata failed. Do you have cargo in your PATH?` (astral-sh/uv#11997).
// Rust itself: rustup's documented installer, `curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y`,
// puts rustc and cargo in `$HOME/.cargo/bin` (rust-lang/rustup doc/user-guide/src/installation/index.md); a later
// Dockerfile `RUN` reads no shell profile, so that directory goes on PATH with `ENV`. rustc links with the system C
// compiler (`cc`), hence build-essential beside curl on Debian / Ubuntu.
// Must not match: a log that only mentions Rust or cargo (a wheel of tokenizers that installs, `rustc --version`).
import type { RuleInput } from '../../schema.js';

const rustup = [
  '```dockerfile',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl build-essential \\',
  " && curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal",
  'ENV PATH="/root/.cargo/bin:${PATH}"',
  '```',
  'Put these before the `pip install`; `/root` is the home of the root user: after a `USER` line, use that user\'s home.',
  'On Alpine, `apk add --no-cache curl build-base` in place of the `apt-get` line.',
];

const shell = [
  '```sh',
  "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal",
  'export PATH="$HOME/.cargo/bin:$PATH"',
  '```',
  'It needs a C compiler too (`cc`: build-essential on Debian / Ubuntu).',
];

const wheelFirst = [
  'First look for a wheel, which needs no compiler: pin a release of {context.pkg.name|the package} that publishes one for',
  'this Python and CPU (the "Download files" list on its pypi.org page; arm64 wheels are tagged `aarch64`), or use a Python',
  'version it has wheels for. With pip, upgrade pip first (`python -m pip install --upgrade pip`): an old pip does not',
  'recognise newer wheel tags.',
  '',
];

const platformMessage =
  'The build compiled {context.pkg.name|a package with Rust code} from source, because no prebuilt wheel fits ' +
  '`{context.platform.tag}`, and its Rust code needs a Rust compiler (rustc and cargo) that is not installed.';

export const rustCompilerMissing: RuleInput = {
  id: 'pip/rust-compiler-missing',
  title: 'Rust compiler missing for a package built from source',
  severity: 'error',
  match: [
    // setuptools-rust: `error: can't find Rust compiler` (older: `error: Can not find Rust compiler`)
    { literals: ["can't find Rust compiler", 'Can not find Rust compiler'], ignoreCase: true },
    // maturin under pip or uv: `Caused by: Cargo metadata failed. Do you have cargo in your PATH?`
    { literals: ['Do you have cargo in your PATH?'] },
  ],
  context: [
    // `Building wheel for tokenizers (pyproject.toml)`, uv's `Failed to build \`rpds-py==0.23.1\``
    // the last one: the package that failed is built after those that did not
    { name: 'pkg', keep: 'last', literals: ['Building wheel for ', 'Failed to build '], pattern: "(?:Building wheel for |Failed to build [`']?)(?<name>[A-Za-z0-9][\\w.-]{0,100})" },
    // setuptools' build directory names the platform and Python: `build/lib.linux-aarch64-cpython-39/tokenizers`
    { name: 'platform', literals: ['build/lib.linux-'], pattern: 'build/lib\\.(?<tag>linux-[a-z0-9_]{1,20}-(?:cpython-\\d{2,3}|\\d\\.\\d{1,2}))' },
  ],
  scope: 'step',
  only: 'failed-step',
  // Names the cause: ranks above pip/wheel-build-failed (2) in the same step.
  specificity: 3,
  message:
    'The build compiled {context.pkg.name|a package with Rust code} from source, because no prebuilt wheel fits this ' +
    'Python and CPU, and its Rust code needs a Rust compiler (rustc and cargo) that is not installed.',
  variants: [
    {
      when: 'platform&fact.place=host-shell',
      message: platformMessage,
      fix: [...wheelFirst, 'If it has to be built here, install Rust with rustup, then retry:', '', ...shell].join('\n'),
    },
    {
      when: 'fact.place=host-shell',
      fix: [...wheelFirst, 'If it has to be built here, install Rust with rustup, then retry:', '', ...shell].join('\n'),
    },
    {
      when: 'platform',
      message: platformMessage,
    },
  ],
  fix: [
    ...wheelFirst,
    'If it has to be built in the image, install Rust before the `pip install` / `uv pip install`:',
    '',
    ...rustup,
    '',
    'In a shell rather than a Dockerfile:',
    '',
    ...shell,
  ].join('\n'),
  docs: 'https://rust-lang.github.io/rustup/installation/index.html',
};
