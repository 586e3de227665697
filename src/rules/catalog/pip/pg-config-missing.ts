// psycopg2 compiled from source in an image without PostgreSQL's client development files: its setup.py stops at
// `Error: pg_config executable not found.` (then `pg_config is required to build psycopg2 from source.`), under
// `Getting requirements to build wheel` / `python setup.py egg_info`, before anything is compiled.
//
// Facts, and where they were checked:
// - Build prerequisites of psycopg2 from source: a C compiler, the Python headers (`python-dev`), the libpq headers
//   (`libpq-dev`) and the `pg_config` program, "usually installed by the libpq-dev package" (psycopg.org/docs/install.html,
//   "Build prerequisites"). psycopg2's own wheel-build script installs `libpq-dev` on Debian and, in earlier versions,
//   `postgresql-dev` on Alpine (psycopg/psycopg2 scripts/build/wheel_linux_before_all.sh). The `python:` images ship
//   Python's headers; `-slim` and `-alpine` ones ship no compiler.
// - `psycopg2-binary` is the prebuilt (wheel) package, "which does not require the build or runtime prerequisites"; the
//   docs advise the source package for production (same page, "Quick Install", "psycopg vs psycopg-binary").
// - Wheels for each Python came with these releases (psycopg.org/docs/news.html): 2.9.5 "Add support for Python 3.11",
//   2.9.9 3.12, 2.9.10 3.13, 2.9.11 3.14. A psycopg2-binary release older than the Python has no wheel for it, so pip
//   takes its sdist (`psycopg2-binary-2.9.6.tar.gz`) and fails the same way: docker/python-docker-dev#13 / #6 (2.9.6
//   on python:3.12-slim, fixed by requiring a newer psycopg2-binary). psycopg2's hint to install psycopg2-binary is then
//   the package that failed.
// Must not match: a line naming pg_config without its error (psycopg2's issue template asks whether `pg_config` printed
// an output instead of an error), or a report quoting the package name only.
import type { RuleInput } from '../../schema.js';

// libc6-dev named: Debian's gcc-12 only recommends it (apt-cache depends gcc-12 on Debian 12), and under
// --no-install-recommends a compiler without the C library's headers cannot compile psycopg2's C sources.
const debianLines = ['apt-get update && apt-get install -y --no-install-recommends libpq-dev gcc libc6-dev'];
const alpineNote =
  'On Alpine: `apk add --no-cache postgresql-dev gcc musl-dev`. When Python itself comes from the distro (not a `python:` ' +
  'image), add its headers too (`python3-dev`).';

const wheelReleases =
  'psycopg2-binary publishes wheels for a new Python only from a later release on: Python 3.11 from 2.9.5, 3.12 from ' +
  '2.9.9, 3.13 from 2.9.10, 3.14 from 2.9.11 (psycopg\'s release notes, https://psycopg.org/docs/news.html).';

