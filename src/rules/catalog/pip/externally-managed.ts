// PEP 668: the distribution's Python refuses installs into the system site-packages. Debian 12
// ships the marker (/usr/lib/python3.11/EXTERNALLY-MANAGED, package libpython3.11-stdlib: dpkg -S on
// this Debian 12 machine); Ubuntu 24.04's Python 3.12 has it too (warpdotdev/oz-for-oss#246).
// - pip: `--break-system-packages` / `PIP_BREAK_SYSTEM_PACKAGES=1` since pip 23.0.1 (changelog; pip
//   23.2.1's help). `python3 -m venv` on Debian / Ubuntu needs the `python3-venv` package (apt-cache show
//   python3-venv on Debian 12: Depends python3.11-venv).
// - uv says "The interpreter at /usr is externally managed" (astral-sh/uv#8656, #15673). It needs
//   `--system --break-system-packages` (uv 0.1.16, PR #2249) or `UV_BREAK_SYSTEM_PACKAGES=1`; it does
//   not read PIP_BREAK_SYSTEM_PACKAGES (astral-sh/uv#2234). `VIRTUAL_ENV=/path` makes uv install into that
//   environment (docs.astral.sh/uv/pip/environments, "Using arbitrary Python environments").
// Overriding the marker is reasonable in a single-purpose image, not on a host: the host-shell
// variant only offers a virtual environment. Commands name the requirements of the failing RUN
// (`pip-advice` enricher).
// - In a Dockerfile each `RUN` is a new shell, so `. venv/bin/activate` does not carry over to the next one: the venv
//   goes first on `PATH` with `ENV` (Dockerfile reference, ENV / RUN). A log that does not show where pip ran gets
//   both forms.
// - Alpine: its marker names apk ("The system-wide python installation should be maintained using the system package
//   manager (apk) only", weaviate/weaviate-benchmarking#8, AnotherDaniel/smahub#19), and the release notes of Alpine
//   3.19 say "Python's package directory is now marked as externally managed" (quoted in fdroid/fdroiddata MR 14211).
//   pip itself is the `py3-pip` package, apart from python3 since Alpine 3.12 (gitlab.com/robozman/revel MR 11).
//   `python3 -m ensurepip` runs pip to install pip into that system Python, so the marker refuses it too: the output
//   of a refused ensurepip is pip's, so the image has ensurepip's bundled pip, which `python3 -m venv` installs into
//   the new environment. Alpine 3.18, the last release without the marker, left security support on 2025-05-09
//   (alpinelinux.org/releases, as aquasecurity/trivy#4308 quotes it): no pin to offer.
// - Ubuntu: 23.04 was the first with the marker; 22.04 has none and has standard support until April 2027
//   (ubuntu.com/about/release-cycle; crops/poky-container 49271d9). vti/wahooMapsCreator-docker#3 fixed its
//   `FROM ubuntu:latest` (24.04) build with `FROM ubuntu:22.04`. Debian has no supported release without it (11
//   ended with its LTS, knowledge/eol-releases.ts).
// - A Dev Container Feature: the Dev Containers CLI builds each Feature of devcontainer.json as a `RUN` of a Dockerfile it
//   generates on top of the user's image (`RUN --mount=type=bind,from=dev_containers_feature_content_source,… cd
//   /tmp/dev-container-features/python_1 && chmod +x ./devcontainer-features-install.sh && ./devcontainer-features-install.sh`,
//   devcontainers/cli src/spec-node/containerFeatures.ts), whose wrapper prints a banner (`Feature       : AWS CLI`,
//   `Id            : ghcr.io/devcontainers/features/aws-cli`, `Version       : 1.1.0`) and on failure `ERROR: Feature "AWS
//   CLI" (ghcr.io/devcontainers/features/aws-cli) failed to install!`. The pip that was refused is the Feature script's, so a
//   venv in the user's Dockerfile does not reach it; the Features fixed PEP 668 in their own scripts (devcontainers/features#577
//   for python, #832 / PR #833 docker-in-docker, #1120 docker-outside-of-docker): a newer release of the Feature is the fix, a
//   report to its repository when the newest still fails. An `ENV` of the user's Dockerfile is inherited by the Feature
//   layers built on it. A log cut before the banner (devcontainers/features#577) still shows the python Feature's own lines,
//   `Installing Python tools...` then `Updating pip...` (src/python/install.sh): the advice then says how to confirm it.
//   The python Feature's `installTools` option (default true) skips its pip installs (its README's options table).
// - uv's own Pythons: `uv python install` (and a uv command that downloads a Python) writes an EXTERNALLY-MANAGED file into
//   the stdlib of each Python it installs, `Error=This Python installation is managed by uv and should not be modified.`
//   (astral-sh/uv crates/uv-python/src/managed.rs: `EXTERNALLY_MANAGED`, `ensure_externally_managed`). pip run with that
//   interpreter prints it (replicate/cog#2945: cog 0.17's generated `RUN uv run pip install -r …`). The distribution has
//   nothing to do with it, so apt's python3-venv is no fix: uv installs with `uv pip install`, which takes the environment
//   `VIRTUAL_ENV` names, else a `.venv` in the working directory or a parent (uv-python-discovery virtualenv_discovery.rs,
//   `virtualenv_from_env` / `virtualenv_from_working_dir`); `uv venv` makes one with no pip in it (`--seed` adds pip: uv venv
//   --help). `uv pip install --system` into a managed Python is refused by uv for the same marker (`The interpreter at
//   ~/.local/share/uv/python/cpython-3.13.… is externally managed`, astral-sh/uv#16198 shows the same text from pip) unless
//   `--break-system-packages` is given too.
import type { RuleInput, RuleVariant } from '../../schema.js';
import { aptInstallLine } from '../../../knowledge/apt-install-line.js';

