// A Docker host too old for the image it runs: Docker's default seccomp profile answers a syscall it does not list
// with EPERM, and glibc 2.34+ makes syscalls older profiles do not list (`clone3`), so programs in the container fail
// with `Operation not permitted` where nothing is wrong with them. Facts, with their sources:
// - Docker ≤ 20.10.9 cannot run glibc ≥ 2.34 images (ubuntu:21.10, fedora:35; AkihiroSuda/clone3-workaround);
//   20.10.10 added `clone3` to the default profile (moby/moby#42681: without a rule for it runc returned "the
//   historical EPERM errno"; backported to 20.10 as moby/moby#42836; milestone per actions/runner-images#4193).
//   Debian 12 ships glibc 2.36 (apt-cache policy libc6 on bookworm), Ubuntu 22.04 glibc 2.35 (jammy's libc6
//   2.35-0ubuntu3, as apt logs of jammy show it).
// - The official images' maintainers: test with `--security-opt seccomp=unconfined` (a test only), fix by updating
//   Docker and libseccomp on the host, or use a tag of the older release meanwhile (docker-library/official-images#16829;
//   yosifkit in debuerreotype/docker-debian-artifacts#197: "Try updating libseccomp and Docker on the host").
//   `dpkg -l | grep libseccomp` shows the host's libseccomp (tianon, docker-library/python#676).
// - `docker build` takes no `--security-opt` for seccomp (moby/moby#34454), hence the test with `docker run`;
//   `docker run --security-opt seccomp=unconfined` runs a container without the default profile
//   (https://docs.docker.com/engine/security/seccomp/, "Run without the default seccomp profile").
// - Its signs in apt: `NO_PUBKEY` / `At least one invalid signature` on the distribution's own archive (gpgv fails:
//   docker-library/python#837, nginx/docker-nginx#804, rust-lang/docker-rust#195, moby/moby#48410), and
//   `E: Problem executing scripts APT::Update::Post-Invoke 'rm -f /var/cache/apt/archives/*.deb … || true'`: the
//   official Debian and Ubuntu images' `/etc/apt/apt.conf.d/docker-clean` hook (debuerreotype writes it:
//   `DPkg::Post-Invoke` and `APT::Update::Post-Invoke`, both `rm -f … || true`), a command that cannot fail by itself,
//   so what failed is starting it (bookworm as debian:stable: debuerreotype/docker-debian-artifacts#197; ubuntu:jammy
//   under `docker run`, working only with `seccomp=unconfined`: tianon/docker-brew-ubuntu-core#236).

/** The cause in one clause, for a message: what on the host, and the version boundary. */
export const HOST_SECCOMP_CAUSE =
  "an engine or libseccomp older than the image's release, whose seccomp profile blocks the newer syscalls its glibc makes " +
  '(Docker 20.10.9 and older cannot run glibc 2.34+ images; Debian 12 has 2.36, Ubuntu 22.04 2.35)';

/** The commands that show the host's engine, its seccomp setting and its libseccomp. */
export const HOST_SECCOMP_CHECK_COMMANDS: readonly string[] = [
  "docker info 2>/dev/null | grep -iE 'server version|seccomp|profile|docker root dir'",
  'dpkg -l | grep libseccomp',
];

/** The remedy on the host, as a list item of a fix: for an image build (the test runs the `FROM` image with `docker run`). */
export const HOST_SECCOMP_REMEDY_BUILD = [
  '- Engine older than 20.10.10, or an old libseccomp2 with seccomp on: upgrade Docker Engine and libseccomp2 on the',
  "  host (Docker's own packages, https://docs.docker.com/engine/install/). To confirm before upgrading, run the `FROM`",
  '  image once with `docker run --rm --security-opt seccomp=unconfined` and `apt-get update`: passing there and failing',
  '  without is seccomp (a test only; `docker build` has no such switch). Until the host is upgraded, a tag of the image',
  '  on the previous release builds (for a bookworm image, its `-bullseye` tag where there is one).',
].join('\n');

/** The remedy on the host for a container started with `docker run`, where the switch itself is the stopgap. */
export const HOST_SECCOMP_REMEDY_RUN = [
  '- Engine older than 20.10.10, or an old libseccomp2 with seccomp on: upgrade Docker Engine and libseccomp2 on the',
  "  host (Docker's own packages, https://docs.docker.com/engine/install/). Adding `--security-opt seccomp=unconfined`",
  '  to this `docker run` confirms it (the same command passes) and is a stopgap until the upgrade: it drops the',
  '  syscall filter for that container, so keep it off images you do not trust. A tag of the image on the previous',
  '  release runs meanwhile too (ubuntu:20.04 for 22.04; for a bookworm image, its `bullseye` tag).',
].join('\n');

// 32-bit images and the 64-bit-time syscalls (time64): a 32-bit C library of a newer release calls `clock_gettime64`,
// `utimensat_time64` and the like, which a host's seccomp filter older than those syscalls answers with EPERM instead of
// ENOSYS, so the library does not fall back (runc issue 2151). Sources:
// - Alpine's release notes for 3.13.0 (musl 1.2, time64), https://wiki.alpinelinux.org/wiki/Release_Notes_for_Alpine_3.13.0:
//   the host needs Docker 19.03.9 or newer and libseccomp 2.4.2 or newer; it applies to x86, armv7 and armhf
//   containers, also on 64-bit hosts; "Debian stable without debian-backports, Raspbian stable" are named as unsuitable
//   hosts; `scmp_sys_resolver -a arm clock_gettime64` prints 403 where libseccomp knows time64, -10214 where it does not.
// - Ubuntu 20.04 on armhf: dpkg's `tar: …: Cannot utime: Operation not permitted` unpacking libc6 under
//   `docker run arm32v7/ubuntu:focal` on an armv7l Raspberry Pi (moby/moby#40734; fixed on the hosts by a newer
//   libseccomp2, the thread's `--security-opt seccomp=unconfined` passes).
// - OpenSSL's `ASN1_TIME_adj:error getting time` in an arm32v7 container: clock_gettime64 blocked; DietPi's maintainers:
//   "arm32v7 systems still require libseccomp2 2.4.2 or newer", installed from buster-backports on (Raspbian/Debian)
//   buster, then Docker restarted (MichaIng/DietPi#4260).

/** The check of a host for time64 in a 32-bit container. */
export const TIME64_CHECK_COMMANDS: readonly string[] = [
  'uname -m                                   # armv7l / armv6l: a 32-bit ARM host',
  ...HOST_SECCOMP_CHECK_COMMANDS,
  'scmp_sys_resolver -a arm clock_gettime64   # 403: libseccomp knows time64; -10214: too old',
];

/** The remedy on the host for time64 in a 32-bit container, as a fix's paragraph. */
export const TIME64_REMEDY = [
  'Upgrade the host: libseccomp2 2.4.2 or newer (on Raspbian / Debian buster it comes from buster-backports:',
  '`sudo apt-get install -t buster-backports libseccomp2` with buster-backports in the host\'s apt sources) and Docker 19.03.9 or newer, then restart Docker',
  '(`sudo systemctl restart docker`). Running the same container once with `docker run --security-opt',
  'seccomp=unconfined` confirms it (it passes there) and is a stopgap only: it drops the syscall filter for that',
  'container (`docker build` has no such switch).',
].join('\n');
