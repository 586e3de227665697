// pip refusing a wheel named by file or URL whose tags do not fit the interpreter:
// `ERROR: torch-2.0.1+cpu-cp311-cp311-linux_arm64.whl is not a supported wheel on this platform.`
// A wheel's name is `{distribution}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl` (PEP 427);
// pip installs a named file only when those tags are among the interpreter's, which `pip debug --verbose` lists
// under "Compatible tags" (pip 23.2.1 run here; the command is provisional, pip's docs warn). On Linux the
// platform tag comes from the machine name, `aarch64` on ARM64 (`linux_aarch64`, `manylinux2014_aarch64`), so a
// `linux_arm64` wheel fits no Linux interpreter. Naming the package and version instead lets pip choose the file.
//
// uv says the same of a locked or resolved release with no file for this interpreter (uv resolves for every
// platform, then installs for this one): `error: Distribution `nvidia-cublas-cu12==12.4.5.8 @ registry+…` can't be
// installed because it doesn't have a source distribution or wheel for the current platform` (astral-sh/uv#9901;
// uv 0.4.9 wrote `error: distribution nvidia-cublas-cu11==… @ …`, astral-sh/uv#7370), newer uv adds `hint: You're on
// Linux (`manylinux_2_27_x86_64`), but `torch` (v2.7.0) only has wheels for the following platforms: …`
// (astral-sh/uv#14268). The common case in GPU images is an Alpine (musl) Python: torch and its `nvidia-*` wheels
// are manylinux (glibc) only (glibc-image.ts), so the fix is a glibc base, not a flag (charliermarsh in
// astral-sh/uv#7370: "It looks like you have a musl Python, but the wheel in the lockfile is for `manylinux`").
// uv wraps its message at about 80 columns, so the distribution line can end at `can't be installed` and the hint
// can be split before `but` (astral-sh/uv#11418, Lightricks/LTX-2#256); with one platform the hint says `the following
// platform:` (astral-sh/uv#11418). The hint's advice names `tool.uv.required-environments` (LTX-2#256; uv ≥ 0.6.1,
// astral-sh/uv#10067, documented in docs/concepts/projects/config.md "Required environments": for packages with no
// source distribution, such as PyTorch, the lock must cover the platforms listed there).
// On PyTorch's CUDA indexes (download.pytorch.org/whl/cuXYZ) the x86_64 CUDA wheels carry a local version
// (`torch-2.7.0+cu128-cp310-cp310-manylinux_2_28_x86_64.whl`, pytorch/pytorch#153469) while some releases also have
// aarch64 files under the plain version (`torch-2.4.0-cp312-cp312-linux_aarch64.whl` from the cu124 index,
// pytorch/pytorch#193491). A lock that pinned the plain version from such an index holds files for aarch64 only, and
// an x86_64 machine finds none (zanieb in astral-sh/uv#11418: the host tag is x86_64, the wheel's aarch64; the
// reporter re-resolved). Re-resolving one package: `uv lock --upgrade-package <name>` (uv docs, concepts/projects/sync.md
// "Upgrading locked package versions").
// Without a hint, after `uv sync`: the lock may record no file at all for the release (mmcdermott/MEDS_EIC_AR#161: `av`
// reached only under an aarch64 marker, locked on x86_64, a stanza with no `sdist` and no `wheels`; uv 0.11.3 on
// aarch64). The fix there was `[tool.uv] required-environments = ["sys_platform == 'linux' and platform_machine ==
// 'aarch64'"]` and a new lock (MEDS_EIC_AR PR #167, which chose it over `environments` because `environments` also
// restricts resolution to the listed platforms; uv's settings docs: `environments` limits, `required-environments`
// expands). uv's docs: https://docs.astral.sh/uv/concepts/projects/config/#required-environments.
// pip's form of the musl case is a manylinux wheel refused by file name (microsoft/onnxruntime#2909 on
// `python:3.6.10-alpine3.11`). The musl evidence: uv's interpreter (`cpython-3.10.15-linux-x86_64-musl`), uv's
// hint (`musllinux_…`), or an Alpine image the log names (the base, or the image a `docker run` started).
// A pip older than the wheel's tag family refuses it whatever the system (knowledge/pip-platform-tags.ts: manylinux_2_28
// needs pip 20.3): in a multi-stage build the builder stage upgrades pip and builds or downloads wheels, the final stage
// installs them with the image's own old pip (blockpy-edu/blockpy-server#30: pip 19.3.1 refusing
// `bcrypt-4.0.1-cp36-abi3-manylinux_2_28_x86_64.whl`). pip names its version in its upgrade notice and in `pip --version`.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const UV_MESSAGE =
  'uv found no file of `{dist}` {version} it can install here: the release has no source distribution and none of its wheels fits ' +
  'this interpreter and platform.';