/** The Ubuntu pin, a stopgap for a base that is Ubuntu (the Debian-worded marker does not tell Debian from Ubuntu). */
const UBUNTU_PIN =
  'If the base image is Ubuntu (`ubuntu:latest` follows the newest LTS, marked since 24.04), `FROM ubuntu:22.04` still installs ' +
  'system-wide, a stopgap until its standard support ends (April 2027); Debian has no supported release without the marker.';

/** Alpine's marker: it names apk, and its advice is `apk add py3-…`. */
const ALPINE_MESSAGE =
  "pip refused to install into Alpine's system Python: since Alpine 3.19 it is marked as externally managed (PEP 668), to be " +
  'maintained with apk only, as the message says.';

/** A virtual environment for every later `RUN`: `ENV` carries over, an `activate` in one `RUN` does not. */
const VENV_STEPS = ['RUN python3 -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:${PATH}'];

/** A virtual environment uv makes, first on `PATH` (and named by `VIRTUAL_ENV`, where `uv pip` installs) for every later `RUN`. */
const UV_VENV_STEPS = ['RUN uv venv /opt/venv', 'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:${PATH}'];

/** The same in a shell, where `activate` lasts for the session. */
const SHELL_VENV = ['```sh', 'python3 -m venv .venv', '. .venv/bin/activate', '```'];

/** Alpine's own builds of Python packages. */
const ALPINE_PACKAGES = "Or take the packages Alpine builds, named `py3-` and the project's name (`apk search py3-` lists them)";

const ALPINE_NO_PIN =
  'Alpine 3.18, the last release without the marker, is past its end of life (May 2025): pin a current `alpine:3.x` tag ' +
  'rather than `latest`, so the next release does not change this under the build again.';

