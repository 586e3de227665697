import type { RuleInput } from '../../schema.js';

/** A binary of another architecture was executed: no QEMU emulation registered, or a wrong-arch download. */
export const execFormatError: RuleInput = {
  id: 'buildx/exec-format-error',
  title: 'Foreign-architecture binary cannot run (exec format error)',
  severity: 'error',
  match: [
    {
      // `exec /bin/sh: exec format error`, `exec user process caused "exec format error"`,
      // `/usr/local/bin/helper: cannot execute binary file: Exec format error`.
      literals: ['exec format error'],
      ignoreCase: true,
      pattern: '(?:exec (?<binary>[^\\s:]{1,200}): )?exec format error',
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
  ],
  message:
    'A program of another CPU architecture was executed (`{binary|a binary}`): the builder cannot run it.',
  variants: [
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
    {
      when: 'shell',
      message:
        'The builder cannot run even the shell of this {platform|foreign-platform} stage: no QEMU emulator is ' +
        'registered (binfmt_misc) for that architecture on the build host.',
    },
  ],
  fix: [
    'Register QEMU emulators on the build host before building for other platforms. In GitHub Actions:',
    '',
    '```yaml',
    '- uses: docker/setup-qemu-action@v3',
    '- uses: docker/setup-buildx-action@v3',
    '```',
    'Elsewhere: `docker run --privileged --rm tonistiigi/binfmt --install all`. Emulation is many times slower: for',
    'long compiles prefer a native runner per platform (e.g. `ubuntu-24.04-arm`). If the failing file is a',
    "downloaded binary, pick the download by the target's architecture: `ARG TARGETARCH` and use",
    '`${TARGETARCH}` (amd64, arm64) in the URL.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-platform/#qemu',
};
