// mamba / micromamba 2 refused a command line that mamba 1 took. Their parser is CLI11, which stops at an argument no
// option or subcommand takes with `The following argument was not expected: -p` (several: `The following arguments were not
// expected: bash init`, in reverse order) and `Run with --help for more information.`, and exits 109 (CLI11's
// ExtrasError code, the exit code of both logs). Nothing was installed: the command line itself is the cause.
//
// What changed in 2.0 (mamba-org/mamba docs/source/developer_zone/changes-2.0.rst, "Mamba 2.0 Changes"):
// - "`micromamba shell init` root prefix parameter `--prefix` (`-p`) was renamed `--root-prefix` (`-r`). Both options were
//   supported in version 1.5." (`init_root_prefix_option`, `root_prefix,-r,--root-prefix`, micromamba/src/shell.cpp.)
// - "`mamba`, previously a Python executable mixing libmambapy, conda, and some specific code logic has been entirely
//   replaced by the dynamically linked version of `micromamba` … Hence `mamba` now has the exact same user interface and
//   experience as `micromamba`." micromamba's subcommands (micromamba/src/umamba.cpp, `set_umamba_command`) have no `init`:
//   shell initialisation is `shell init` (`micromamba shell init --shell bash`, `-s,--shell` in shell.cpp), so mamba 1's
//   `mamba init bash` is refused as two stray arguments. A Miniforge install also has conda, whose `conda init bash` is
//   unchanged (the maintainers' answer in RoboVerseOrg/RoboVerse#170). mamba 2's default root prefix is the prefix it is
//   installed in (CHANGELOG.md 2.0.0: "Compute `root prefix` as mamba install path", mamba-org/mamba#3447), so
//   `mamba shell init --shell bash` in a Miniforge install needs no `-r`.
// - micromamba 2.0.0 was released 2024-09-25 (CHANGELOG.md, "Releases: libmamba 2.0.0, libmambapy 2.0.0, micromamba
//   2.0.0"); micromamba 1.5.10 is a 1.x release (tag micromamba-1.5.10; mamba's own CI rolled back to it, mamba-org/mamba#3491).
//   micro.mamba.pm's `api/micromamba/<platform>/latest` (the download in the docs, installation/micromamba-installation.rst)
//   takes an exact version in place of `latest` (`…/linux-64/1.1.0`, mamba-org/mamba#2164), so an unpinned download
//   became 2.x that day.
// - Miniforge ships mamba 2 from 25.1.1-0 on (conda-forge/miniforge e682bd6 "Use mamba 2 for Miniforge",
//   Miniforge3/construct.yaml `mamba_version = "2.0.6"` at tag 25.1.1-0), and did once before, in 24.11.0-1
//   (`mamba_version = "2.0.5"`, b1f83a9 "Update to mamba 2.0.4"; 24.11.2-0 went back to 1.5.11; the change that broke
//   lfortran/lfortran#5704's `mamba init bash`); 24.11.3-2 (2025-03-12) is the last release with mamba 1
//   (`mamba_version = "1.5.12"`). Each release carries the installer under its name without the version
//   (conda-forge/miniforge README, "Release": "One installer without the version name"), so
//   `releases/download/24.11.3-2/Miniforge3-$(uname)-$(uname -m).sh` pins it.
import type { RuleInput } from '../../schema.js';

const PIN_MICROMAMBA = '1.5.10';
const PIN_MINIFORGE = '24.11.3-2';
const CHANGES = 'https://mamba.readthedocs.io/en/latest/developer_zone/changes-2.0.html';

const MESSAGE =
  '`{context.ran.tool} {context.ran.sub}` stopped at `{args}`: the command-line parser of mamba / micromamba 2 takes no such ' +
  'argument there (exit code 109 is its "not expected" error), so nothing ran. mamba 2.0 (September 2024) changed the ' +
  'command line: `mamba` became the same program as `micromamba`, with its subcommands and options.';

const SHELL_INIT_MESSAGE =
  '`micromamba shell init` stopped at `{args}`: micromamba 2.0 renamed its root-prefix option from `-p` / `--prefix` to ' +
  '`-r` / `--root-prefix` (micromamba 1.5 takes both), so this micromamba is 2.x and nothing ran (exit code 109 is its ' +
  'parser\'s "not expected" error).';

const MAMBA_INIT_MESSAGE =
  '`mamba init` stopped at `{args}`: mamba 2 has no `init` subcommand. From 2.0 (September 2024) `mamba` is the same ' +
  'program as `micromamba`, whose shell setup is `shell init`, so this mamba is 2.x (a Miniforge installer from 25.1.1-0 on, ' +
  'and 24.11.0-1, brings it) and nothing ran (exit code 109 is its parser\'s "not expected" error).';

const MICRO_LATEST =
  ' The step downloads micromamba `latest` (`{context.microLatest.host}/api/micromamba/{context.microLatest.platform}/latest`), ' +
  'which has been 2.x since 2024-09-25: the same Dockerfile built with 1.x before.';

const MICRO_PIN_URL = `https://micro.mamba.pm/api/micromamba/{context.microLatest.platform}/${PIN_MICROMAMBA}`;