const alpineVariants: RuleVariant[] = [
  {
    when: 'alpine&ensurepip&fact.place=image-build',
    title: 'ensurepip refused on Alpine (PEP 668): pip comes from apk or a venv',
    message:
      "`python3 -m ensurepip` installs pip with pip into Alpine's system Python, which Alpine marks as externally managed " +
      'since 3.19 (PEP 668): it is to be maintained with apk only, so ensurepip is refused like any other install there.',
    fix: [
      'Replace the `ensurepip` step. To install Python packages, make a virtual environment: `venv` brings its own pip (the one ' +
        'ensurepip would have installed), and the marker does not apply inside it:',
      '',
      '```dockerfile',
      ...VENV_STEPS,
      '```',
      '',
      'Later `pip install` steps then install into `/opt/venv` (`ENV` carries to every later `RUN`; an `activate` in one `RUN` ' +
        'would not). If only a `pip` command is needed, take Alpine\'s package instead: `RUN apk add --no-cache py3-pip` (it still ' +
        'refuses system-wide installs). ' + ALPINE_NO_PIN,
    ].join('\n'),
  },
  {
    when: 'alpine&fact.place=image-build&enrich.installCmd',
    message: ALPINE_MESSAGE,
    fix: [
      'Install into a virtual environment, first on `PATH` for every later `RUN` (an `activate` in one `RUN` does not carry over):',
      '',
      '```dockerfile',
      ...VENV_STEPS,
      'RUN {enrich.installCmd}',
      '```',
      '',
      ALPINE_PACKAGES + ', or, in a ' +
        'single-purpose image, override the marker: `{enrich.breakCmd}`. ' + ALPINE_NO_PIN,
    ].join('\n'),
  },
  {
    when: 'alpine&fact.place=image-build',
    message: ALPINE_MESSAGE,
    fix: [
      'Install into a virtual environment, made before the step that runs pip and first on `PATH` for every later `RUN` (an ' +
        '`activate` in one `RUN` does not carry over); the step itself stays as it is:',
      '',
      '```dockerfile',
      ...VENV_STEPS,
      '```',
      '',
      ALPINE_PACKAGES + ', or, in a single-purpose image, override the ' +
        'marker with `--break-system-packages` on that `pip install`. ' + ALPINE_NO_PIN,
    ].join('\n'),
  },
  {
    when: 'alpine',
    message: ALPINE_MESSAGE,
    fix: [
      'Install into a virtual environment. The log does not show where pip ran: in a Dockerfile, make it in a `RUN` and put it ' +
        'first on `PATH` with `ENV` (an `activate` in one `RUN` does not carry over to the next):',
      '',
      '```dockerfile',
      ...VENV_STEPS,
      '```',
      'in a shell:',
      '',
      ...SHELL_VENV,
      '',
      `Then run the install again. ${ALPINE_PACKAGES}.`,
    ].join('\n'),
  },
];

/** uv's managed Pythons carry their own marker (see the comment above): the fix is uv's installer in an environment, not apt. */
const UV_MANAGED_MESSAGE =
  'pip refused to install into a Python that uv installed: uv marks every Python it installs as externally managed (PEP 668; ' +
  'its EXTERNALLY-MANAGED file says "This Python installation is managed by uv"), so that its interpreters stay as uv left ' +
  "them. The distribution's Python is not involved, and apt's `python3-venv` does not change it.";

const UV_MANAGED_TAIL =
  'The `--system` option of uv does not get around it: uv refuses a uv-managed Python for the same marker unless ' +
  '`--break-system-packages` is given too, acceptable in a single-purpose image only.';

