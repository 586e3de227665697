// pip refused to install in hash-checking mode because a requirement is not pinned with `==` or has no `--hash`.
// pip prints one heading per kind of failure (pip/_internal/exceptions.py, read in pip 23.2.1 on this machine), then one
// line per requirement:
// - `HashUnpinned`: `In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:`,
//   then `    pip from https://…/pip-24.0-py3-none-any.whl` (GoogleCloudPlatform/k8s-config-connector#1785: `pip install
//   --require-hashes --upgrade pip` on the command line), or a dependency the file does not list, `python-dateutil~=2.8.2
//   from https://… (from beancount-periodic==0.1.2->-r requirements.txt (line 2))` (yegle/fava-docker#39);
// - `HashMissing`: `Hashes are required in --require-hashes mode, but they are missing from some requirements. …`, then
//   the line to add, `    alembic==1.17.1 --hash=sha256:…` (mlco2/codecarbon#962).
// The heading is one line as pip prints it (`head` of HashUnpinned in pip/_internal/exceptions.py, pip 23.2.1 and pypa/pip's
// main: "In --require-hashes mode, all requirements must have their " "versions pinned with ==. These do not:"), but a paste
// may wrap it (`…must have their versions` / `pinned with ==. These do not:`, okfn-brasil/querido-diario#1454): the rule
// reads the heading's start alone, which no other pip message has. A paste may also shorten the address to `.../`.
// Not matched: a file whose hash differs from its pin (`THESE PACKAGES DO NOT MATCH THE HASHES`, pip/hash-mismatch).
//
// The advice:
// - Hash-checking mode wants every requirement, dependencies included, pinned with `==` and hashed; `--hash` on one
//   requirement turns the mode on for all (pip docs, "Secure installs", https://pip.pypa.io/en/stable/topics/secure-installs/;
//   pip's own heading says so too). `--hash` is an option of a requirements file's line only (`pip install --help`:
//   "Require a hash to check each requirement"; `pip hash --help`: "used with --hash in a requirements file"), so a
//   requirement given on the command line cannot carry one: it moves to a requirements file (the merged fix of #1785).
// - The hash of a release's file: `pip download --no-deps -d DIR REQ` then `pip hash FILE` (both in pip 23.2.1's help).
// - A dependency missing from the file: the file was not generated with its dependencies; `pip-compile
//   --generate-hashes` (pip-tools) and `uv pip compile --generate-hashes` write every dependency, pinned and hashed.
// - pip-tools leaves pip, setuptools and distribute out of a compiled file unless `--allow-unsafe` (pip-compile --help:
//   `--unsafe-package` "Replaces default unsafe packages: distribute, pip, setuptools", jazzband/pip-tools#1756; the
//   left-out ones are written commented under "The following packages are considered to be unsafe", jazzband/pip-tools#708;
//   a hashed file without them cannot install a dependency on them, jazzband/pip-tools#806). So an unpinned setuptools or
//   pip in a pip-compiled file wants `--allow-unsafe` (querido-diario#1454: `pip-compile --allow-unsafe` pinned setuptools).
// - The wheel's file name gives the version pip picked (`pip-24.0-py3-none-any.whl`: name, version, tags; PEP 427).
import type { RuleInput } from '../../schema.js';

const regenerate =
  'A generated lock lists every dependency, pinned and hashed: regenerate it from its list of direct requirements ' +
  'with pip-tools\' `pip-compile --generate-hashes` or `uv pip compile --generate-hashes` (the lock\'s first lines ' +
  'name the command that wrote it, when one did), and commit it.';

