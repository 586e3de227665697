// A program crashed with a segmentation fault under QEMU user-mode emulation: QEMU's own line
// `qemu: uncaught target signal 11 (Segmentation fault) - core dumped` (the emulated program got SIGSEGV and did not handle
// it), then the shell's `Segmentation fault (core dumped)` and an exit status of 128 + 11 = 139. The same program runs on a
// native machine: these crashes come and go with the QEMU release, not with the Dockerfile.
// The case seen most: ldconfig, run by libc-bin's post-installation script (and its dpkg trigger) in every apt install on
// Debian / Ubuntu, in an arm64 stage emulated on an amd64 host (`dpkg: error processing package libc-bin (--configure):`,
// `… post-installation script subprocess returned error exit status 139`, apt's `E: Sub-process /usr/bin/dpkg returned an
// error code (1)`):
// - tonistiigi/binfmt#240 "Segmentation fault in latest binfmt image" (2025-02): the binfmt image docker/setup-qemu-action
//   registers (`latest`) moved to QEMU v9.2.0 (`qemu-v9.2.0-51`, docker/setup-qemu-action#201), and ldconfig crashed; moving the
//   runner to ubuntu-22.04 did not help; pinning `image: tonistiigi/binfmt:qemu-v7.0.0-28` in setup-qemu-action did
//   (setup-qemu-action#201, pointing at #240). In #231 a one-line reproduction: `docker run --platform=arm64 ubuntu:jammy
//   ldconfig` after registering that QEMU. binfmt#243 (QEMU v9.2.2) made it rarer, not gone (crazy-max reproduced it on 9.2.2
//   in binfmt#244's libc-bin e2e test); binfmt#245 (open) reports random failures with qemu-v7.0.0-28 and qemu-v9.2.2-52 alike;
//   binfmt#298 (open, 2026-02) reports it again on 10.1.3 with an Ubuntu image. No release is known good for every image: the
//   fix is a release other than the one that crashed, or no emulation.
// - BuildKit's own fallback emulator is a binfmt build too (moby/buildkit's Dockerfile: v0.19.0 copies
//   tonistiigi/binfmt:buildkit-v7.1.0-30, v0.20.0 buildkit-v9.2.0-50, v0.20.1 buildkit-v9.2.2-54). pytorch/pytorch#148372 pinned
//   BuildKit v0.19.0 for its nightly arm64 image build on amd64 runners ("we are hitting moby/buildkit#5783").
// The `Binfmt version` group of setup-qemu-action's job log prints the QEMU it registered; `tonistiigi/binfmt --version` prints
// the same on a host (tonistiigi/binfmt's README, "Display version"). Native arm64 runners: see illegal-instruction.ts.
// Not this rule: signal 4 (runtime/illegal-instruction); a segfault with no QEMU line (a native crash).
import type { RuleInput, RuleVariant } from '../../schema.js';

const NATIVE =
  'Build this platform natively, where no emulator runs the step: a native runner per platform (`ubuntu-24.04-arm` for linux/arm64 on GitHub, free in ' +
  'public repositories), each pushing by digest, then `docker buildx imagetools create` to merge them ' +
  '(https://docs.docker.com/build/ci/github-actions/multi-platform/#distribute-build-across-multiple-runners).';

const RELEASES =
  'QEMU releases differ here: ldconfig crashed under tonistiigi/binfmt\'s QEMU v9.2.0 (then `latest`) and ran under `qemu-v7.0.0-28` ' +
  '(tonistiigi/binfmt#240); 9.2.2 made it rarer, not gone (#244), and 10.1.3 crashed again on an Ubuntu image (#298). No release is known ' +
  'good for every image: switch away from the one that crashed, or do not emulate.';