const MUSL_MESSAGE =
  'This Python is Alpine\'s, built on musl, and Linux wheels are made for one C library: `manylinux` ones for glibc, `musllinux` ' +
  'ones for musl. torch and its `nvidia-*` CUDA wheels are published for glibc (manylinux) only, so on Alpine there is no file to install.';

/**
 * `uv sync` / `uv run` with no hint: uv.lock records no file of the release for this machine (the lock was resolved
 * where the package was not needed or had no file for it). Re-locking with this platform required fixes it, or fails
 * at `uv lock` when no release has a file for it.
 */
const LOCK_MISSES_PLATFORM = {
  title: 'uv.lock records no file of a package for this platform',
  message:
    'uv installs what uv.lock records, and the lock holds no file (wheel or source distribution) of `{dist}` {version} that fits ' +
    'this machine. A lock is written for the platforms uv resolved for: a package needed only on some platforms (a marker such ' +
    'as `platform_machine == \'aarch64\'`), or one resolved where it had no file for this one, can be locked with no file to install here.',
  fix: [
    'See what the lock records for `{dist}`, and which machine this is:',
    '',
    '```sh',
    `grep -A 12 '^name = "{dist}"$' uv.lock`,
    'uname -m',
    '```',
    '',
    'A stanza with no `sdist` and no `wheels` line, or wheels for other machines only, is a lock that does not cover this platform. ' +
      'Declare the platform the project must support in pyproject.toml (uv 0.6.1 or newer); on ARM64 Linux (`uname -m` prints ' +
      '`aarch64`):',
    '',
    '```toml',
    '[tool.uv]',
    'required-environments = ["sys_platform == \'linux\' and platform_machine == \'aarch64\'"]',
    '```',
    '',
    '(`x86_64` on an Intel or AMD machine). Then run `uv lock` where the sources live and commit uv.lock. `required-environments` ' +
      'widens the platforms the lock must cover, where `environments` would restrict resolution to those listed. If `uv lock` now ' +
      'fails, no release of `{dist}` in range has a file for this platform: pin one that has (its files are listed on ' +
      'https://pypi.org/project/{dist}/#files).',
  ].join('\n'),
};