export const requireHashesUnpinned: RuleInput = {
  id: 'pip/require-hashes-unpinned',
  title: 'pip\'s hash-checking mode: a requirement is not pinned with == and a hash',
  severity: 'error',
  match: [
    { literals: ['In --require-hashes mode, all requirements must have their'] },
    { literals: ['Hashes are required in --require-hashes mode, but they are missing from some requirements'] },
  ],
  context: [
    {
      // `    pip from https://files.pythonhosted.org/…/pip-24.0-py3-none-any.whl`, with `(from parent==1.0->-r file (line 2))`
      // after it for a dependency; the file name gives the release pip picked.
      name: 'unpinned',
      literals: [' from http', ' from .../', ' from …/'],
      pattern:
        '^\\s{1,20}(?<name>[A-Za-z0-9][\\w.-]{0,100})(?:\\[[\\w,.-]{1,100}\\])?(?<spec>[=<>!~][^\\s;]{0,100})? from (?:https?://[^\\s#]{0,500}|\\.\\.\\.|…)/(?<file>[^/\\s#]{1,300})',
    },
    // the same line's wheel: `pip-24.0-py3-none-any.whl` (PEP 427: name, version, then the tags)
    {
      name: 'wheel',
      literals: ['.whl'],
      pattern: '^\\s{1,20}[A-Za-z0-9][^\\s]{0,200} from (?:https?://[^\\s#]{0,500}|\\.\\.\\.|…)/(?<dist>[A-Za-z0-9][A-Za-z0-9_.]{0,100})-(?<version>\\d[A-Za-z0-9_.+!]{0,60})-[^/\\s#]{1,200}\\.whl(?:#|\\s|$)',
    },
    // pip-tools' "unsafe" packages, which pip-compile leaves out of the file without `--allow-unsafe`
    {
      name: 'unsafePackage',
      literals: ['setuptools', 'pip', 'distribute'],
      pattern: '^\\s{1,20}(?<name>setuptools|pip|distribute)(?:[=<>!~][^\\s;]{0,100})? from ',
    },
    // the unpinned requirement is a dependency the file does not list: `(from beancount-periodic==0.1.2->-r requirements.txt (line 2))`
    { name: 'dependency', literals: ['->'], pattern: ' \\(from (?<parent>[A-Za-z0-9][\\w.-]{0,100}==[^\\s>-]{1,60})->' },
    // `    alembic==1.17.1 --hash=sha256:cbc2…`: pip printed the line to add
    {
      name: 'missingHash',
      literals: [' --hash=sha256:'],
      pattern: '^\\s{1,20}(?<pin>[A-Za-z0-9][\\w.-]{0,100}==[^\\s]{1,60}) --hash=sha256:[0-9a-f]{64}\\s*$',
    },
    // a requirements file in the step's command: the requirement came from a file, not from the command line
    { name: 'reqFile', source: 'instruction', literals: ['-r ', '--requirement'], pattern: '(?:^|\\s)(?:-r|--requirement)[\\s=]' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'pip is in hash-checking mode (`--require-hashes`, or a `--hash` on any requirement), where every requirement, ' +
    'dependencies included, must be pinned with `==` and carry a `--hash`; pip names the ones that do not and installs nothing.',
  fix: [
    'Pin each requirement pip names with `==` and add its hash in the requirements file; `pip hash` on the file',
    '`pip download --no-deps` saves prints the `--hash=sha256:` value. ' + regenerate,
  ].join('\n'),
  variants: [
    {
      when: 'missingHash',
      message:
        'pip is in hash-checking mode (`--require-hashes`, or a `--hash` on any requirement), and `{context.missingHash.pin}` ' +
        'has no `--hash` in the requirements file; pip printed the hash of the file it downloaded, and installs nothing.',
      fix: [
        'Add the line pip printed under the heading (`{context.missingHash.pin} --hash=sha256:…`, one per requirement) to the',
        'requirements file, if the file it downloaded is the one you trust. ' + regenerate,
      ].join('\n'),
    },
    {
      // `pip install --require-hashes --upgrade pip`: the requirement is on the command line, where no `--hash` can go
      when: 'unpinned&wheel&!reqFile&!dependency&fact.place=image-build',
      message:
        'pip is in hash-checking mode (`--require-hashes`), where every requirement must be pinned with `==` and carry a ' +
        '`--hash`, but `{context.unpinned.name}{context.unpinned.spec}` is given on the command line, unpinned (pip picked ' +
        '{context.unpinned.file}). A `--hash` can only be written in a requirements file.',
      fix: [
        'Move the requirement to a requirements file, pinned and hashed. Get the hash of the release pip picked (or of the',
        'one you choose):',
        '',
        '```bash',
        'pip download --no-deps -d /tmp/hashed {context.unpinned.name}=={context.wheel.version}',
        'pip hash /tmp/hashed/*',
        '```',
        '',
        'Write `{context.unpinned.name}=={context.wheel.version} --hash=sha256:` and the value `pip hash` printed as a',
        'line of, say, requirements-{context.wheel.dist}.txt beside the Dockerfile, and install from it:',
        '',
        '```dockerfile',
        'COPY requirements-{context.wheel.dist}.txt /tmp/',
        'RUN pip install --require-hashes -r /tmp/requirements-{context.wheel.dist}.txt',
        '```',
      ].join('\n'),
    },
    {
      // a requirements file (pip-compiled, as a hashed file usually is) without pip-tools' "unsafe" packages
      when: 'unsafePackage',
      message:
        'pip is in hash-checking mode, where every requirement, dependencies included, must be pinned with `==` and hashed, ' +
        'but `{context.unsafePackage.name}` is not pinned in the requirements. pip-compile (pip-tools) leaves pip, setuptools ' +
        'and distribute out of the file it writes (listed commented, as "unsafe") unless it runs with `--allow-unsafe`, so ' +
        'a hashed file it compiled cannot install a package that needs one of them.',
      fix: [
        'If the requirements file was compiled by pip-compile (its first lines name the command and the `.in` file),',
        'compile it again with `--allow-unsafe`, keeping its other options, so that `{context.unsafePackage.name}` is written',
        'pinned and hashed, and commit it; to bound its version, name it in the `.in` file first:',
        '',
        '```bash',
        'pip-compile --allow-unsafe --generate-hashes requirements.in',
        '```',
        '',
        'For a file written by hand, add `{context.unsafePackage.name}==VERSION --hash=sha256:…`: `pip hash` prints the',
        'value for the file `pip download --no-deps {context.unsafePackage.name}==VERSION` saves.',
      ].join('\n'),
    },
    {
      when: 'unpinned&dependency',
      message:
        'pip is in hash-checking mode, where every requirement must be pinned with `==` and hashed, but ' +
        '`{context.unpinned.name}{context.unpinned.spec}`, a dependency of `{context.dependency.parent}`, is not in the ' +
        'requirements file: the file lists the direct requirements without the dependencies they pull in.',
      fix: regenerate,
    },
    {
      when: 'unpinned&wheel',
      message:
        'pip is in hash-checking mode (`--require-hashes`, or a `--hash` on any requirement), where every requirement must ' +
        'be pinned with `==` and carry a `--hash`, but `{context.unpinned.name}{context.unpinned.spec}` is not pinned ' +
        '(pip picked {context.unpinned.file}).',
      fix: [
        'Pin it as `{context.unpinned.name}=={context.wheel.version}` (the release pip picked, or the one you choose)',
        'with its hash in the requirements file; the hash is what `pip hash` prints for the file `pip download --no-deps',
        '{context.unpinned.name}=={context.wheel.version}` saves. A requirement given on the command line cannot carry',
        'a `--hash`: move it to the requirements file. ' + regenerate,
      ].join('\n'),
    },
  ],
  docs: 'https://pip.pypa.io/en/stable/topics/secure-installs/',
};
