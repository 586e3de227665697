// A binary of another architecture was executed: in a build, no QEMU emulation registered, or a wrong-arch download;
// at `docker run` / `podman run`, an image of another architecture than the host's (vllm-project/vllm#30076: an
// amd64-only image run by podman on an arm64 host; the fix was the project's arm64 image). The runtimes say so
// before the error: podman `WARNING: image platform (linux/amd64) does not match the expected platform (linux/arm64)`,
// docker `WARNING: The requested image's platform (linux/amd64) does not match the detected host platform
// (linux/arm64/v8) and no specific platform was requested` (both only a warning: with an emulator registered the
// container runs). Emulation: `docker run --privileged --rm tonistiigi/binfmt --install amd64` registers QEMU for amd64
// (tonistiigi/binfmt's README), then `--platform linux/amd64` on the run line (`docker run` and `podman run` both take
// it); Docker's multi-platform docs say emulated programs run much slower than native ones.
// The legacy builder (`Step 5/9 : RUN …`, ` ---> Running in 78be558a9e67`) builds for the host's platform; a stage whose shell
// cannot run there is FROM an image of another architecture (a single-platform image is pulled as it is, with Docker's
// platform warning). NVIDIA/nvidia-docker#1117 (Jetson AGX Xavier, FROM nvidia/cuda:10.0-devel-ubuntu18.04, an x86-64-only
// image then): the maintainer's answer on the twin report #1116, "nvidia/cuda is not a multi-arch image (yet) ... Please use
// l4t-base for all things Jetson/ARM". Emulating it would give an x86-64 CUDA image that cannot use a Jetson's GPU. L4T
// releases: `/etc/nv_tegra_release` starts `# R32 (release), REVISION: 7.1` on a Jetson, and NVIDIA's base images are tagged
// by that release (`nvcr.io/nvidia/l4t-base:r32.7.1`, `l4t-jetpack:r35.4.1`, as Dockerfiles FROM them show).
import type { RuleInput } from '../../schema.js';
import { PLATFORM_WARNING_PATTERN, RUN_COMMAND_CONTEXT } from '../runtime/run-command.js';

const NO_EMULATOR_MESSAGE =
  'The builder cannot run even the shell of this {platform|foreign-platform} stage: no QEMU emulator is ' +
  'registered (binfmt_misc) for that architecture on the build host.';

/** GitHub Actions registers the emulators with Docker's setup actions (docker/setup-qemu-action's README; v4 is its current major, see ci/gha-cache-steps.ts). */
const ACTIONS_FIX = [
  'Register QEMU emulators on the runner before building for other platforms:',
  '',
  '```yaml',
  '- uses: docker/setup-qemu-action@v4',
  '- uses: docker/setup-buildx-action@v4',
  '```',
  'Emulation is many times slower: for long compiles prefer a native runner per platform (e.g. `ubuntu-24.04-arm`). If the',
  "failing file is a downloaded binary, pick the download by the target's architecture: `ARG TARGETARCH` and use",
  '`${TARGETARCH}` (amd64, arm64) in the URL.',
].join('\n');

export const JETSON_BASE = [
  'On a Jetson, x86-64 CUDA images and NVIDIA\'s x86-64 CUDA / cuDNN packages do not apply, and emulating them gives an image that cannot',
  'use the Jetson\'s GPU. Build FROM NVIDIA\'s L4T image of the board\'s L4T release, where CUDA and cuDNN come from JetPack:',
  '',
  '```sh',
  'uname -m                       # aarch64',
  'head -1 /etc/nv_tegra_release  # "# R32 (release), REVISION: 7.1" is L4T 32.7.1',
  '```',
  '',
  '```dockerfile',
  'FROM nvcr.io/nvidia/l4t-base:r32.7.1   # the tag of the release printed above; l4t-jetpack:r35.x.y for JetPack 5',
  '```',
  '',
  'and drop the x86-64 package pins (`libcudnn…+cudaX.Y`) from the Dockerfile.',
].join('\n');