/** The stage moved to a glibc (Debian) image, in the form of the place the log ran. */
function muslVariants(): Variant[] {
  const uvMessage = `uv cannot install \`{dist}\` {version}: none of its files fits this platform. ${MUSL_MESSAGE}`;
  const pipMessage = `pip refused \`{wheel}\`, a \`{platTag}\` wheel. ${MUSL_MESSAGE}`;
  const rerun = ' Then run `{context.uvTyped.cmd}` there again.';
  const imageKnown = [
    'Build on the Debian (glibc) image of the same Python instead of `{enrich.alpineImage}`:',
    '',
    '```dockerfile',
    'FROM {enrich.glibcImage}',
    '```',
    '',
    'The rest of the stage stays as it is (an `apk add` line becomes `apt-get update && apt-get install -y …`).',
  ].join('\n');
  const imageUnknown =
    'Build this stage on a glibc (Debian or Ubuntu) image instead of Alpine: for uv\'s images the `-bookworm-slim` tag of the same ' +
    'Python (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim` for `ghcr.io/astral-sh/uv:python3.12-alpine`), for the official ' +
    'Python image its `-slim-bookworm` tag (`python:3.12-slim-bookworm` for `python:3.12-alpine`). An `apk add` line becomes ' +
    '`apt-get update && apt-get install -y …`.';
  const imageByPython =
    'Build this stage on a glibc (Debian) image of the same Python {enrich.python} instead of Alpine: `FROM {enrich.uvGlibcImage}` ' +
    'in place of uv\'s `-alpine` image, or `FROM {enrich.pythonGlibcImage}` in place of the official `python:{enrich.python}-alpine`. ' +
    'An `apk add` line becomes `apt-get update && apt-get install -y …`.';
  const runKnown = (tail: string) =>
    ['Start the container from the Debian (glibc) image of the same Python instead of `{enrich.alpineImage}`:', '', '```sh', 'docker run -it {enrich.glibcImage} /bin/sh', '```', '', tail].join('\n');
  const out: Variant[] = [];
  for (const musl of ['muslPython', 'alpineImage']) {
    out.push(
      { when: `uvNoPlatform&${musl}&enrich.glibcImage&fact.place=image-build`, message: uvMessage, fix: imageKnown },
      { when: `uvNoPlatform&${musl}&enrich.uvGlibcImage&fact.place=image-build`, message: uvMessage, fix: imageByPython },
      { when: `uvNoPlatform&${musl}&fact.place=image-build`, message: uvMessage, fix: imageUnknown },
      { when: `uvNoPlatform&${musl}&enrich.glibcImage&alpineRun&uvTyped`, message: uvMessage, fix: runKnown(rerun.trim()) },
      { when: `uvNoPlatform&${musl}&enrich.glibcImage&alpineRun`, message: uvMessage, fix: runKnown('Then run the same uv command there again.') },
      {
        when: `uvNoPlatform&${musl}&enrich.glibcImage`,
        message: uvMessage,
        fix: `Use the Debian (glibc) image of the same Python instead of \`{enrich.alpineImage}\`: \`{enrich.glibcImage}\` (\`FROM {enrich.glibcImage}\` in a Dockerfile).`,
      },
      { when: `uvNoPlatform&${musl}`, message: uvMessage, fix: imageUnknown },
      { when: `manylinuxWheel&${musl}&enrich.glibcImage&fact.place=image-build`, message: pipMessage, fix: imageKnown },
      { when: `manylinuxWheel&${musl}`, message: pipMessage, fix: imageUnknown },
    );
  }
  return out.map((v) => ({ title: 'No wheel for an Alpine (musl) Python', ...v }));
}

