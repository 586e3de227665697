// A program (or library) was linked against a newer GNU C library than the one where it runs: the
// dynamic loader's `<prog>: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.39' not found (required by
// rustnet)` (domcyrus/rustnet#6, 2025; iwillspeak/docket#28, 2026: one line per missing symbol version).
// In images it is nearly always a multi-stage build whose build stage runs a newer distro release than the
// stage that ships (crab.fit#305: a `rust:latest` builder on Debian 12, glibc 2.36, and a `debian:bullseye-slim`
// runtime, glibc 2.31), or a binary built on the host and copied in. glibc keeps old symbol versions, so a
// program built against an older glibc runs on a newer one, not the reverse (the loader names the version it
// lacks). The fix does not guess release numbers: `ldd --version` prints the glibc of an image (its first
// line, e.g. `ldd (Ubuntu GLIBC 2.35-0ubuntu3.9) 2.35`, MVS-sysgen/sysgen#61: the nomatch fixture).
//
// Two distro layouts on one line: the C library at `/lib64/libc.so.6` (RHEL, Fedora, UBI, SUSE: 64-bit libraries in
// lib64) and the library that needs it in a Debian / Ubuntu multiarch directory (`/usr/lib/x86_64-linux-gnu/`,
// wiki.debian.org/Multiarch/Implementation). The library was not built for this image's distro: the image's publisher
// shipped a foreign file (a regression of that release), or the container runtime mounted it from the host. The NVIDIA
// container toolkit mounts the host driver's libraries into a GPU container, the set chosen by NVIDIA_DRIVER_CAPABILITIES
// (`graphics` adds the OpenGL / EGL ones; unset it is `utility,compute`: docs.nvidia.com/datacenter/cloud-native/
// container-toolkit/latest/docker-specialized.html, "Driver Capabilities"; nerdctl's --gpus default quotes the same).
// docling-project/docling#2386: `ImportError: /lib64/libc.so.6: version `GLIBC_2.38' not found (required by
// /usr/lib/x86_64-linux-gnu/libGLdispatch.so.0)` in the pulled docling-serve-cu128 image (UBI 9), fixed by going back
// to the previous tag (v1.5.1); a newer nvidia-container-toolkit was asked about. A pulled image is not rebuilt by its
// user, so the fix is which layer brought the file, never a change of build stages.
//
// Apptainer / Singularity put files of the HOST into the container under `/.singularity.d/libs/`, and those were built against
// the host's glibc: the image's glibc must then be at least the host's ("the container glibc library must be at least as new as
// the host's", imgag/megSAP#383 quoting apptainer/apptainer#2103; "That's normal with fakeroot mode 3", Apptainer's maintainer in
// apptainer#2525). Two cases, each with its own remedy:
// - `faked` / `fakeroot`: a build whose `%post` runs under the host's fakeroot command, which Apptainer uses when the user has no
//   /etc/subuid mapping (`INFO: User not listed in /etc/subuid, trying root-mapped namespace`; rootlesscontaine.rs, Apptainer:
//   "If /etc/subuid and /etc/subgid mappings will be set up, it will use only newuidmap and newgidmap. If they are not set up it
//   will … use an unprivileged root-mapped namespace combined with the unprivileged fakeroot command"). `apptainer config fakeroot
//   --add <user>` (root only) writes that mapping (apptainer-config-fakeroot(1)). imgag/megSAP#383, apptainer#865, #2103.
// - any other file there: `--nv` binds "the basic CUDA libraries from the host into the container" (Apptainer user docs, GPU
//   Support), the GL ones included (apptainer#945: `libGLdispatch.so.0`, `libGLX.so.0` with `--nv` on an Ubuntu 20.04 image, an
//   Ubuntu 22.04 host). `--nvccli` mounts by NVIDIA_DRIVER_CAPABILITIES, `compute,utility` by default (same page): no GL libraries
//   for a program that does not need them.
// "Build it in the image instead" and "compare with the stage that built it" do not apply to these: the remedy is the base image.
//
// A paste can keep only the loader's words after the C library's path: `` `GLIBC_2.38' not found (required by
// /usr/lib/libstdc++.so.6) `` (GoogleContainerTools/distroless#1859: a cgo binary built in `golang:1.24`, whose Debian moved to
// 13, run on `gcr.io/distroless/base`, Debian 12; the maintainer: "your build machine differs from your execution environment",
// "mostly be solved by using the debian13 image"). Distroless images name their Debian release in the image name
// (`gcr.io/distroless/base-debian12`, `…-debian13`: the project's README and SUPPORT_POLICY.md) and have no shell to run ldd in.
// An official language image whose tag names no release follows the newest Debian (golang:1.24 moved to 13, that thread).
// glibc per release, as `ldd --version` prints it: Debian 12 2.36 (`apt-cache policy libc6` on bookworm, as host-seccomp.ts),
// Debian 13 2.41 (`ldd (Debian GLIBC 2.41-12) 2.41`, a debian-slim image's output in a public log), Ubuntu 24.04 2.39
// (`ldd (Ubuntu GLIBC 2.39-0ubuntu8.4) 2.39` on Ubuntu 24.04.2, a public machine survey).
import type { RuleInput } from '../../schema.js';
import { PATH_CHAR } from '../../path-chars.js';