/**
 * A stage that only fetches files that are the same on every architecture needs no emulation at all: pinned to the
 * build machine's own platform it runs natively, and `COPY --from` takes its files into the target's stages.
 * `BUILDPLATFORM` is "platform of the node performing the build", a predefined ARG of the global scope, so a FROM line
 * can use it (Dockerfile reference, "Automatic platform ARGs in the global scope"); Docker's multi-platform docs pin a
 * builder stage with `FROM --platform=$BUILDPLATFORM` so that it runs without emulation
 * (docs.docker.com/build/building/multi-platform/#cross-compilation). sighupio/gangplank#13: an arm64 build on an amd64
 * runner without QEMU failed at `[ca-certificates 2/3] RUN apk update` (`exec /bin/sh: exec format error`); the fix
 * pinned that helper stage to `$BUILDPLATFORM`, or registered QEMU in the workflow.
 */
const BUILD_PLATFORM_NOTE = [
  '',
  '',
  'No emulation is needed for a stage that only fetches files that are the same on every architecture, which a later stage',
  'takes with `COPY --from` (CA certificates, downloaded archives or scripts, a source checkout): add `--platform=$BUILDPLATFORM`',
  'to the FROM line of the failing stage ({stage|its name is not in the log}), and it runs on the build machine\'s own',
  'platform. Not for a stage whose results are programs or libraries for the target (compiles, packages that end up in the',
  'image): those need the emulator, or a compiler that cross-compiles.',
].join('\n');

const HOST_FIX = [
  'Register QEMU emulators on the build host before building for other platforms:',
  '`docker run --privileged --rm tonistiigi/binfmt --install all`. Emulation is many times slower: for long compiles',
  "build on a host of the target's architecture. If the failing file is a downloaded binary, pick the download by the",
  "target's architecture: `ARG TARGETARCH` and use `${TARGETARCH}` (amd64, arm64) in the URL.",
].join('\n');