/** `latest`: the log shows the unpinned download. The command sits in a RUN of its own or in a `&&` chain: shown bare. */
const shellInitFix = (latest: boolean): string =>
  [
    'Give the root prefix with `-r` (`--root-prefix`), which micromamba 2 takes and 1.5 takes too; the command becomes:',
    '',
    '```sh',
    '{context.shellInitPrefix.cmd} -r {context.shellInitPrefix.prefix}{context.shellInitPrefix.rest|}',
    '```',
    '',
    latest
      ? 'Or keep the 1.x command line and pin micromamba to a 1.x release: download ' +
        `\`${MICRO_PIN_URL}\` in place of \`…/latest\` (\`latest\` moves to each new major).`
      : `Or pin micromamba to a 1.x release where the image downloads it: \`https://micro.mamba.pm/api/micromamba/<platform>/${PIN_MICROMAMBA}\` ` +
        'in place of `…/latest` (`<platform>`: `linux-64`, `linux-aarch64`).',
    '',
    `Other 2.0 changes: ${CHANGES}.`,
  ].join('\n');

const mambaInitFix = (block: string, run: string): string =>
  [
    'Initialise the shell with the command of the installed tools. A Miniforge (or Mambaforge) install has conda beside ' +
      'mamba, and `conda init` is unchanged:',
    '',
    '```' + block,
    `${run}conda init {context.mambaInit.shell|bash}`,
    '```',
    '',
    'With mamba 2 alone, its own spelling (the root prefix defaults to the one mamba is installed in):',
    '',
    '```' + block,
    `${run}mamba shell init --shell {context.mambaInit.shell|bash}`,
    '```',
    '',
    `Or keep mamba 1.x: pin the Miniforge installer to ${PIN_MINIFORGE}, the last release with mamba 1.5 ` +
      `(\`https://github.com/conda-forge/miniforge/releases/download/${PIN_MINIFORGE}/Miniforge3-$(uname)-$(uname -m).sh\` in ` +
      'place of `…/releases/latest/download/…`), or pin `mamba<2` where the image installs mamba.',
  ].join('\n');

export const mamba2CliChanged: RuleInput = {
  id: 'conda/mamba2-cli-changed',
  title: 'mamba 2 refused a mamba 1 command line',
  severity: 'error',
  match: [
    {
      literals: ['not expected: '],
      pattern: '^The following arguments? (?:was|were) not expected: (?<args>\\S.{0,200}?)\\s*$',
    },
  ],
  context: [
    // the program that ran: the failed command (`The command '/bin/sh -c … ./bin/micromamba shell init …' returned`, BuildKit's
    // `process "/bin/bash -c mamba init bash"`) or the step's instruction
    {
      name: 'ran',
      required: true,
      literals: ['mamba '],
      pattern: '(?<![\\w-])(?<tool>micromamba|mamba) (?<sub>[a-z][a-z-]{1,20})\\b',
    },
    // `micromamba shell init -s bash -p /opt/conda`: the root prefix given with 1.x's `-p`. `rest`: what follows the prefix
    // up to the end of the command (`-p /opt/conda -s bash`, leap-stc/rclone-beam's Dockerfile at 6cf9753), so that the
    // command shown keeps it and `-r` only takes `-p`'s place. No `:` in it, for the `> [3/5] RUN …:` header's colon.
    {
      name: 'shellInitPrefix',
      literals: ['shell init'],
      pattern:
        '(?<cmd>(?:[^\\s\'"&;|]{0,100}/)?micromamba shell init\\b[^&;|\'"\\n]{0,200}?)\\s(?:-p|--prefix)[ =](?<prefix>[^\\s&;|\'"]{1,200})' +
        '(?<rest>[^&;|\'":\\n]{0,200}[^\\s&;|\'":])?',
    },
    // `mamba init bash`
    { name: 'mambaInit', literals: ['mamba init'], pattern: '(?<![\\w-])mamba init(?: (?<shell>bash|zsh|fish|tcsh|xonsh|powershell))?\\b' },
    // the unpinned download: `https://micromamba.snakepit.net/api/micromamba/linux-64/latest`, `https://micro.mamba.pm/api/…`
    {
      name: 'microLatest',
      literals: ['/api/micromamba/'],
      pattern: '(?<host>https?://micro(?:\\.mamba\\.pm|mamba\\.snakepit\\.net))/api/micromamba/(?<platform>[a-z0-9-]{3,20})/latest\\b',
    },
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Run `{context.ran.tool} {context.ran.sub} --help` with the same {context.ran.tool} to see how 2.x spells this command, and ' +
      `change the command line to it (the 2.0 changes: ${CHANGES}).`,
    '',
    `Or pin the 1.x release where the image gets it: micromamba \`https://micro.mamba.pm/api/micromamba/<platform>/${PIN_MICROMAMBA}\` ` +
      `in place of \`…/latest\`, the Miniforge installer of release ${PIN_MINIFORGE} (the last with mamba 1.5), or \`mamba<2\`.`,
  ].join('\n'),
  variants: [
    { when: 'shellInitPrefix&microLatest', message: SHELL_INIT_MESSAGE + MICRO_LATEST, fix: shellInitFix(true) },
    { when: 'shellInitPrefix', message: SHELL_INIT_MESSAGE, fix: shellInitFix(false) },
    { when: 'mambaInit&fact.place=image-build', message: MAMBA_INIT_MESSAGE, fix: mambaInitFix('dockerfile', 'RUN ') },
    { when: 'mambaInit', message: MAMBA_INIT_MESSAGE, fix: mambaInitFix('sh', '') },
    {
      when: 'microLatest',
      message: MESSAGE + MICRO_LATEST,
      fix: [
        'Run `{context.ran.tool} {context.ran.sub} --help` with the same micromamba to see how 2.x spells this command, and ' +
          `change the command line to it (the 2.0 changes: ${CHANGES}).`,
        '',
        `Or keep the 1.x command line and pin micromamba to a 1.x release: download \`${MICRO_PIN_URL}\` in place of \`…/latest\`.`,
      ].join('\n'),
    },
  ],
  docs: CHANGES,
};
