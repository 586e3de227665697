// The shell could not find a program: not installed in this stage, or not on PATH. The package that
// provides it comes from a verified table for the distro in fact `os`, else from a lookup command
// (knowledge/command-package.ts); exit code 127 is the shell's "command not found" (POSIX "Exit
// Status for Commands").
import type { RuleInput } from '../../schema.js';
import { NVIDIA_SMI_MISSING } from '../cuda/no-gpu-at-build.js';
import { BASH_WORD_NOT_FOUND } from './bash-only-in-sh.js';
import { RUN_COMMAND_CONTEXT } from '../runtime/run-command.js';

const namedPattern = 'sh: (?:line )?(?:\\d{1,7}: )?[^\\s:]{1,200}: (?:command )?not found|exec: "[^"\\n]{1,200}": executable file not found';

const installFix = [
  '{enrich.installIntro}',
  '',
  '```',
  '{enrich.installLine}',
  '```',
  'If it is installed but off the `PATH` (pip `--user`, a conda environment, `/opt/…/bin`), add that directory to `PATH`',
  'instead. Stages share nothing but what is copied with `COPY --from`: a tool installed in another stage is not here.',
  // A step is reused from the build cache while its instruction and parent are unchanged (docs.docker.com/build/cache/);
  // packing-box/docker-packing-box#40: pip3 installed by the Dockerfile, not found until "Rebuilding with the
  // `--no-cache` flag solved the problem."
  'If an earlier step of this stage already installs it, read that step in this log (`Using cache` / `CACHED` means an',
  'old result was reused) and rebuild once with `docker build --no-cache`, which runs every step again.',
].join('\n');

// Docker reuses a step whose instruction and parent are unchanged (docs.docker.com/build/cache/): the edited step runs
// again; `docker build --no-cache` runs every step again, for a rebuild that keeps the line as it is.
const CACHED_INSTALLER_NOTE =
  'That step\'s result comes from the build cache (`Using cache` in the log), so every build replays the bad download: editing ' +
  'the step makes it run again; to rebuild without editing it, run `docker build --no-cache`.';

/** The batch install of a self-installed tool (`-b`: no PATH changes, `-p`: the prefix; conda's install docs). */
function selfInstallFix(lead: string): string {
  return [
    `${lead} (\`-b\` changes no \`PATH\`: {enrich.selfInstallDocs}; installers for other architectures: {enrich.selfInstallerIndex}):`,
    '',
    '```dockerfile',
    'RUN curl -fsSL -o /tmp/installer.sh {enrich.selfInstallerUrl} \\',
    ' && bash /tmp/installer.sh -b -p {enrich.selfInstallPrefix} && rm /tmp/installer.sh',
    'ENV PATH={enrich.selfInstallPrefix}/bin:$PATH',
    '```',
  ].join('\n');
}

/** uv's or Poetry's documented install (knowledge/python-tools.ts), as Dockerfile lines. */
const PY_TOOL_INSTALL = ['', '```dockerfile', '{enrich.pyToolDockerfile1}', '{enrich.pyToolDockerfile2}', '```'].join('\n');