export const pgConfigMissing: RuleInput = {
  id: 'pip/pg-config-missing',
  title: 'psycopg2 built from source without pg_config (libpq development files)',
  severity: 'error',
  match: [
    // `Error: pg_config executable not found.` (psycopg2's setup.py, inside pip's subprocess output), also quoted inside a
    // sentence (UltimaHoarder/UltimaScraper#2090: "fails to build due to ` Error: pg_config executable not found. pg_config
    // is required to build psycopg2 from source`."); the line after it in setup.py's message alone.
    { literals: ['pg_config executable not found'], pattern: '\\bError: pg_config executable not found\\b' },
    { literals: ['pg_config is required to build psycopg2 from source'] },
  ],
  context: [
    // the release pip took as source: `Downloading psycopg2-2.9.10.tar.gz (385 kB)`,
    // `Using cached psycopg2-binary-2.9.6.tar.gz (384 kB)` (older sdists name it `psycopg2_binary-…`)
    {
      name: 'binarySdist',
      literals: ['psycopg2-binary-', 'psycopg2_binary-'],
      pattern: '(?:Downloading|Using cached) (?:\\S{0,300}/)?psycopg2[-_]binary-(?<version>\\d[\\w.]{0,30}?)\\.tar\\.gz',
    },
    {
      name: 'sourceSdist',
      literals: ['psycopg2-'],
      pattern: '(?:Downloading|Using cached) (?:\\S{0,300}/)?psycopg2-(?<version>\\d[\\w.]{0,30}?)\\.tar\\.gz',
    },
    // the requirement and where it came from: `Collecting psycopg2-binary==2.9.6 (from -r requirements.txt (line 8))`
    {
      name: 'collecting',
      keep: 'last',
      literals: ['Collecting psycopg2'],
      pattern: 'Collecting (?<spec>psycopg2(?:-binary)?(?:[=<>~!][^\\s(]{0,40})?)(?: \\(from -r (?<file>[^\\s()]{1,200}) \\(line (?<line>\\d{1,6})\\)\\))?',
    },
    // an Alpine stage: its package manager in the step, or an alpine image named in the scope
    { name: 'alpine', source: 'instruction', literals: ['apk ', 'alpine'] },
  ],
  scope: 'step',
  only: 'failed-step',
  // names the cause: above pip/wheel-build-failed (2) in the same step
  specificity: 3,
  message:
    'pip compiled psycopg2 from source, and its setup.py needs `pg_config`, from PostgreSQL\'s client development files ' +
    '(libpq), which the image does not have. Building psycopg2 also needs a C compiler and the Python headers.',
  fix: [
    'Either install the build prerequisites before the `pip install` (Debian / Ubuntu; the `python:*-slim` images have no compiler):',
    '',
    '```sh',
    ...debianLines,
    '```',
    alpineNote,
    '',
    'or install the prebuilt package instead, which needs none of them: `psycopg2-binary` in place of `psycopg2` in the ' +
      'requirements (psycopg\'s docs advise the source package for production, the binary one to get started).',
  ].join('\n'),
  variants: [
    {
      // the binary package itself came as source: no wheel of that release fits this Python or platform
      when: 'binarySdist',
      title: 'psycopg2-binary release has no wheel for this Python: pip built it from source',
      message:
        'pip took the source distribution of psycopg2-binary {context.binarySdist.version} (`psycopg2-binary-{context.binarySdist.version}.tar.gz`), ' +
        'not a wheel: that release has none for this Python (or platform), so pip compiled it, and the compile needs `pg_config` ' +
        '(libpq\'s development files), which the image lacks. psycopg2\'s hint to install psycopg2-binary names the package ' +
        `that failed. ${wheelReleases}`,
      fix: [
        'Require a psycopg2-binary release with a wheel for this Python (`python3 --version` in the image prints it), in place ' +
          'of the pin `{context.collecting.spec|psycopg2-binary}` in {context.collecting.file|the requirements file}: ' +
          '`psycopg2-binary>=2.9.9` for Python 3.12, `>=2.9.10` for 3.13, `>=2.9.11` for 3.14. The files of each release, with the ' +
          'Python (`cp312`) and platform (`x86_64`, `aarch64`, `musllinux`) of its wheels: https://pypi.org/project/psycopg2-binary/{context.binarySdist.version}/#files.',
        '',
        'Or keep the release and base the image on a Python it has wheels for, or install the build prerequisites before the ' +
          '`pip install` (Debian / Ubuntu):',
        '',
        '```sh',
        ...debianLines,
        '```',
        alpineNote,
      ].join('\n'),
    },
    {
      when: 'sourceSdist&alpine',
      message:
        'pip compiled psycopg2 {context.sourceSdist.version} from source (`psycopg2-{context.sourceSdist.version}.tar.gz`; the ' +
        'prebuilt wheels are the separate package psycopg2-binary), and its setup.py needs `pg_config`, from PostgreSQL\'s ' +
        'client development files, which this Alpine image does not have. The build also needs a C compiler.',
      fix: [
        'Install the build prerequisites before the `pip install`:',
        '',
        '```sh',
        'apk add --no-cache postgresql-dev gcc musl-dev',
        '```',
        '',
        'or install `psycopg2-binary` in place of `psycopg2` (prebuilt; its wheels for musl are tagged `musllinux`: ' +
          'https://pypi.org/project/psycopg2-binary/#files).',
      ].join('\n'),
    },
    {
      when: 'sourceSdist',
      message:
        'pip compiled psycopg2 {context.sourceSdist.version} from source (`psycopg2-{context.sourceSdist.version}.tar.gz`; the ' +
        'prebuilt wheels are the separate package psycopg2-binary), and its setup.py needs `pg_config`, from PostgreSQL\'s ' +
        'client development files (libpq), which the image does not have. The build also needs a C compiler and the Python headers.',
    },
  ],
  docs: 'https://www.psycopg.org/docs/install.html#build-prerequisites',
};