const uvManagedVariants: RuleVariant[] = [
  {
    when: 'uvManaged&fact.place=image-build&enrich.requirement',
    title: 'pip refused: uv-managed Python is externally managed (PEP 668)',
    message: UV_MANAGED_MESSAGE,
    fix: [
      "Install with uv's own installer into a virtual environment instead of running pip in that Python: `uv pip install` " +
        'installs into the environment `VIRTUAL_ENV` names (or a `.venv` in the working directory or a parent). Make one before ' +
        'the step and put it first on `PATH` for every later `RUN` (an `activate` in one `RUN` does not carry over):',
      '',
      '```dockerfile',
      ...UV_VENV_STEPS,
      'RUN uv pip install {enrich.requirement}',
      '```',
      '',
      'If the project already has its environment (`uv sync` made `.venv` in the project directory), `uv pip install ' +
        '{enrich.requirement}` run there installs into it, with no `uv venv`. ' + UV_MANAGED_TAIL,
    ].join('\n'),
  },
  {
    when: 'uvManaged&fact.place=image-build',
    title: 'pip refused: uv-managed Python is externally managed (PEP 668)',
    message: UV_MANAGED_MESSAGE,
    fix: [
      "Install with uv's own installer into a virtual environment instead of running pip in that Python: `uv pip install` " +
        'installs into the environment `VIRTUAL_ENV` names (or a `.venv` in the working directory or a parent). Make one before ' +
        'the step, first on `PATH` for every later `RUN`, and change the step\'s `pip install` to `uv pip install`:',
      '',
      '```dockerfile',
      ...UV_VENV_STEPS,
      '```',
      '',
      UV_MANAGED_TAIL,
    ].join('\n'),
  },
  {
    when: 'uvManaged',
    title: 'pip refused: uv-managed Python is externally managed (PEP 668)',
    message: UV_MANAGED_MESSAGE,
    fix: [
      "Install with uv's own installer into a virtual environment instead of running pip in that Python: `uv pip install` " +
        'installs into the environment `VIRTUAL_ENV` names, or a `.venv` in the working directory or a parent (in a uv project, ' +
        'the one `uv sync` made). Without one, make it first:',
      '',
      '```sh',
      'uv venv .venv',
      '. .venv/bin/activate',
      'uv pip install {enrich.requirement|<the same requirements>}',
      '```',
      '',
      'In a Dockerfile, put it first on `PATH` with `ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:${PATH}` after `RUN uv venv ' +
        '/opt/venv` (an `activate` in one `RUN` does not carry over). ' + UV_MANAGED_TAIL,
    ].join('\n'),
  },
];

/** A Dev Container Feature's script ran the refused pip: the fix is the Feature's (see the comment above). */
function featureVariant(when: string, who: string, ref: string, confirm: string): RuleVariant {
  return {
    when,
    title: 'pip refused (PEP 668) inside a Dev Container Feature',
    message:
      `pip refused to install into the system Python of {fact.os|this image}, which is marked as externally managed (PEP 668, as ` +
      `Debian 12 and Ubuntu 23.04+ are), and the pip that ran is ${who}'s install script, not a step of your Dockerfile: the Dev ` +
      'Containers CLI runs each Feature listed under `features` in devcontainer.json as a `RUN` on top of your image, so a venv in ' +
      "your Dockerfile does not change what the Feature's script runs.",
    fix: [
      ...(confirm === '' ? [] : [confirm, '']),
      "The fix belongs in the Feature's script: use its newest release (the official Features changed theirs for PEP 668 after " +
        `Debian 12 came out). In devcontainer.json, reference it by its major version (${ref} takes the newest release of that ` +
        'major; a full version such as `:1.1.0` stays on that release) and rebuild the container. If the newest release still ' +
        "fails, report it to the Feature's repository (the `Documentation` link of its banner) with this log.",
      '',
      "Until then, the marker can be overridden for the Feature's pip from the image it builds on: in the Dockerfile your " +
        'devcontainer.json builds (its `build.dockerfile`), `ENV PIP_BREAK_SYSTEM_PACKAGES=1` (pip ≥ 23.0.1), which the Feature ' +
        'layers inherit.',
    ].join('\n'),
  };
}

