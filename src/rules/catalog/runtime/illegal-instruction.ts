// A process killed by SIGILL: the CPU (or the emulator standing in for it) met an instruction it does
// not have. The words printed:
// - the shell's report of the signal: `Illegal instruction (core dumped)` (bash, IBM/MAX-Weather-Forecaster#31
//   at `docker run`), `Illegal instruction` alone (dash, docker/for-mac#7255 in an emulated apt step); the
//   exit status is 128 + 4 = 132 (`exit code: 132`);
// - QEMU user mode: `qemu: uncaught target signal 4 (Illegal instruction) - core dumped` (Kuadrant/mcp-gateway#687,
//   seebom-labs/BOMHort#183: arm64 stages emulated on amd64 runners);
// - TensorFlow's CPU feature guard, which stops the process before it gets that far: `The TensorFlow library was
//   compiled to use AVX2 instructions, but these aren't available on your machine.` (CheckFeatureOrDie, a
//   LOG(FATAL) in tensorflow/core/platform/cpu_feature_guard.cc; mind/wheels#35).
// Causes and remedies: TensorFlow's release binaries use AVX from 1.6 on (the TensorFlow team in
// tensorflow/tensorflow#29788 and #47146); a wheel or program built for newer CPUs, or with `-march=native` on
// the build machine, does the same on an older CPU; QEMU does not emulate every instruction, and its users fixed
// it by building natively (`ubuntu-24.04-arm` runners, mattogodoy/nametag#212) or by running a stage whose output
// does not depend on the platform on the build platform (`FROM --platform=$BUILDPLATFORM`, BOMHort#183).
// - a launcher that reports its child's signal: text-generation-inference's `Shard process was signaled to shutdown
//   with signal 4` (then `Error: ShardCannotStart`). Its maintainer on that line: "Signal 4 means TGI tries to use
//   illegal instruction. Are you running in a VM?", pointing at AVX (huggingface/text-generation-inference#2238).
//   In a VM the guest sees the CPU model the hypervisor presents, which can leave AVX / AVX2 out although the host
//   has them: `QEMU Virtual CPU version 2.5+` without avx in /proc/cpuinfo (ggml-org/whisper.cpp#290); CPU type
//   `host` in Proxmox fixed such a SIGILL (robertknight/ocrs#49); that type is QEMU/KVM's `-cpu host`, which passes
//   the host CPU's features through. A container reads the host's (or the VM's) /proc/cpuinfo, so the check is the
//   same inside and outside it.
// Not this rule: TensorFlow's notice that the CPU has more than the binary uses (`Your CPU supports instructions
// that this TensorFlow binary was not compiled to use`, the nomatch fixture).
import type { RuleInput } from '../../schema.js';

const CPU_FLAGS = "grep -o -w -E 'avx|avx2|avx512f|fma' /proc/cpuinfo | sort -u";

// QEMU learns instructions release by release: an emulator older than the program's code stops on one it does not know
// (raaymax/quack#312: a node:22-alpine stage emulated for arm64 on GitHub Actions, fixed by pinning a newer binfmt image in
// setup-qemu-action). docker/setup-qemu-action's inputs (its README): `image`, default `tonistiigi/binfmt:latest`, and
// `platforms`; it goes before docker/setup-buildx-action; its job log has a `Binfmt version` group (src/main.ts) that prints
// the QEMU it registered (`binfmt/… qemu/v… go/…`, the format of `tonistiigi/binfmt --version` in that README). tonistiigi/binfmt
// tags each release `qemu-<version>` (its .github/workflows/.build.yml: tag prefix `qemu-` for the mainline target; the release
// deploy/v10.2.3-68 of 2026-06 is `qemu-v10.2.3`), and moves `latest` only for some releases (tonistiigi/binfmt#165: `latest`
// stayed on a 2022 build while versioned tags went on). A release's own note installs it with `--uninstall qemu-*` first.
// Linux arm64 hosted runners (`ubuntu-24.04-arm`) are free in public repositories (GitHub changelog 2025-01-16, generally
// available 2025-08-07).
export const BINFMT_TAG = 'qemu-v10.2.3';