export const wheelNotSupported: RuleInput = {
  id: 'pip/wheel-not-supported',
  title: 'Wheel built for another platform or Python',
  severity: 'error',
  match: [
    // uv: `error: Distribution `torch==2.7.0 @ registry+https://pypi.org/simple` can't be installed because it doesn't have …`
    {
      literals: ["doesn't have a source distribution or wheel for the current platform"],
      pattern:
        '[Dd]istribution `?(?<dist>[A-Za-z0-9][\\w.-]{0,100})==(?<version>[^\\s@`]{1,60}) @ [^\\s`]{1,300}`? can\'t be installed because',
    },
    // the same, wrapped by uv: `error: Distribution `torch==2.5.1 @ registry+https://download.pytorch.org/whl/cu124` can't be installed `
    // (or after `because`, mmcdermott/MEDS_EIC_AR#161)
    {
      literals: ["can't be installed"],
      pattern:
        '[Dd]istribution `?(?<dist>[A-Za-z0-9][\\w.-]{0,100})==(?<version>[^\\s@`]{1,60}) @ [^\\s`]{1,300}`? can\'t be installed(?: because)?\\s*$',
    },
    {
      literals: ['is not a supported wheel on this platform'],
      pattern:
        '(?<wheel>(?<dist>[A-Za-z0-9][A-Za-z0-9_.]{0,100})-(?<version>\\d[^-\\s+]{0,60})(?:\\+[^-\\s]{1,60})?(?:-\\d[^-\\s]{0,40})?' +
        '-(?<pyTag>[^-\\s]{1,40})-(?<abiTag>[^-\\s]{1,40})-(?<platTag>[^-\\s]{1,200})\\.whl) is not a supported wheel on this platform',
    },
  ],
  context: [
    // pip's own version: `WARNING: You are using pip version 19.3.1; however, version 23.1.2 is available.`,
    // `pip 19.3.1 from /usr/local/lib/python3.8/site-packages/pip (python 3.8)`
    {
      name: 'pipVersion',
      literals: ['You are using pip version ', 'pip '],
      pattern: '(?:You are using pip version |^pip )(?<version>\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?)(?:;| from )',
    },
    { name: 'arm64Tag', literals: ['_arm64.whl'], pattern: '-linux_arm64\\.whl is not a supported' },
    { name: 'uvNoPlatform', literals: ["doesn't have a source distribution or wheel for the current platform"] },
    // `hint: You're on Linux (`manylinux_2_27_x86_64`), but `torch` (v2.7.0) only has wheels for the following platforms: `…`, `…`; consider …`
    // (uv may wrap the hint after `),`: the two halves are two contexts)
    { name: 'uvOn', literals: ["You're on "], pattern: "You're on (?<system>[A-Za-z]{1,20}) \\(`(?<platform>[\\w.]{1,80})`\\)" },
    // (or wrapped before `the following platforms:`, which then starts the line: Lightricks/LTX-2#256)
    {
      name: 'uvHint',
      literals: ['only has wheels for the following platform', 'the following platform'],
      pattern: '(?:only has wheels for |^\\s{0,20})the following platforms?: (?<tags>`[^;]{1,3000})',
    },
    // an ARM64 Linux machine (`You're on Linux (`manylinux_2_39_aarch64`)`), and a hint whose list has no Linux aarch64 wheel
    { name: 'uvOnAarch64', literals: ["You're on Linux"], pattern: "You're on Linux \\(`[\\w.]{0,80}_aarch64`\\)" },
    { name: 'hintLinuxAarch64', literals: ['the following platform'], pattern: 'the following platforms?: [^;]{0,3000}linux[\\w.]{0,40}_aarch64' },
    // an x86_64 machine, and a hint that lists one platform, an aarch64 one (`… following platform: `linux_aarch64``)
    { name: 'uvOnX86', literals: ["You're on "], pattern: "You're on [A-Za-z]{1,20} \\(`[\\w.]{0,80}x86_64`\\)" },
    { name: 'hintAarch64Only', literals: ['only has wheels for the following platform'], pattern: 'following platforms?: `[a-z0-9_.]{0,80}_aarch64`\\s*(?:;|$)' },
    // a release locked without its local version from one of PyTorch's CUDA indexes: `torch==2.5.1 @ registry+https://download.pytorch.org/whl/cu124`
    {
      name: 'pytorchPlain',
      literals: ['download.pytorch.org/whl/cu'],
      pattern: '`(?<dist>torch|torchvision|torchaudio)==(?<version>\\d[\\d.]{0,20}) @ registry\\+https://download\\.pytorch\\.org/whl/(?<flavor>cu\\d{2,3})`',
    },
    // pip refusing a glibc wheel by name: `onnxruntime-1.1.1-cp36-cp36m-manylinux1_x86_64.whl is not a supported wheel`
    { name: 'manylinuxWheel', literals: ['is not a supported wheel on this platform'], pattern: '-manylinux[\\w.]{0,80}\\.whl is not a supported' },
    // a musl Python: uv's interpreter (`Found `cpython-3.10.15-linux-x86_64-musl``), uv's hint (`You're on Linux (`musllinux_1_2_x86_64`)`)
    { name: 'muslPython', literals: ['-musl`', '(`musllinux_'], pattern: 'cpython-[\\w.+]{1,30}-linux-\\w{1,20}-musl`|\\(`musllinux_' },
    // an Alpine image the log names: `docker run -it ghcr.io/astral-sh/uv:python3.10-alpine /bin/sh`, `FROM python:3.11-alpine`
    { name: 'alpineImage', literals: ['alpine'], pattern: '(?<image>[a-z0-9][\\w./-]{0,200}:[\\w.-]{0,60}alpine[\\w.]{0,20})' },
    { name: 'alpineRun', literals: ['docker run ', 'podman run '], pattern: '(?:docker|podman) run [^\\n]{0,300}:[\\w.-]{0,60}alpine' },
    // uv installing from uv.lock: `uv sync` / `uv run` named in the log (a prompt, prose) or run by the step
    { name: 'uvLockLine', literals: ['uv sync', 'uv run'], pattern: '\\buv (?:sync|run)\\b' },
    { name: 'uvLockRun', source: 'instruction', literals: ['uv sync', 'uv run'], pattern: '\\buv (?:sync|run)\\b' },
    // the uv command typed at a prompt (`/home # uv add torch --index https://download.pytorch.org/whl/cu124`)
    { name: 'uvTyped', literals: ['# uv ', '$ uv '], pattern: '[#$] (?<cmd>uv (?:add|sync|lock|run|pip install|pip sync) [^`\\n]{1,300})' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip refused `{wheel}`: its tags (Python `{pyTag}`, ABI `{abiTag}`, platform `{platTag}`) are not among those of this ' +
    "build's Python ({fact.python|version not shown}) and platform ({fact.platform|not shown}). A wheel named by file or URL is " +
    'installed only when its tags fit; pip does not look for another file.',
  fix: [
    "List the tags this build's pip accepts, in the same stage (the `Compatible tags` part):",
    '',
    '```sh',
    'python3 -m pip debug --verbose',
    '```',
    '',
    'Then install a wheel whose tags are listed, or name the package and version instead of the file so that pip picks the one ' +
      'that fits (`pip install {dist}=={version}`); in a multi-platform build, choose the file per platform with `ARG TARGETARCH`.',
  ].join('\n'),
  variants: [
    ...muslVariants(),
    {
      title: "pip too old for the wheel's platform tag",
      when: 'enrich.oldPip&fact.place=image-build',
      message:
        'pip refused `{wheel}` because this stage runs pip {enrich.oldPip}, and `{platTag}` is a {enrich.tagFamily} tag, which pip ' +
        'understands from {enrich.firstPip} on. An older pip does not know the tag and refuses the file whatever the system; in a ' +
        'multi-stage build the stage that made the wheels often has a newer pip than the one that installs them.',
      fix: [
        'Upgrade pip in that stage first, in a `RUN` before the failing one (`python3` where the image has no `python`):',
        '',
        '```dockerfile',
        'RUN python -m pip install --upgrade pip',
        '```',
        '',
        'The install then reads the tag. If pip still refuses the file, the stage\'s system is older than the wheel needs: ' +
          '`ldd --version` prints its glibc{enrich.glibcNeed|}; move the stage to the base image of the stage that built the wheels.',
      ].join('\n'),
    },
    {
      title: "pip too old for the wheel's platform tag",
      when: 'enrich.oldPip',
      message:
        'pip refused `{wheel}` because this pip is {enrich.oldPip}, and `{platTag}` is a {enrich.tagFamily} tag, which pip ' +
        'understands from {enrich.firstPip} on. An older pip does not know the tag and refuses the file whatever the system.',
      fix: [
        'Upgrade pip first, with the same Python that runs the install (`python3` where there is no `python`), then install again:',
        '',
        '```sh',
        'python -m pip install --upgrade pip',
        '```',
        '',
        'If pip still refuses the file, the system is older than the wheel needs: `ldd --version` prints its glibc{enrich.glibcNeed|}.',
      ].join('\n'),
    },
    {
      title: 'Locked PyTorch release has no file for this machine',
      when: 'uvNoPlatform&pytorchPlain&uvOn&uvHint&uvOnX86&hintAarch64Only',
      message:
        'The lock pins `{context.pytorchPlain.dist}=={context.pytorchPlain.version}` from PyTorch\'s {context.pytorchPlain.flavor} index without a local version. ' +
        'On that index the x86_64 CUDA wheels are published as `{context.pytorchPlain.version}+{context.pytorchPlain.flavor}`; under the plain ' +
        'version there are only aarch64 files (uv\'s hint: {context.uvHint.tags}), and this machine is `{context.uvOn.platform}`.',
      fix: [
        'Resolve `{context.pytorchPlain.dist}` again so the lock records the files for this machine, then install:',
        '',
        '```sh',
        'uv lock --upgrade-package {context.pytorchPlain.dist}',
        '{context.uvTyped.cmd|uv sync}',
        '```',
        '',
        'To keep this exact release, pin the local version for x86_64 in ' +
          '`pyproject.toml`, `"{context.pytorchPlain.dist}=={context.pytorchPlain.version}+{context.pytorchPlain.flavor}; platform_machine == \'x86_64\'"`, ' +
          'and lock again. With uv 0.6.1 or newer, list the machines the lock must cover under `[tool.uv] required-environments` ' +
          '(e.g. `"sys_platform == \'linux\' and platform_machine == \'x86_64\'"`): `uv lock` then fails instead of writing a lock without a wheel for them.',
      ].join('\n'),
    },
    {
      // uv's hint names an aarch64 Linux and lists no Linux aarch64 wheel (Lightricks/LTX-2#256: torchcodec 0.9.1 has
      // `manylinux_2_28_x86_64`, `macosx_11_0_arm64`, `win_amd64` only, on a DGX Spark). uv's own hint proposes the marker
      // for `tool.uv.required-environments` (uv ≥ 0.6.1, docs/concepts/projects/config.md "Required environments"): with
      // it `uv lock` picks releases that have a wheel for that platform, or fails naming the package that has none.
      title: 'No wheel for ARM64 Linux (aarch64)',
      when: 'uvNoPlatform&uvHint&uvOn&uvOnAarch64&!hintLinuxAarch64',
      message:
        `${UV_MESSAGE} This machine is ARM64 Linux (uv's hint: \`{context.uvOn.platform}\`), and \`{dist}\` {version} has ` +
        'wheels for {context.uvHint.tags} only: none for Linux on aarch64, and no source distribution uv could build.',
      fix: [
        'Install a release of `{dist}` that has a Linux aarch64 wheel (https://pypi.org/project/{dist}/#files: `aarch64` and ' +
          '`manylinux` in the name). In a uv project, require the platform so that `uv lock` picks such releases, or names the ' +
          'requirement that rules them all out (uv 0.6.1 or newer), in pyproject.toml:',
        '',
        '```toml',
        '[tool.uv]',
        'required-environments = ["sys_platform == \'linux\' and platform_machine == \'aarch64\'"]',
        '```',
        '',
        'then `uv lock` and install again. If no release has one, the package has to be built from its source repository for ' +
          'aarch64, or the install run on an x86_64 machine (in an image build: `docker build --platform linux/amd64 .`), where ' +
          'its wheels are.',
      ].join('\n'),
    },
    {
      when: 'uvNoPlatform&uvHint&uvOn',
      message: `${UV_MESSAGE} uv's hint says this is {context.uvOn.system} \`{context.uvOn.platform}\`, and the release has wheels for {context.uvHint.tags} only.`,
      fix: [
        'Compare the platform uv names with the wheels the hint lists. A wheel tagged `manylinux_2_28` needs glibc 2.28 or newer (PEP 600): ' +
          'an older glibc than the wheels need calls for a newer base image (`ldd --version` prints the glibc), a `musllinux` ' +
          'platform (Alpine) for a glibc image, another machine (`x86_64`, `aarch64`) for a build for a platform the release has. ' +
          'Or pin a release of `{dist}` that has a wheel for this platform.',
      ].join('\n'),
    },
    ...['uvNoPlatform&!uvHint&uvLockLine', 'uvNoPlatform&!uvHint&uvLockRun'].map((when) => ({ when, ...LOCK_MISSES_PLATFORM })),
    {
      when: 'uvNoPlatform',
      message: UV_MESSAGE,
      fix: [
        'See which files the release has, and which platform this Python is:',
        '',
        '```sh',
        'python3 -c "import sysconfig; print(sysconfig.get_platform())"',
        'ldd --version',
        '```',
        '',
        '`ldd` names the C library: wheels tagged `manylinux` need glibc (Debian, Ubuntu, RHEL-family images), `musllinux` ones ' +
          'musl (Alpine). Use a base image whose platform the release has wheels for, or pin a release of `{dist}` that has one for this platform.',
      ].join('\n'),
    },
    {
      when: 'arm64Tag',
      message:
        'pip refused `{wheel}`: `linux_arm64` is no platform tag a Linux Python accepts. Linux on ARM64 names its machine ' +
        '`aarch64`, so its wheels are tagged `linux_aarch64` or `manylinux…_aarch64`; this file was named for another system.',
    },
  ],
  enrich: ['glibc-image', 'pip-tag'],
  docs: 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/',
};