const featureVariants: RuleVariant[] = [
  // The docker-in-docker Feature pip-installed Compose v1 on a machine other than x86_64 (an arm64 Mac): its install.sh ran
  // the pipx / `pip3 install … docker-compose` branch for every `dockerDashComposeVersion` but `none` (2.8.0's
  // src/docker-in-docker/install.sh: `if [ "${DOCKER_DASH_COMPOSE_VERSION}" != "none" ]`, then `if [ "${target_compose_arch}"
  // != "x86_64" ]`; `v2` only picked compose-switch afterwards). 2.8.1 skipped that branch on bookworm only (devcontainers/features
  // PR #833, commit d5ef6a7, for #832: `&& [ "${VERSION_CODENAME}" != "bookworm" ]`, so Ubuntu 23.04+ on arm64 still ran it);
  // 2.10.0 made `latest` (v2) the default and runs the v1 install only for `v1` (PR #873, commit 4db22d38).
  {
    when: 'devFeatureId&dindFeature',
    title: 'pip refused (PEP 668) inside the docker-in-docker Feature',
    message:
      'pip refused to install into the system Python of {fact.os|this image}, which is marked as externally managed (PEP 668, as ' +
      "Debian 12 is), and the pip that ran is the docker-in-docker Feature's install script: on a machine other than x86_64 (an " +
      'arm64 Mac, for one) its releases before 2.8.1 installed Docker Compose v1 with pip (on Debian 12; on other externally ' +
      'managed systems, such as Ubuntu 24.04, its releases before 2.10.0). The Dev Containers CLI generates ' +
      'the Dockerfile that runs it (`Dockerfile.extended`), so nothing in your Dockerfile or that file changes it.',
    fix: [
      'In devcontainer.json, use a release of the Feature that does not pip-install Compose v1 there: 2.8.1 and later skip it on ' +
        'Debian 12 (devcontainers/features#833), and from 2.10.0 the default `dockerDashComposeVersion` is `latest` (Compose v2) and only ' +
        '`v1` takes the pip install, on any system. ' +
        'Reference the Feature by its newest major version, which takes the newest release of that major, and rebuild the container:',
      '',
      '```json',
      '"features": {',
      '  "ghcr.io/devcontainers/features/docker-in-docker:N": {}',
      '}',
      '```',
      '',
      'with N the first number of the `version` in the Feature\'s `src/docker-in-docker/devcontainer-feature.json` on the main ' +
        'branch of github.com/devcontainers/features (a full version such as `:2.8.0` stays on that release). To stay on an ' +
        'older release, set its option ' +
        '`"dockerDashComposeVersion": "none"` (no Compose from the Feature): before 2.10.0 the value `v2` still ran the pip ' +
        'install of Compose v1 on arm64.',
    ].join('\n'),
  },
  // Features move their major on their own (docker-in-docker is at 2.x: `"version": "2.12.0"` in its
  // src/docker-in-docker/devcontainer-feature.json): `:1` would hold such a Feature on an old major, so the major is looked up.
  featureVariant(
    'devFeatureId',
    'the Feature `{context.devFeatureId.featureId}`',
    '`"{context.devFeatureId.featureId}:N"`, N the first number of the `version` in the Feature\'s `devcontainer-feature.json`, ' +
      'its newest major,',
    '',
  ),
  featureVariant('devFeatureRun', 'a Dev Container Feature (`{context.devFeatureRun.feature}`)', 'its id with `:1`, `:2`, …', ''),
  featureVariant(
    'pyFeatureTools&pyFeatureUpdatingPip',
    'most likely the Dev Containers python Feature',
    '`"ghcr.io/devcontainers/features/python:1"`',
    'The lines before the error, `Installing Python tools...` then `Updating pip...`, are what the python Feature ' +
      '(`ghcr.io/devcontainers/features/python`) prints; check that devcontainer.json lists it under `features`. If it does, its ' +
      'option `"installTools": false` also skips the pip installs of its tools.',
  ),
];