const GLIBC_BY_RELEASE = 'Debian 12 has glibc 2.36, Ubuntu 24.04 2.39, Debian 13 2.41';

export const glibcTooOld: RuleInput = {
  id: 'runtime/glibc-too-old',
  title: 'Program needs a newer glibc than the image has',
  severity: 'error',
  match: [
    // `rustnet: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.39' not found (required by rustnet)`
    {
      literals: ["' not found"],
      pattern: `(?<lib>${PATH_CHAR}{0,200}lib[cm]\\.so\\.6): version .?GLIBC_(?<needs>2\\.\\d{1,3})' not found \\(required by (?<by>[^)\\s]{1,200})\\)`,
    },
    // the loader's words without the library's path (a paste that kept the last part):
    // `` `GLIBC_2.38' not found (required by /usr/lib/libstdc++.so.6) ``
    {
      literals: ["' not found"],
      pattern: "^\\s{0,4}[`'‘]?GLIBC_(?<needs>2\\.\\d{1,3})' not found \\(required by (?<by>[^)\\s]{1,200})\\)",
    },
  ],
  context: [
    // the bare form above: no `<lib>: version` before the symbol version
    { name: 'bare', literals: ["' not found"], pattern: "^\\s{0,4}[`'‘]?GLIBC_2\\.\\d{1,3}' not found" },
    // a distroless run image: `gcr.io/distroless/base`, `gcr.io/distroless/cc-debian12`
    { name: 'distroless', literals: ['gcr.io/distroless/'], pattern: '(?<image>gcr\\.io/distroless/(?<name>[a-z]{1,20})(?:-debian(?<deb>\\d{2}))?)' },
    // every symbol version the loader lacks, one line each: the highest is what the target must have
    { name: 'versions', literals: ["' not found"], pattern: "version .?GLIBC_(?<needs>2\\.\\d{1,3})' not found", tally: true },
    // Apptainer's fakeroot from the host: `(required by /.singularity.d/libs/faked)`
    { name: 'apptainerFakeroot', literals: ['/.singularity.d/libs/'], pattern: "' not found \\(required by /\\.singularity\\.d/libs/(?:faked|fakeroot|libfakeroot)" },
    // any other host file Apptainer binds there (`--nv`: `(required by /.singularity.d/libs/libGLX.so.0)`)
    { name: 'apptainerHost', literals: ['/.singularity.d/libs/'], pattern: "' not found \\(required by /\\.singularity\\.d/libs/" },
    // the C library in lib64 (RHEL-family layout), the library that needs it in a Debian multiarch directory
    {
      name: 'foreignLayout',
      literals: ['lib64/libc.so.6'],
      pattern: "^(?:.{0,200}[\\s:`])?/(?:usr/)?lib64/libc\\.so\\.6: version .?GLIBC_[\\d.]{1,10}' not found \\(required by (?<lib>/(?:usr/)?lib/(?<arch>x86_64|aarch64)-linux-gnu/[^)\\s]{1,200})\\)",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{by}` was built against a newer GNU C library than the system it runs on has (`{lib}` lacks the symbol versions ' +
    '{context.versions.needs:all}): ' +
    'glibc runs programs built against older releases, never newer ones. In an image this is usually a build stage on a ' +
    'newer distro release than the stage that ships, or a binary built on another machine and copied in.',
  fix: [
    'Compare the C libraries of the two places: `ldd --version` prints an image\'s glibc on its first line. Run it in the',
    'image that runs `{by}` (on its `docker run`: `--entrypoint ldd` before the image name, `--version` after it) and in the',
    'stage or machine that built `{by}`. Then build where it runs: make the build stage and the final stage the same distro',
    'release (the same `FROM` family and version), or move the final stage to a release whose glibc has the highest version',
    'listed above. A binary built on the host: build it in the image instead.',
  ].join('\n'),
  variants: [
    {
      when: 'apptainerFakeroot',
      title: "Apptainer's fakeroot from the host needs a newer glibc than the image has",
      message:
        '`{by}` is the host\'s fakeroot, which Apptainer binds into the container (`/.singularity.d/libs/`) to run the build\'s ' +
        '`%post` as a fake root when the user has no `/etc/subuid` mapping. It was built against the host\'s GNU C library, and the ' +
        'image\'s is older (`{lib}` lacks {context.versions.needs:all}): the image\'s glibc must be at least as new as the host\'s.',
      fix: [
        'Either build FROM a base image whose glibc is at least the host\'s (`ldd --version` prints it, on the host and in the image:',
        '`apptainer exec IMAGE ldd --version`, IMAGE the image or .sif; a base of the host\'s distro release, or newer, has it), or let Apptainer map the',
        'user instead of running the host\'s fakeroot command: as root, add the user to `/etc/subuid` and `/etc/subgid`, then build again:',
        '',
        '```sh',
        'sudo apptainer config fakeroot --add "$USER"',
        '```',
      ].join('\n'),
    },
    {
      when: 'apptainerHost',
      title: 'A host library Apptainer binds into the container needs a newer glibc than the image has',
      message:
        '`{by}` is a library of the host that Apptainer binds into the container (`/.singularity.d/libs/`: with `--nv`, the host\'s ' +
        'NVIDIA libraries). It was built against the host\'s GNU C library, and the image\'s is older (`{lib}` lacks ' +
        '{context.versions.needs:all}): the image\'s glibc must be at least as new as the host\'s.',
      fix: [
        'Run it in an image whose glibc is at least the host\'s: `ldd --version` prints it, on the host and in the image',
        '(`apptainer exec IMAGE ldd --version`, IMAGE the image or .sif); rebuild the image FROM a base of the host\'s distro release or newer. A program',
        'that needs no OpenGL can start with `--nvccli` instead of `--nv`: it mounts the driver libraries by',
        '`NVIDIA_DRIVER_CAPABILITIES`, `compute,utility` by default, without the GL ones.',
      ].join('\n'),
    },
    {
      when: 'distroless',
      title: 'Program needs a newer glibc than the distroless run image has',
      message:
        '`{by}` needs the GNU C library\'s symbol version GLIBC_{needs:all}, which the C library of the run image ' +
        '(`{context.distroless.image}`) lacks: it was built on a newer Debian release than that image is. glibc runs programs built ' +
        'against older releases, never newer ones, so the stage that builds and the distroless image that runs must be the same ' +
        'Debian release (' + GLIBC_BY_RELEASE + ').',
      fix: [
        'Make the two the same release. Distroless images name theirs (`gcr.io/distroless/{context.distroless.name}-debian12`, ' +
          '`…-debian13`) and have no shell; the build stage prints its own with `ldd --version` (`RUN ldd --version` in it, or ' +
          '`docker run --rm --entrypoint ldd BUILD_IMAGE --version`). Then either:',
        '',
        '- run on `gcr.io/distroless/{context.distroless.name}-debian13` when the build stage is Debian 13 (trixie; a language image ' +
          'without a release in its tag follows the newest Debian), or',
        '- pin the build stage to the run image\'s release, a `-bookworm` tag of the build image for a `-debian12` run image.',
        '',
        'Name the release in both `FROM` lines so that a base image moving on does not split them again.',
      ].join('\n'),
    },
    {
      when: 'bare',
      message:
        '`{by}` needs the GNU C library\'s symbol version GLIBC_{needs:all}, which the C library where it runs lacks: ' +
        'it was built against a newer glibc than that system has. glibc runs programs built against older releases, never newer ones. ' +
        'In an image this is usually a build stage on a newer distro release than the slim or distroless stage that runs it, or a binary ' +
        'built on another machine and copied in.',
      fix: [
        'Compare the C libraries of the two places: `ldd --version` prints a system\'s glibc on its first line (' + GLIBC_BY_RELEASE + '). ' +
          'Run it where `{by}` runs and where it was built. Then build where it runs: the build stage FROM the same distro release as the ' +
          'run stage (a release named in both tags, `-bookworm` / `-trixie`), or a run image whose glibc is at least the highest version ' +
          'named above.',
      ].join('\n'),
    },
    {
      when: 'foreignLayout',
      title: 'A library from another distro in the container needs a newer glibc',
      message:
        '`{context.foreignLayout.lib}` was built against a newer GNU C library than this container has (`{lib}` lacks ' +
        '{context.versions.needs:all}), and the two paths are of different distros: the C library sits in `lib64`, as in ' +
        'RHEL, Fedora and UBI images, the library in `{context.foreignLayout.arch}-linux-gnu`, a Debian / Ubuntu directory. ' +
        'The library does not come from this image\'s distro: either the image ships it (a fault of this release of the ' +
        'image), or the container runtime mounted it from the host, as the NVIDIA container toolkit does with the host ' +
        'driver\'s libraries in a GPU container.',
      fix: [
        'See which it is: list the file in the image without GPUs, where no runtime adds anything (the image name as in your ' +
          '`docker run`):',
        '',
        '```sh',
        'docker run --rm --entrypoint ls IMAGE -l {context.foreignLayout.lib}',
        '```',
        '',
        '- It is there: the image ships it. Go back to the previous tag of the image, the one that started, and report it to ' +
          'the image\'s publisher with this line.',
        '- It is not: it comes with `--gpus` / the NVIDIA runtime. Ask only for the driver capabilities the program needs, ' +
          'without the graphics libraries (`-e NVIDIA_DRIVER_CAPABILITIES=compute,utility` on the `docker run`), and update ' +
          'nvidia-container-toolkit on the host (`nvidia-ctk --version` prints it).',
      ].join('\n'),
    },
  ],
  docs: 'https://man7.org/linux/man-pages/man8/ld.so.8.html',
};