export const commandNotFound: RuleInput = {
  id: 'shell/command-not-found',
  title: 'Command not found',
  severity: 'error',
  only: 'failed-step',
  match: [
    {
      // dash `/bin/sh: 1: cmake: not found`, busybox `/bin/sh: cmake: not found`,
      // bash `bash: line 1: cmake: command not found`, `/bin/bash: cmake: command not found`.
      literals: [': not found', 'command not found'],
      // lineNo and cmdWord tell dash from busybox ash from bash (knowledge/command-package.ts).
      pattern: '(?<notFoundBy>sh): (?<lineNo>(?:line )?\\d{1,7}: )?(?<command>[^\\s:]{1,200}): (?<cmdWord>command )?not found',
    },
    {
      // exec-form RUN: `exec: "cmake": executable file not found in $PATH`
      literals: ['executable file not found in'],
      pattern: 'exec: "(?<command>[^"\\n]{1,200})": executable file not found',
    },
    { literals: ['exit code: 127', 'non-zero code: 127'] },
  ],
  context: [
    { name: 'exit127', literals: ['exit code: 127', 'non-zero code: 127'] },
    // Any exit code of the step: without one, the log ends before the step's end (a pasted error box), and the
    // not-found line is the last word of a failed step, not a probe the step survived.
    { name: 'anyExit', literals: ['exit code: ', 'non-zero code: '], pattern: '(?:exit code|non-zero code): \\d' },
    // the `docker run` line, for the image the advice names (the run-command enricher)
    RUN_COMMAND_CONTEXT,
    // a conda installer (constructor) that stopped in its pre-install script: the command it was to install is missing
    // because of that (conda/installer-pre-install-failed)
    { name: 'installerFailed', literals: ['ERROR: executing pre_install.sh failed'] },
    // The OCI runtime's `exec: "gcc": executable file not found in $PATH`: a container's command, not a shell's line.
    { name: 'ociExec', literals: ['executable file not found in'], pattern: 'exec: "[^"\\n]{1,200}": executable file not found' },
    // The log names the command (not only the exit code).
    { name: 'named', literals: [': not found', 'command not found', 'executable file not found in'], pattern: namedPattern },
    // mysqlclient's build (2.2 and later) asks pkg-config for the MySQL / MariaDB client library: `Trying pkg-config
    // --exists mysqlclient` (PyMySQL/mysqlclient#586, "Use pkg-config instead of mysql_config"; the maintainer in
    // PyMySQL/mysqlclient#639: "pkg-config is needed since 2.2"). Or mysqlclient's build named by pip's own lines, when mysqlclient's output is cut before its `Trying pkg-config` line
    // (getredash/redash#6419: `Downloading mysqlclient-2.2.0.tar.gz`, then only `/bin/sh: 1: pkg-config: not found`): an
    // sdist of mysqlclient fetched or built in this step.
    {
      name: 'mysqlclient',
      literals: ['pkg-config --exists mysqlclient', 'pkg-config --exists mariadb', 'mysqlclient'],
      pattern: 'pkg-config --exists (?:mysqlclient|mariadb)|(?:Downloading|Using cached|Collecting|Building wheel for) mysqlclient\\b',
    },
  ],
  // nvcc missing is a CUDA toolkit problem, explained by cuda/toolkit-not-found; nvidia-smi in a build
  // step comes from the host driver at `docker run --gpus`, explained by cuda/no-gpu-at-build. A bash builtin that dash
  // (/bin/sh) lacks, `source: not found`, is no missing program: shell/bash-only-in-sh.
  unless: [{ literals: ['nvcc: not found', 'nvcc: command not found', 'exec: "nvcc"'] }, ...NVIDIA_SMI_MISSING, ...BASH_WORD_NOT_FOUND],
  message:
    'The step exited with code 127, the shell\'s "command not found", but the log does not show which command: it is not ' +
    'installed in this stage, or not on its `PATH`.',
  fix: [
    'Look above the exit for the `not found` line (rebuild with `--progress=plain` to see the whole step), then install',
    'that command in this stage or add its directory to `PATH`.',
  ].join('\n'),
  variants: [
    // pkg-config missing while mysqlclient's sdist builds (overhangio/tutor-xqueue#26, apache/devlake#7036: the merged
    // fixes add pkg-config to the apt line). The packages are the ones mysqlclient's README gives for Debian / Ubuntu
    // (`python3-dev default-libmysqlclient-dev build-essential pkg-config`) and Red Hat (`python3-devel mysql-devel
    // pkgconfig`); Alpine's client headers are `mariadb-dev` (aports main/mariadb, subpackage -dev) with `pkgconf`.
    // MYSQLCLIENT_CFLAGS / MYSQLCLIENT_LDFLAGS skip the pkg-config lookup (the README's "Customize build").
    ...['fact.place=image-build', ''].map((place) => ({
      when: place === '' ? 'named&mysqlclient' : `named&mysqlclient&${place}`,
      severity: 'error' as const,
      title: 'mysqlclient\'s build needs pkg-config and the MySQL client headers',
      message:
        'mysqlclient is being built from source (its sdist), and mysqlclient 2.2 and later find the MySQL / ' +
        'MariaDB client library with `pkg-config`. `{command}` is not ' +
        'installed' + (place === '' ? '' : ' in this stage') + ', so the build fails; the client headers are needed with it.',
      fix: [
        'Install pkg-config, the MySQL client headers and a C compiler ' + (place === '' ? 'before the install' : 'in this stage, before the step that installs mysqlclient') + ' (mysqlclient\'s README, "Linux"):',
        '',
        '```' + (place === '' ? 'sh' : 'dockerfile'),
        (place === '' ? '' : 'RUN ') + 'apt-get update && apt-get install -y --no-install-recommends pkg-config default-libmysqlclient-dev build-essential',
        '```',
        '',
        'On Alpine: `apk add pkgconf mariadb-dev build-base`; on RHEL-like images: `dnf install -y pkgconfig mysql-devel gcc`',
        '(`python3-dev` / `python3-devel` too when the Python is the distribution\'s). With the client library somewhere',
        'pkg-config cannot see, set `MYSQLCLIENT_CFLAGS` and `MYSQLCLIENT_LDFLAGS` instead.',
      ].join('\n'),
    })),
    // Another distribution's package manager (apt-get in an Alpine stage: pemtajo/badge-readme#34, ente/ente#6579, whose
    // fix is `apk add --no-cache …`): no package of this image ships it (knowledge/command-package.ts); the step is
    // rewritten with the image's own manager, or the stage is based on the other distribution.
    {
      when: 'named&enrich.foreignPm',
      title: 'Package manager of another distribution',
      message:
        '`{command}` is the package manager of {enrich.foreignPmOwn}, and {enrich.foreignPmWhere}: no {enrich.foreignPmFamily} package ' +
        'provides `{command}`, so this step was written for another distribution.',
      fix: [
        'Write the step with this image\'s own package manager, and its package names: {enrich.foreignPmLookup}.',
        '',
        '```',
        '{enrich.foreignPmInstall}',
        '```',
        '',
        'Or keep the step as it is and build the stage FROM {enrich.foreignPmBase}.',
      ].join('\n'),
    },
    // An earlier step of this stage installed the command where the log shows (tool-bin-dir): PATH, not a package.
    {
      when: 'named&exit127&enrich.toolBinDir&fact.place=image-build',
      title: 'Command not on PATH',
      message: '`{command}` is installed, but not on `PATH`: {enrich.toolBinWhy}, and that directory is not on this stage\'s `PATH` (exit code 127 is the shell\'s "command not found").',
      fix: [
        'Put that directory on `PATH` in this stage, before the step that runs `{command}`:',
        '',
        '```dockerfile',
        'ENV PATH={enrich.toolBinDir}:$PATH',
        '```',
        '',
        'or call it by its full path, `{enrich.toolBinDir}/{command}`.',
      ].join('\n'),
    },
    {
      when: 'named&exit127&enrich.toolBinDir',
      title: 'Command not on PATH',
      message: '`{command}` is installed, but not on `PATH`: {enrich.toolBinWhy}, and that directory is not on the `PATH` of the shell that ran it (exit code 127 is the shell\'s "command not found").',
      fix: ['Put that directory on `PATH` where the command runs:', '', '```sh', 'export PATH="{enrich.toolBinDir}:$PATH"', '```', '', 'or call it by its full path, `{enrich.toolBinDir}/{command}`.'].join('\n'),
    },
    // A command no distribution package provides (conda, knowledge/self-installed-tools.ts): the earlier step that
    // runs its installer is the fix, not a package search. curl(1): without `-L` curl saves the redirect response.
    // repo.continuum.io redirects to repo.anaconda.com (dineshreddy91/Occlusion_Net#11, DmitryUlyanov/deep-image-prior#83:
    // `curl -so … repo.continuum.io/…` saved no installer, `-L` fixed it). A log cut before the exit code still names the
    // command and the earlier step: the same cause.
    {
      when: 'named&installerFailed',
      title: 'Command not found: its installer stopped before installing',
      message:
        '`{command}` is not installed: the conda installer above stopped in its pre-install script (`ERROR: executing ' +
        'pre_install.sh failed`) before it installed anything, so `{command}` does not exist.',
      fix: 'Fix the installer\'s failure (the finding about it, and the lines it printed above its error); `{command}` is there once it installs.',
    },
    ...['named&exit127', 'named'].flatMap((named) => [
      { cached: true, when: `${named}&enrich.selfCurlNoLocation&enrich.selfInstallCached&fact.place=image-build` },
      { cached: false, when: `${named}&enrich.selfCurlNoLocation&fact.place=image-build` },
    ]).map(({ cached, when }) => ({
      when,
      title: 'Command not found: its installer may not have been downloaded',
      message:
        '`{command}` is not installed in this stage' + (when.includes('exit127') ? ' (exit code 127 is the shell\'s "command not found")' : '') +
        '. No Debian or Ubuntu package provides it: it comes from {enrich.selfInstaller}, which step {enrich.selfInstallStep} downloads with ' +
        '`curl` without `-L`. When the download URL redirects (repo.continuum.io, the old name of repo.anaconda.com, answers with one), ' +
        'curl saves the redirect response instead of the installer, so nothing is installed.',
      fix:
        selfInstallFix('In step {enrich.selfInstallStep}, download with `-L` (follow redirects) and `-f` (an HTTP error fails that step instead of saving an error page), install in batch mode and put the prefix\'s `bin` on `PATH`') +
        (cached ? '\n\n' + CACHED_INSTALLER_NOTE : ''),
    })),
    // No step of the log runs the installer (mmdetection#4851: `RUN conda clean --all` on a base image without conda): the
    // base image may have been expected to bring it, or nothing installs it. What the image has is checked first; a
    // cleanup step is dropped; an install uses `ADD`, since the images that lack conda often lack curl too
    // (knowledge/self-installed-tools.ts).
    {
      when: 'named&exit127&enrich.selfInstaller&!enrich.selfInstallStep&fact.place=image-build',
      title: 'Command not found: no step of this log installs it',
      message:
        '`{command}` is not installed in this stage, or not on its `PATH` (exit code 127 is the shell\'s "command not found"). ' +
        'No Debian or Ubuntu package provides it: it comes from {enrich.selfInstaller}, and the log shows no step of this stage ' +
        'that runs one. Either an earlier step was meant to (find it in the Dockerfile), or the base image was expected to bring ' +
        'it (and does not, or keeps it off `PATH`), or nothing installs it.',
      fix: [
        'Check what the stage\'s base image (its `FROM` image) has: `docker run --rm {fact.baseImage|IMAGE} sh -c \'command -v {command}; ls {enrich.selfInstallPrefix}/bin/{command}\'`.',
        '',
        '- There, but off `PATH`: add `ENV PATH={enrich.selfInstallPrefix}/bin:$PATH` (the directory `ls` found) before this step.',
        '- An earlier step of the Dockerfile runs the installer: read its output for an install that failed without failing the',
        '  step; a `curl` without `-L` saves a redirect response instead of the installer. Replace the download with the `ADD` below.',
        '- Nothing installs it, and this step only tidies up after it (`{command} clean`): remove the step.',
        '- Nothing installs it, and the build needs it: install it in this stage before this step. `ADD` downloads the installer',
        '  without curl or wget in the image; `-b` installs in batch mode and changes no `PATH` ({enrich.selfInstallDocs}):',
        '',
        '```dockerfile',
        'ADD {enrich.selfInstallerAddUrl} /tmp/installer.sh',
        'RUN bash /tmp/installer.sh -b -p {enrich.selfInstallPrefix} && rm /tmp/installer.sh',
        'ENV PATH={enrich.selfInstallPrefix}/bin:$PATH',
        '```',
        '',
        '{enrich.selfInstallerArchNote}',
      ].join('\n'),
    },
    {
      when: 'named&exit127&enrich.selfInstaller&fact.place=image-build',
      title: 'Command not found: its installer did not install it',
      message:
        '`{command}` is not installed in this stage, or not on its `PATH` (exit code 127 is the shell\'s "command not found"). ' +
        'No Debian or Ubuntu package provides it: it comes from {enrich.selfInstaller}, which an earlier step ' +
        '({enrich.selfInstallStep|not in this log: find it in the Dockerfile}) was meant to run.',
      fix: selfInstallFix(
        'Check that step: a `curl` without `-L` saves a redirect response instead of the installer; read its output for an install that failed ' +
          'without failing the step. Download with `-fsSL`, install in batch mode and put the prefix\'s `bin` on `PATH`',
      ),
    },
    // uv and Poetry (knowledge/python-tools.ts): installed as their docs say, not found with apt-file. Stages share only
    // what is copied (docs.docker.com/build/building/multi-stage/): when another stage installed the tool, or this stage
    // is built FROM another stage, the one install belongs in the stage they are built FROM. With exit code 127, or with
    // the log ending at the `not found` line, before the step's exit code (astral-sh/uv#8948's paste).
    ...(['named&exit127', 'named&!anyExit'] as const).flatMap((named) => {
      const why = named === 'named&exit127' ? '(exit code 127 is the shell\'s "command not found")' : '(the log ends at the shell\'s `not found` line, before the step\'s exit code)';
      return [
        // Called by its full path under a home, where the tool's installer puts it (fletchgqc/agentbox#2:
        // `/home/claude/.local/bin/uv: not found`; the merged fix, PR #5, set `ENV HOME` and PATH before the installer):
        // PATH plays no part, the file is not there. The install that no `$HOME` decides is uv's image copy (its Docker
        // guide) or POETRY_HOME (Poetry's installer).
        {
          when: `${named}&enrich.pyToolHomeBin&fact.place=image-build`,
          title: 'Command not found where its installer puts it: the installer ran with another $HOME',
          message:
            `The step calls \`{command}\` by its full path, and nothing is there ${why}: \`PATH\` plays no part. {enrich.pyToolInstallPlace}. ` +
            'So the installer ran as another user or with another `$HOME` than `{enrich.pyToolHome}`, or it did not install (its download or install failed in its own step, or no step runs it).',
          fix: [
            'Install it where no `$HOME` decides the place, and call it by name ({enrich.pyToolDocs}):',
            PY_TOOL_INSTALL,
            'then run `{enrich.pyTool} …` instead of `{command} …`. Or keep the installer and give it that home before it runs (as the',
            'user that runs `{enrich.pyTool}`, after the `USER` line):',
            '',
            '```dockerfile',
            'ENV HOME={enrich.pyToolHome}',
            'ENV PATH={enrich.pyToolHomeBin}:$PATH',
            'RUN {enrich.pyToolShell1}',
            '```',
            'To see where it went, run `echo "$HOME"; ls -la {enrich.pyToolHomeBin}` at the end of the installer\'s step.',
          ].join('\n'),
        },
        {
          when: `${named}&enrich.pyToolOtherStage&fact.place=image-build`,
          title: 'Command not found: installed in another stage',
          message:
            `\`{command}\` is not in stage \`{enrich.pyToolStage}\` ${why}. Step ` +
            '{enrich.pyToolOtherStage} installed it, in another stage: stages share only what they are built FROM and what is copied with `COPY --from`.',
          fix: [
            'Install {enrich.pyTool} once in the stage that both stages are built FROM (the shared base stage), so every stage built on it has it;',
            'or install it in stage `{enrich.pyToolStage}` too, before this step, as its docs say ({enrich.pyToolDocs}):',
            PY_TOOL_INSTALL,
          ].join('\n'),
        },
        {
          when: `${named}&enrich.pyToolFromStage&fact.place=image-build`,
          title: 'Command not found in this stage or the stage it is built FROM',
          message:
            `\`{command}\` is not in stage \`{enrich.pyToolStage}\` ${why}. This stage is built ` +
            'FROM another stage of this build (its first step is not a FROM), and that stage does not have {command} either: a tool ' +
            'installed in a sibling stage is not here. {enrich.pyToolArchive}.',
          fix: [
            'Install {enrich.pyTool} in the base stage that `{enrich.pyToolStage}` is built FROM (the stage its `FROM … AS {enrich.pyToolStage}` line names),',
            'so every stage built on it has it, as {enrich.pyTool}\'s docs give it ({enrich.pyToolDocs}):',
            PY_TOOL_INSTALL,
          ].join('\n'),
        },
        {
          when: `${named}&enrich.pyTool&fact.place=image-build`,
          message: `\`{command}\` is not installed in this stage, or not on its \`PATH\` ${why}. {enrich.pyToolArchive}.`,
          fix: [
            'Install it in this stage, before this step, as its docs give it ({enrich.pyToolDocs}):',
            PY_TOOL_INSTALL,
            '{enrich.pyToolPathNote}: put that directory on `PATH` after that step (`/root` is the home of a build that runs as root;',
            'a `USER` line changes it):',
            '',
            '```dockerfile',
            'ENV PATH=/root/.local/bin:$PATH',
            '```',
            '',
            'If another stage installs it, install it once in the stage both are built FROM instead: stages share only what they are built FROM and what is copied with `COPY --from`.',
          ].join('\n'),
        },
        {
          when: `${named}&enrich.pyTool`,
          message: `\`{command}\` is not installed, or not on the \`PATH\` of the shell that ran it ${why}. {enrich.pyToolArchive}.`,
          fix: ['Install it as its docs give it ({enrich.pyToolDocs}); the installer puts it in `~/.local/bin`:', '', '```sh', '{enrich.pyToolShell1}', '{enrich.pyToolShell2}', '```'].join('\n'),
        },
      ];
    }),
    {
      when: 'named&exit127',
      message: '`{command}` is not installed in this stage, or not on its `PATH` (exit code 127 is the shell\'s "command not found").',
      fix: installFix,
    },
    // `docker run IMAGE gcc -v`: the command after the image name replaces its CMD
    // (docs.docker.com/reference/cli/docker/container/run/), and the OCI runtime finds no such file in the image, so the
    // container does not start; nothing was built. docker-library/python#882: `python:3.10-slim-bookworm` has no gcc by
    // design (the slim variants purge the compilers they built Python with; docker-library/docs#2420 notes that pip
    // installs needing a compiler fail there); the maintainers' answer: install it in an image built FROM it.
    {
      when: 'ociExec&fact.place=docker-run',
      severity: 'error',
      title: 'The container\'s command is not in the image',
      message:
        '`{command}` is not in the image `{enrich.runImage|IMAGE}`, or not on its `PATH`: `docker run` looked up the command given after ' +
        'the image name (it replaces the image\'s `CMD`) and the OCI runtime found no such file, so the container did not start. ' +
        'Nothing was built here: the image is as its maker left it (slim and minimal variants leave compilers and tools out).',
      fix: [
        'Check what the image has: `docker run --rm {enrich.runImage|IMAGE} sh -c \'command -v {command}; echo $PATH\'`. To have it, build',
        'an image FROM this one that installs it, or use a variant of the image that ships it (the non-slim tag, for one).',
        '{enrich.installIntro}',
        '',
        '```dockerfile',
        'FROM {enrich.runImage|IMAGE}',
        'RUN {enrich.installLine}',
        '```',
      ].join('\n'),
    },
    {
      // markus-perl/ffmpeg-build-script#244: BuildKit's error box with `/bin/sh: 1: git: not found`, pasted without the
      // `ERROR: process … exit code: 127` line under it.
      when: 'named&!anyExit',
      message:
        '`{command}` is not installed in this stage, or not on its `PATH`: the step failed with the shell\'s `not found` for it in its ' +
        'output (the log ends before the step\'s exit code; 127 is the shell\'s "command not found").',
      fix: installFix,
    },
    {
      when: 'named',
      severity: 'warning',
      title: 'Command not found (step failed for another reason?)',
      message:
        '`{command}` was not found in this step, but the step did not end with exit code 127: it may be an optional probe, ' +
        'or the failure that followed from it.',
      fix: installFix,
    },
  ],
  // command-package also gives the run-command enricher's values (runImage) at `docker run` (at most four enrichers).
  enrich: ['command-package', 'tool-bin-dir', 'self-installed', 'python-tool'],
};