export const externallyManaged: RuleInput = {
  id: 'pip/externally-managed',
  title: 'pip refused: externally-managed environment (PEP 668)',
  severity: 'error',
  match: [
    { literals: ['externally-managed-environment'] },
    { literals: ['This environment is externally managed'] },
    // uv: `error: The interpreter at /usr is externally managed, and indicates the following:`
    { literals: ['is externally managed, and indicates the following'] },
    // pip's note and hint under the marker's text, for a log cut after `error: externally-managed-environment`
    // (devcontainers/features#831): ExternallyManagedEnvironment's note_stmt and hint_stmt (pip src/pip/_internal/exceptions.py)
    {
      literals: ['by passing --break-system-packages'],
      pattern: 'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider\\. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages',
    },
    { literals: ['hint: See PEP 668 for the detailed specification.'] },
  ],
  context: [
    // Alpine's EXTERNALLY-MANAGED text: `package manager (apk) only`, `"apk add py3-somepackage"`.
    { name: 'alpine', literals: ['package manager (apk)', 'apk add py3-'] },
    // uv's marker in its managed Pythons: `This Python installation is managed by uv and should not be modified.`
    { name: 'uvManaged', literals: ['This Python installation is managed by uv'] },
    // The refused command is ensurepip, not an install of packages (`RUN python3 -m ensurepip`).
    { name: 'ensurepip', source: 'instruction', literals: ['ensurepip'] },
    // A Dev Container Feature (see featureVariant): the banner's `Id` line or the wrapper's failure line, the Feature's RUN,
    // or the python Feature's own two lines in order.
    {
      name: 'devFeatureId',
      literals: ['Id            : ', ') failed to install!'],
      pattern: '^(?:Id {12}: |ERROR: Feature "[^"]{1,200}" \\()(?<featureId>[a-z0-9][\\w./-]{0,300})(?:$|\\) failed to install!)',
    },
    {
      name: 'devFeatureRun',
      source: 'instruction',
      literals: ['/tmp/dev-container-features/', 'devcontainer-features-install.sh'],
      pattern: '/tmp/(?:dev-container-features|build-features(?:-src)?)/(?<feature>[\\w.-]{1,100}?)(?:_\\d{1,3})?(?:[\\s/]|$)',
    },
    // the docker-in-docker Feature, by its id (banner or failure line: `(ghcr.io/devcontainers/features/docker-in-docker)`)
    { name: 'dindFeature', literals: ['ghcr.io/devcontainers/features/docker-in-docker'] },
    { name: 'pyFeatureTools', literals: ['Installing Python tools...'], pattern: '^Installing Python tools\\.\\.\\.$' },
    { name: 'pyFeatureUpdatingPip', literals: ['Updating pip...'], pattern: '^Updating pip\\.\\.\\.$' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip refused to install into the system Python of {fact.os|this image}: the distribution marks it as externally managed ' +
    '(PEP 668), as Debian 12 and Ubuntu 23.04+ do, so that pip cannot overwrite packages apt installed.',
  fix: [
    'Install into a virtual environment (on Debian / Ubuntu `python3 -m venv` needs the `python3-venv` package):',
    '',
    '```dockerfile',
    `RUN ${aptInstallLine('python3-venv')}`,
    ...VENV_STEPS,
    'RUN {enrich.installCmd}',
    '```',
    '',
    'Or, in a single-purpose image, override the marker (pip ≥ 23.0.1): `{enrich.breakCmd}`, or `ENV PIP_BREAK_SYSTEM_PACKAGES=1` ' +
      'for every pip command of the image.',
    '',
    UBUNTU_PIN,
  ].join('\n'),
  variants: [
    ...featureVariants,
    ...uvManagedVariants,
    ...alpineVariants,
    // The failing command does not show what it installs (a cut log, a variable): the venv, then the step's own command.
    {
      when: '!enrich.installCmd&fact.installer=uv&fact.place=image-build',
      message:
        'uv refused to install into the system Python of {fact.os|this image} (`--system`): the distribution marks it as externally ' +
        'managed (PEP 668), as Debian 12 and Ubuntu 23.04+ do.',
      fix: [
        'Let uv create a virtual environment before the step that installs, and drop that step\'s `--system` (uv installs into the ' +
          'environment `VIRTUAL_ENV` names):',
        '',
        '```dockerfile',
        ...UV_VENV_STEPS,
        '```',
        '',
        'Or, in a single-purpose image, override the marker: `--break-system-packages` on that `uv pip install`, or ' +
          '`ENV UV_BREAK_SYSTEM_PACKAGES=1` (uv does not read `PIP_BREAK_SYSTEM_PACKAGES`).',
      ].join('\n'),
    },
    {
      when: '!enrich.installCmd&fact.place=image-build',
      fix: [
        'Install into a virtual environment (on Debian / Ubuntu `python3 -m venv` needs the `python3-venv` package), before the step that ' +
          'runs pip; the step itself stays as it is, since with the venv first on `PATH` its `pip` is the venv\'s:',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine('python3-venv')}`,
        ...VENV_STEPS,
        '```',
        '',
        'Or, in a single-purpose image, override the marker (pip ≥ 23.0.1): `ENV PIP_BREAK_SYSTEM_PACKAGES=1` for every pip command of ' +
          'the image, or `--break-system-packages` on the one `pip install`.',
        '',
        UBUNTU_PIN,
      ].join('\n'),
    },
    {
      when: 'fact.installer=uv&fact.place=image-build&enrich.installCmd',
      message:
        'uv refused to install into the system Python of {fact.os|this image} (`--system`): the distribution marks it as externally ' +
        'managed (PEP 668), as Debian 12 and Ubuntu 23.04+ do.',
      fix: [
        'Let uv create a virtual environment and install into it (uv installs into the environment `VIRTUAL_ENV` names):',
        '',
        '```dockerfile',
        ...UV_VENV_STEPS,
        'RUN {enrich.installCmd}',
        '```',
        '',
        'Or, in a single-purpose image, override the marker: `{enrich.breakCmd}`, or `ENV UV_BREAK_SYSTEM_PACKAGES=1` (uv does not ' +
          'read `PIP_BREAK_SYSTEM_PACKAGES`).',
      ].join('\n'),
    },
    {
      // Nothing in the log says where pip ran (a pasted excerpt): the Dockerfile form and the shell form.
      when: '!fact.place',
      message:
        'pip refused to install into the system Python of {fact.os|this system}: the distribution marks it as externally managed ' +
        '(PEP 668), as Debian 12 and Ubuntu 23.04+ do, so that pip cannot overwrite packages the package manager installed.',
      fix: [
        'Install into a virtual environment (on Debian / Ubuntu `python3 -m venv` needs the `python3-venv` package). The log does ' +
          'not show where pip ran: in a Dockerfile, put the environment first on `PATH` with `ENV`, since an `activate` in one ' +
          '`RUN` does not carry over to the next:',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine('python3-venv')}`,
        ...VENV_STEPS,
        '```',
        'in a shell, activate it, then run the install again:',
        '',
        ...SHELL_VENV,
        '',
        'In a single-purpose image, `--break-system-packages` on the `pip install` (pip ≥ 23.0.1) overrides the marker; on a ' +
          "machine you keep it can break the distribution's own Python tools. " + UBUNTU_PIN,
      ].join('\n'),
    },
    {
      when: '!fact.place=image-build&!enrich.installCmd',
      message:
        'The installer refused to install into the system Python of {fact.os|this machine}: the distribution marks it as externally ' +
        'managed (PEP 668), so that pip cannot overwrite packages the package manager installed.',
      fix: [
        'Install into a virtual environment instead of the system Python (Debian / Ubuntu: `apt-get install python3-venv` first), then ' +
          'rerun the same install in it:',
        '',
        ...SHELL_VENV,
        '',
        'Overriding the marker (`--break-system-packages`) on a machine you keep can break the distribution\'s own Python tools; ' +
          'keep that for single-purpose images.',
      ].join('\n'),
    },
    {
      when: '!fact.place=image-build',
      message:
        'The installer refused to install into the system Python of {fact.os|this machine}: the distribution marks it as externally ' +
        'managed (PEP 668), so that pip cannot overwrite packages the package manager installed.',
      fix: [
        'Install into a virtual environment instead of the system Python (Debian / Ubuntu: `apt-get install python3-venv` first):',
        '',
        '```sh',
        'python3 -m venv .venv',
        '. .venv/bin/activate',
        '{enrich.installCmd}',
        '```',
        '',
        'Overriding the marker (`--break-system-packages`) on a machine you keep can break the distribution\'s own Python tools; ' +
          'keep that for single-purpose images.',
      ].join('\n'),
    },
  ],
  enrich: 'pip-advice',
  docs: 'https://peps.python.org/pep-0668/',
};