/** setup-qemu-action registering the pinned binfmt release, before the builder is set up. */
const SETUP_QEMU_PINNED = [
  '```yaml',
  '- uses: docker/setup-qemu-action@v4',
  '  with:',
  `    image: tonistiigi/binfmt:${BINFMT_TAG}`,
  '- uses: docker/setup-buildx-action@v4',
  '```',
];

const QEMU_MESSAGE =
  'This step runs under QEMU user-mode emulation of {platform|another platform}, and QEMU stopped on an instruction it does not emulate (signal 4, ' +
  'SIGILL; exit code 132). The same program runs on a native machine: the emulator is older than the code it runs (newer Node, V8 and compilers ' +
  'use instructions older QEMU releases lack), or the step is one better not emulated at all.';

/** A newer QEMU first (the registered one is too old), then native building; the setup action's form on GitHub Actions. */
function qemuFix(actions: boolean): string {
  const register = actions
    ? [
        'Register a newer QEMU: the setup action installs `tonistiigi/binfmt:latest` unless told otherwise, and that tag trails the versioned releases.',
        'Its `Binfmt version` group in the job log shows the QEMU it registered. Pin a newer release before the builder is set up:',
        '',
        ...SETUP_QEMU_PINNED,
      ]
    : [
        'Register a newer QEMU (the tags: https://hub.docker.com/r/tonistiigi/binfmt/tags). On GitHub Actions, in the setup action before the builder:',
        '',
        ...SETUP_QEMU_PINNED,
        '',
        'On your own build host:',
        '',
        '```sh',
        `docker run --privileged --rm tonistiigi/binfmt:${BINFMT_TAG} --uninstall 'qemu-*'`,
        `docker run --privileged --rm tonistiigi/binfmt:${BINFMT_TAG} --install all`,
        '```',
      ];
  return [
    ...register,
    '',
    'Or do not emulate the step:',
    '',
    '- when its output does not depend on the target platform (a JavaScript bundle, static files, generated code), run that stage on the build ' +
      'platform and copy the result: `FROM --platform=$BUILDPLATFORM` with the stage\'s own base image (e.g. `FROM --platform=$BUILDPLATFORM node:22-alpine AS builder`);',
    '- otherwise build each platform on a native runner (`ubuntu-24.04-arm` for linux/arm64 on GitHub, free in public repositories) and merge the ' +
      'digests with `docker buildx imagetools create` (https://docs.docker.com/build/ci/github-actions/multi-platform/#distribute-build-across-multiple-runners).',
  ].join('\n');
}