const ACTIONS_PIN = [
  'Or register another QEMU release. See which one ran: the `Binfmt version` group of docker/setup-qemu-action in the job log (`qemu/v…`). ' +
    'Pin another in the setup action, before the builder is set up (the tag that worked in tonistiigi/binfmt#240; the tags: ' +
    'https://hub.docker.com/r/tonistiigi/binfmt/tags):',
  '',
  '```yaml',
  '- uses: docker/setup-qemu-action@v4',
  '  with:',
  '    image: tonistiigi/binfmt:qemu-v7.0.0-28',
  '- uses: docker/setup-buildx-action@v4',
  '```',
].join('\n');

const HOST_PIN = [
  'Or register another QEMU release where BuildKit runs. See which one is registered: `docker run --privileged --rm tonistiigi/binfmt --version` ' +
    '(`qemu/v…`). Then replace it (the tag that worked in tonistiigi/binfmt#240; the tags: https://hub.docker.com/r/tonistiigi/binfmt/tags):',
  '',
  '```sh',
  "docker run --privileged --rm tonistiigi/binfmt:qemu-v7.0.0-28 --uninstall 'qemu-*'",
  'docker run --privileged --rm tonistiigi/binfmt:qemu-v7.0.0-28 --install all',
  '```',
  '',
  'On GitHub Actions the same is `image: tonistiigi/binfmt:qemu-v7.0.0-28` in docker/setup-qemu-action, whose job log shows the QEMU it registered in its `Binfmt version` group.',
].join('\n');

/** Under BuildKit's bundled fallback the registered QEMU is not used: the BuildKit release decides. */
const FALLBACK_NOTE =
  'If the step\'s command starts with `/dev/.buildkit_qemu_emulator`, BuildKit ran it under its bundled QEMU, not a registered one: BuildKit v0.20.0 ' +
  'bundles QEMU 9.2.0, v0.19.0 QEMU 7.1.0 (pytorch/pytorch#148372 pinned `moby/buildkit:v0.19.0`, with setup-buildx-action\'s ' +
  '`driver-opts: image=moby/buildkit:v0.19.0`); registering QEMU as above takes the fallback out of the way.';

function fix(actions: boolean): string {
  return [NATIVE, '', actions ? ACTIONS_PIN : HOST_PIN, '', FALLBACK_NOTE].join('\n');
}

const LIBC_BIN_MESSAGE =
  'QEMU user-mode emulation of {platform|another platform} crashed: ldconfig, run by libc-bin\'s post-installation ' +
  'script, died of a segmentation fault under the emulator (`qemu: uncaught target signal 11`, exit status 139), so dpkg could not configure ' +
  'libc-bin (and the install that triggered it failed). Nothing in the Dockerfile is wrong: the same install runs on a native machine. ' + RELEASES;

const GENERIC_MESSAGE =
  'A program run under QEMU user-mode emulation of {platform|another platform} died of a segmentation fault (`qemu: uncaught target signal 11`, ' +
  'exit status 139). The same program usually runs on a native machine: QEMU mis-emulates it. ' + RELEASES;

function variants(when: string, message: string): RuleVariant[] {
  return [
    { when: `${when}&fact.runner`, message, fix: fix(true) },
    { when, message, fix: fix(false) },
  ];
}

export const qemuSegfault: RuleInput = {
  id: 'buildx/qemu-segfault',
  title: 'QEMU emulation crashed (segmentation fault, exit 139)',
  severity: 'error',
  match: [{ literals: ['uncaught target signal 11 (Segmentation fault)'] }],
  context: [
    // dpkg's `installed libc-bin package post-installation script subprocess returned error exit status 139` (ldconfig)
    { name: 'libcBin', literals: ['installed libc-bin package post-installation script subprocess returned error exit status 139'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: GENERIC_MESSAGE,
  fix: fix(false),
  variants: [...variants('libcBin', LIBC_BIN_MESSAGE), { when: 'fact.runner', message: GENERIC_MESSAGE, fix: fix(true) }],
  docs: 'https://github.com/tonistiigi/binfmt/issues/240',
};