/** A binary of another architecture was executed. */
export const execFormatError: RuleInput = {
  id: 'buildx/exec-format-error',
  title: 'Foreign-architecture binary cannot run (exec format error)',
  severity: 'error',
  match: [
    {
      // `exec /bin/sh: exec format error`, `exec user process caused "exec format error"`,
      // `/usr/local/bin/helper: cannot execute binary file: Exec format error`.
      // crun (podman): `exec container process `/opt/venv/bin/vllm`: Exec format error`
      literals: ['exec format error'],
      ignoreCase: true,
      pattern: '(?:exec (?:container process )?`?(?<binary>[^\\s:`]{1,200})`?: )?exec format error',
    },
    { literals: ['Invalid ELF image for this architecture'] },
    // QEMU user mode that cannot open a program the emulated shell starts (binfmt registered
    // without the F flag, so the interpreter is looked up inside the container):
    // `Error while loading /usr/sbin/dpkg-split: No such file or directory`
    { literals: ['Error while loading /'], pattern: '^Error while loading (?<binary>/[^:\\s]{1,500}): No such file or directory$' },
  ],
  context: [
    { name: 'qemuLoad', literals: ['Error while loading /'], pattern: '^Error while loading /[^:\\s]{1,500}: No such file or directory$' },
    // The binary is the step's shell: the whole stage is of another architecture, QEMU is missing.
    { name: 'shell', literals: ['exec /bin/sh:', 'exec /bin/bash:', 'exec user process caused'] },
    {
      name: 'platformWarning',
      literals: ['does not match the expected platform', 'does not match the detected host platform'],
      pattern: PLATFORM_WARNING_PATTERN,
    },
    // The same warning naming an image of a build target (arm64, arm, ppc64le, s390x, riscv64) on an x86-64 host. Docker
    // picks the host's platform from a multi-platform image unless a platform is asked for, and the common base images are
    // multi-platform, so such an image on an x86-64 machine is most often one a build asked for (`--platform linux/arm64`,
    // a multi-platform release job) where no emulator runs it (bsubio/cli#152: GoReleaser's arm64 image on an amd64 GitHub
    // runner, fixed by adding docker/setup-qemu-action and docker/setup-buildx-action). The reverse, an amd64 image on an
    // arm64 machine (Apple silicon, a Jetson, a Raspberry Pi), is most often a base image that lacks the host's platform.
    {
      name: 'crossTarget',
      // Not the docker CLI's `WARNING: The requested image's platform …` of a `docker run` (shayonj/pg_easy_replicate#14: an
      // arm64-only image run on an x86-64 machine), which the run variants read.
      literals: ['does not match the detected host platform'],
      pattern:
        "^\\s{0,4}(?:---> \\[Warning\\] )?The requested image's platform \\((?<image>linux/(?:arm64|arm|ppc64le|s390x|riscv64)[\\w/.-]{0,20})\\) does not match the detected host platform \\((?<host>linux/amd64[\\w/.-]{0,20})\\)",
    },
    RUN_COMMAND_CONTEXT,
    // an NVIDIA Jetson named by the log: its L4T kernel (`4.9.108-tegra`), its release file, or in words
    { name: 'jetson', literals: ['-tegra ', 'nv_tegra_release', 'Jetson', 'jetson'], pattern: '\\d-tegra\\b|nv_tegra_release|\\b[Jj]etson\\b' },
    // A pasted error whose report names a GitHub Actions runner in words (`on the latest ubuntu runner`, `runs-on:
    // ubuntu-latest`): no runner fact, but the setup action is the fix there (docker/setup-qemu-action registers the
    // emulators with tonistiigi/binfmt, its README).
    {
      name: 'actionsProse',
      literals: ['GitHub Actions', 'runs-on:', 'ubuntu-latest', ' runner', 'GitHub-hosted'],
      ignoreCase: true,
      pattern: 'GitHub Actions|runs-on:|ubuntu-latest|GitHub-hosted|\\bubuntu(?:-\\d\\d\\.\\d\\d)? runner\\b',
    },
  ],
  message: 'A program of another CPU architecture was executed ({binary|its path is not in the log}): the builder cannot run it.',
  variants: [
    {
      // A GPU container (`--gpus`, the NVIDIA runtime, a CDI device): emulation is no way out. The NVIDIA runtime mounts the
      // host's driver libraries (libcuda.so and the rest), built for the host's architecture, and a program of another
      // architecture cannot load them (ageron/handson-mlp#11: an arm64-only tag run with `--gpus all` on an amd64 host; the
      // reporter rebuilt the image for amd64).
      when: 'fact.place=docker-run&platformWarning&enrich.runGpus',
      title: 'Image built for another architecture than this host',
      message:
        'The image `{enrich.runImage|of this run}` is built for {context.platformWarning.image} and this host is {context.platformWarning.host} ' +
        '(the runtime\'s warning before the error): the container\'s program ({binary|its path is not in the log}) cannot execute here (exec format ' +
        'error). The command asks for GPUs, so emulating the image is no way out: the NVIDIA driver libraries the container gets are the host\'s, ' +
        'built for {context.platformWarning.host}, and a program of another architecture cannot load them.',
      fix: [
        'Run an image built for {context.platformWarning.host}. List the platforms the tag provides:',
        '',
        '```sh',
        '{enrich.runInspect|docker buildx imagetools inspect IMAGE}',
        '```',
        '',
        'If it lacks {context.platformWarning.host}, look for the project\'s own image for this architecture (see its install docs), or build',
        'the image on this host from the project\'s Dockerfile (`docker build` builds for the host\'s platform), and ask the project to',
        'publish both: `docker buildx build --platform linux/amd64,linux/arm64 --push -t IMAGE .`.',
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run&platformWarning&enrich.runOnPlatform',
      title: 'Image built for another architecture than this host',
      message:
        'The image `{enrich.runImage|of this run}` is built for {context.platformWarning.image} and this host is {context.platformWarning.host} ' +
        '(the runtime\'s warning before the error): the container\'s program cannot execute here (exec format error). Nothing is wrong inside the image; ' +
        'it is the wrong architecture for this machine.',
      fix: [
        'Run an image built for {context.platformWarning.host}. List the platforms the tag provides; if it lacks {context.platformWarning.host}, look for',
        'the project\'s own image for this architecture (some projects publish it as a separate repository or tag: see their install docs):',
        '',
        '```sh',
        '{enrich.runInspect}',
        '```',
        '',
        'Only when no such image exists: emulate {context.platformWarning.image} with QEMU, which runs many times slower. Register the emulator once on the',
        'host (where Docker runs: `docker run --privileged --rm tonistiigi/binfmt --install all`; for podman, the distribution\'s `qemu-user-static`',
        'package, which registers the emulators with binfmt_misc: `sudo apt-get install -y qemu-user-static` on Debian and Ubuntu), then ask for the',
        'platform on the same command:',
        '',
        '```sh',
        '{enrich.runOnPlatform}',
        '```',
      ].join('\n'),
    },
    {
      // The runtime's warning names both platforms, the log not the command that ran (xorbitsai/inference#4256: the warning and
      // `exec /usr/local/bin/xinference-local: exec format error` alone; the maintainer: the image is built for x86 only).
      when: 'fact.place=docker-run&platformWarning',
      title: 'Image built for another architecture than this host',
      message:
        'The image is built for {context.platformWarning.image} and this host is {context.platformWarning.host} (the runtime\'s warning before the error): ' +
        'the container\'s program ({binary|its path is not in the log}) cannot execute here (exec format error). Nothing is wrong inside the image; ' +
        'it is the wrong architecture for this machine.',
      fix: [
        'Run an image built for {context.platformWarning.host}. List the platforms the tag provides (`docker buildx imagetools inspect` with the image);',
        'if it lacks {context.platformWarning.host}, look for the project\'s own image for this architecture (some projects publish it as a separate',
        'repository or tag: see their install docs), or build the image on this host from the project\'s Dockerfile.',
        '',
        'Only when no such image exists: emulate {context.platformWarning.image} with QEMU, which runs many times slower. Register the emulator once on the',
        'host (`docker run --privileged --rm tonistiigi/binfmt --install all`), then add `--platform {context.platformWarning.image}` to the same `docker run` command.',
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      title: 'Image built for another architecture than this host',
      message:
        'The container\'s program ({binary|its path is not in the log}) is built for another CPU architecture than this host\'s, so it cannot ' +
        'execute here (exec format error): the image is of the wrong architecture for this machine, or was built on another one.',
      fix: [
        'Compare the image\'s platform with the host\'s: `docker image inspect --format \'{{{{.Os}}}}/{{{{.Architecture}}}}\'` with the image prints the first,',
        '`uname -m` the second (`x86_64` is amd64, `aarch64` is arm64). Then run a tag or image built for the host\'s architecture, or rebuild',
        'the image for it (`docker buildx build --platform linux/arm64 .` on an arm64 host, `linux/amd64` on an x86_64 one). Emulation with QEMU',
        '(`docker run --privileged --rm tonistiigi/binfmt --install all`, then `--platform` on the run line) works but runs many times slower.',
      ].join('\n'),
    },
    {
      when: 'qemuLoad',
      title: 'QEMU emulation cannot start programs of this platform',
      message:
        'QEMU emulates this {platform|foreign-platform} stage but could not load `{binary}` for a program the step started: ' +
        'the emulator is registered (binfmt_misc) without the "F" (fix binary) flag, so the kernel looks for the interpreter ' +
        'inside the container, where it is not.',
      fix: [
        'Register the emulators again with the "F" flag (what `docker/setup-qemu-action` and `tonistiigi/binfmt` do); an older',
        'registration, e.g. from a distribution\'s `qemu-user-static` package, has to go first:',
        '',
        '```sh',
        'docker run --privileged --rm tonistiigi/binfmt --uninstall "qemu-*"',
        'docker run --privileged --rm tonistiigi/binfmt --install all',
        'cat /proc/sys/fs/binfmt_misc/qemu-aarch64   # flags: should include F',
        '```',
        'Emulated builds are many times slower than native ones: for long compiles prefer a native runner per platform.',
      ].join('\n'),
    },
    // A Jetson named by the log: an L4T base, not QEMU (NVIDIA/nvidia-docker#1116, #1117).
    {
      when: 'shell&jetson&!fact.place=docker-run&!fact.runner',
      title: 'x86-64 base image on a Jetson (arm64) build host',
      message:
        'The builder cannot run even the shell of this stage: the build runs for its own host, an NVIDIA Jetson (aarch64, as ' +
        'the log shows), and the stage\'s base image is built for another architecture (x86-64), so its programs cannot execute here.',
      fix: JETSON_BASE,
    },
    // The stage's shell is foreign and the log shows the host: the base image has no variant for this host. Emulation
    // of a whole stage is the slow fallback (Docker's multi-platform docs), not the fix.
    {
      when: 'shell&enrich.foreignHost&!fact.place=docker-run',
      title: 'Base image built for another architecture than this build host',
      message:
        'The builder cannot run even the shell of this stage: the base image `{enrich.foreignBase|of this stage}` is built for ' +
        '{enrich.foreignImagePlatform|another CPU architecture} and this build host is {enrich.foreignHost}. The image has no variant ' +
        'for {enrich.foreignHostArch}, so Docker used the one it has (exec format error on the stage\'s shell).',
      fix: [
        'List the platforms the image is published for, and the platform of the copy pulled here:',
        '',
        '```sh',
        'docker buildx imagetools inspect {enrich.foreignBase|IMAGE}',
        "docker image inspect --format '{{{{.Os}}}}/{{{{.Architecture}}}}' {enrich.foreignBase|IMAGE}",
        '```',
        'Without an entry for {enrich.foreignHostArch}, this stage runs only on a host of the image\'s architecture: build it there (an',
        'image for cross-compiling to arm runs on an x86-64 host and produces arm binaries), or switch to a base image with a variant',
        'for {enrich.foreignHostArch} to build natively here. Only as a fallback: register a QEMU emulator on this host (`docker run',
        '--privileged --rm tonistiigi/binfmt --install all`) and build again; every step then runs emulated, many times slower than',
        'native, which is impractical for a long compile.',
      ].join('\n'),
    },
    // The legacy builder builds for its host: a stage shell that cannot run is a base image of another architecture. On a
    // Jetson (or with NVIDIA's CUDA stack in the stage) the fix is an L4T base, not QEMU.
    {
      when: 'shell&enrich.legacyBuilder&enrich.cudaStack&!fact.place=docker-run&!fact.runner&!actionsProse',
      title: 'Base image built for another architecture than this build host',
      message:
        'The builder cannot run even the shell of this stage: the legacy builder builds for its own host\'s architecture, so the stage\'s ' +
        'base image is of another one (a single-platform image is pulled as it is). This stage installs NVIDIA\'s CUDA stack, whose ' +
        'x86-64 images and packages are the usual cause on an arm64 host such as a Jetson.',
      fix: [
        'Compare the host with the base image: `uname -m` (`x86_64` is amd64, `aarch64` is arm64) and',
        "`docker image inspect --format '{{{{.Os}}}}/{{{{.Architecture}}}}' IMAGE` with the image of the stage's `FROM`.",
        '',
        JETSON_BASE,
        '',
        'Only if you mean to build an image for another architecture on this host: register QEMU (`docker run --privileged --rm',
        'tonistiigi/binfmt --install all`); every step then runs emulated, many times slower.',
      ].join('\n'),
    },
    {
      when: 'shell&enrich.legacyBuilder&!fact.place=docker-run&!fact.runner&!actionsProse',
      title: 'Base image built for another architecture than this build host',
      message:
        'The builder cannot run even the shell of this stage: the legacy builder builds for its own host\'s architecture, so the stage\'s ' +
        'base image is of another one (a single-platform image is pulled as it is).',
      fix: [
        'Compare the host with the base image: `uname -m` (`x86_64` is amd64, `aarch64` is arm64) and',
        "`docker image inspect --format '{{{{.Os}}}}/{{{{.Architecture}}}}' IMAGE` with the image of the stage's `FROM`; then use a tag",
        'or image built for the host\'s architecture (`docker buildx imagetools inspect IMAGE` lists the platforms a tag has). Only if',
        'you mean to build for another architecture on this host: register QEMU (`docker run --privileged --rm tonistiigi/binfmt',
        '--install all`); every step then runs emulated, many times slower.',
      ].join('\n'),
    },
    // The setup actions only where the log shows GitHub Actions (fact runner); elsewhere the rule's own fix.
    { when: 'shell&fact.runner', message: NO_EMULATOR_MESSAGE, fix: ACTIONS_FIX + BUILD_PLATFORM_NOTE },
    { when: 'fact.runner', fix: ACTIONS_FIX },
    { when: 'shell&actionsProse', message: NO_EMULATOR_MESSAGE, fix: ACTIONS_FIX + BUILD_PLATFORM_NOTE },
    // The stage's shell failed and Docker's warning names a build target's platform on an x86-64 host: register QEMU first,
    // in the workflow's own form (setup-qemu-action before setup-buildx-action, the setup action's README), with the other
    // reading (a tag without the host's platform) after it.
    {
      when: 'shell&crossTarget&!fact.place=docker-run&!enrich.legacyBuilder&!jetson',
      title: 'Image for another platform on an x86-64 host with no emulator (exec format error)',
      message:
        'Docker warned that the image is {context.crossTarget.image} and this host is {context.crossTarget.host}, and the image\'s shell ({binary|its path is not in the log}) ' +
        'then could not execute (exec format error): no QEMU emulator is registered (binfmt_misc) for that architecture here. Such an ' +
        'image on an x86-64 host is most often one a build asked for (`--platform`, a multi-platform release build); ' +
        'building it here needs the emulator.',
      fix: [
        'Register QEMU on the build host before the build. In GitHub Actions, before the build step (and before setup-buildx-action):',
        '',
        '```yaml',
        '- uses: docker/setup-qemu-action@v4',
        '- uses: docker/setup-buildx-action@v4',
        '```',
        '',
        'On your own host, once: `docker run --privileged --rm tonistiigi/binfmt --install all`. Emulated steps run many times slower: for',
        'long compiles build each platform on a native runner (`ubuntu-24.04-arm` for linux/arm64 on GitHub).',
        '',
        'If you did not mean to use a {context.crossTarget.image} image here, the tag has no {context.crossTarget.host} variant: `docker buildx',
        'imagetools inspect IMAGE` lists its platforms; use a tag or base image that provides {context.crossTarget.host}.',
      ].join('\n') + BUILD_PLATFORM_NOTE,
    },
    // The shell's error alone, with nothing to say where it ran (meltwater/awsudo#79: three lines, `exec /bin/sh: exec format
    // error`; the thread was a `docker run` of a tag that held only an arm64 image, built on an Apple-silicon laptop, on an
    // x86-64 host). A run and a build step print the same line, and the common cause of both is an image of the other
    // architecture, so the fix starts from the image's platform and tells run from build; QEMU only for a deliberate
    // cross-build (Docker's multi-platform docs). An image built on an arm64 machine is arm64 unless `--platform` asks for
    // more; `docker buildx build --platform linux/amd64,linux/arm64` builds and pushes both under one tag (same docs).
    {
      when: 'shell&!fact.place&!enrich.legacyBuilder&!enrich.foreignHost&!jetson',
      title: 'Image of another CPU architecture than the machine that runs it (exec format error)',
      message:
        'The shell of the container or build stage ({binary|its path is not in the log}) is a program for another CPU architecture than the machine that ' +
        'ran it, so it cannot execute (exec format error): the image was built for another platform. The log does not show whether this was a `docker run` ' +
        'or a build step.',
      fix: [
        'Compare the image\'s platform with the machine\'s:',
        '',
        '```sh',
        'uname -m                                                          # x86_64 is amd64, aarch64 is arm64',
        "docker image inspect --format '{{{{.Os}}}}/{{{{.Architecture}}}}' IMAGE   # the copy pulled here",
        'docker buildx imagetools inspect IMAGE                            # the platforms the tag provides',
        '```',
        '',
        '- At `docker run`: run a tag that provides this machine\'s platform (`--platform linux/amd64` on the run line picks it from a multi-platform tag). If the tag',
        '  has only the other architecture (an image built on an Apple-silicon or other arm64 machine is arm64 only), it has to be published for this one too:',
        '  `docker buildx build --platform linux/amd64,linux/arm64 --push -t IMAGE .`, best from CI.',
        '- In a build: the stage\'s `FROM` image lacks this host\'s platform; use a base that provides it (the same `imagetools inspect`). Register QEMU',
        '  (`docker run --privileged --rm tonistiigi/binfmt --install all`) only to build for another platform on purpose; emulated steps run many times slower.',
      ].join('\n'),
    },
    { when: 'shell', message: NO_EMULATOR_MESSAGE, fix: HOST_FIX + BUILD_PLATFORM_NOTE },
  ],
  fix: HOST_FIX,
  enrich: ['run-command', 'foreign-base'],
  docs: 'https://docs.docker.com/build/building/multi-platform/#qemu',
};