export const illegalInstruction: RuleInput = {
  id: 'runtime/illegal-instruction',
  title: 'Illegal instruction: code built for a CPU this one is not',
  severity: 'error',
  match: [
    { literals: ['uncaught target signal 4 (Illegal instruction)'] },
    // the shell's report: `Illegal instruction (core dumped)`, dash's bare `Illegal instruction`
    { literals: ['Illegal instruction'], pattern: '(?:^|\\s)Illegal instruction(?:\\s{1,20}\\(core dumped\\))?(?:\\s|$)' },
    {
      literals: ["instructions, but these aren't available on your machine"],
      pattern: "compiled to use (?<isa>[\\w.]{1,20}) instructions, but these aren't available on your machine",
    },
    // text-generation-inference's launcher: `Shard process was signaled to shutdown with signal 4 rank=0`
    { literals: ['was signaled to shutdown with signal 4'], pattern: 'process was signaled to shutdown with signal 4(?:\\s|$)' },
  ],
  context: [
    { name: 'qemu', literals: ['uncaught target signal 4', '.buildkit_qemu_emulator'] },
    { name: 'guard', literals: ["instructions, but these aren't available on your machine"] },
    { name: 'launcher', literals: ['was signaled to shutdown with signal 4'], pattern: '(?<proc>\\w{1,20}) process was signaled to shutdown with signal 4(?:\\s|$)' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'A program stopped on a CPU instruction the machine running it does not have (SIGILL, exit status 132). Either it was built for newer CPUs than this ' +
    'one (wheels built with AVX / AVX2 / AVX-512: TensorFlow\'s since 1.6; a binary compiled with `-march=native` on another machine), or it runs ' +
    'under emulation of another platform (QEMU in a `--platform` build, an amd64 image on an arm64 Mac), which lacks some instructions.',
  fix: [
    `See what the CPU has where it failed (in the container, or the build step): \`${CPU_FLAGS}\`. Then:`,
    '',
    '- a CPU without the instructions the program needs: run it on a machine that has them, or install a build made for this CPU (a release or wheel ' +
      'without AVX, or compile it there; a `-march=native` build belongs on the machine it runs on: use a baseline such as `-march=x86-64-v2`);',
    '- under emulation: run that platform natively (an arm64 runner such as `ubuntu-24.04-arm`, an amd64 host for amd64 images).',
  ].join('\n'),
  variants: [
    {
      when: 'launcher',
      title: 'Illegal instruction: the server process needs CPU instructions this machine lacks',
      message:
        'The `{context.launcher.proc}` process the launcher started was killed by signal 4, SIGILL: it ran a CPU instruction the CPU it runs on does not ' +
        'have (text-generation-inference\'s maintainers point at AVX). On a virtual machine, the CPU model the hypervisor presents often leaves ' +
        'AVX / AVX2 out although the physical CPU has them. A missing GPU or driver does not cause this signal.',
      fix: [
        'See which AVX sets the CPU has, on the host or VM that runs the container (the container sees the same list):',
        '',
        '```sh',
        "grep -o -w 'avx[^ ]*' /proc/cpuinfo | sort -u",
        'grep -m1 "model name" /proc/cpuinfo',
        '```',
        '',
        '- no `avx` / `avx2` there, and a model name such as `QEMU Virtual CPU`: the VM hides the host CPU\'s features. ' +
          'Give the VM the host CPU model (QEMU/KVM `-cpu host`, CPU type `host` in Proxmox, or your hypervisor\'s CPU pass-through setting), restart it, and run the check again;',
        '- few or no AVX sets on bare metal: the CPU is older than the one this server build was made for; run it on a machine with a newer CPU;',
        '- `avx`, `avx2` and `avx512*` all there: the missing instruction is another one; the shard\'s standard error printed above this line, when not empty, names where it stopped.',
      ].join('\n'),
    },
    {
      when: 'qemu&fact.runner',
      title: 'QEMU emulation met an instruction it cannot run',
      message: QEMU_MESSAGE,
      fix: qemuFix(true),
    },
    {
      when: 'qemu',
      title: 'QEMU emulation met an instruction it cannot run',
      message: QEMU_MESSAGE,
      fix: qemuFix(false),
    },
    {
      when: 'guard',
      title: 'TensorFlow built for instructions this CPU lacks',
      message:
        'TensorFlow checks at import that the CPU has the instruction sets it was compiled for, and stopped: this machine has no {isa}. Its pip wheels ' +
        'use AVX from 1.6 on; an amd64 TensorFlow on an arm64 Mac (emulated) sees no AVX either.',
      fix: [
        `See what the CPU has where it failed: \`${CPU_FLAGS}\`. Run TensorFlow on a machine with {isa}, or install a TensorFlow built for this CPU ` +
          '(built from source on it; on an arm64 Mac, the native arm64 build in an arm64 image instead of the amd64 one).',
      ].join('\n'),
    },
  ],
  docs: 'https://www.tensorflow.org/install/pip#hardware_requirements',
};
