// A step that ran under BuildKit's own fallback QEMU: its command starts with `/dev/.buildkit_qemu_emulator`
// (`process "/dev/.buildkit_qemu_emulator /bin/sh -c …" did not complete successfully`, BuildKit 0.8+'s `executor failed
// running [/dev/.buildkit_qemu_emulator /bin/sh -c …]`). What the prefix proves (moby/buildkit
// solver/llbsolver/ops/exec_binfmt.go, `const qemuMountName = "/dev/.buildkit_qemu_emulator"`): getEmulator returns no
// emulator when the step's platform is among the platforms the worker can run (`archutil.SupportedPlatforms`: the native one
// and those the kernel runs through a registered binfmt_misc handler); only otherwise does it look up its bundled
// `buildkit-qemu-<arch>`, copy it into a temporary directory (`buildkit-qemu-emulator…`) and bind it at that path. So the
// prefix means: the step ran emulated, and no emulator for its platform that BuildKit could run was registered on the machine
// that runs BuildKit when BuildKit looked (it reads the list once and keeps it: `SupportedPlatforms(noCache bool)` caches it).
// A registration without the F flag, whose interpreter BuildKit's mount namespace cannot see, counts as none: this project's
// engine recording fixtures/rules/buildx/exec-format-error/match-qemu-without-fix-binary-flag.log shows the prefix with one. The bundled
// binaries are tonistiigi/binfmt's BuildKit helper target, "BuildKit specific and should not be installed in kernel with
// binfmt_misc" (its README), a fallback, not a substitute for registered emulators. Registering them: `docker run
// --privileged --rm tonistiigi/binfmt --install all` (tonistiigi/binfmt's README; Docker's multi-platform docs, QEMU), or
// docker/setup-qemu-action before docker/setup-buildx-action on GitHub Actions.
// Wordings and threads:
// - the fallback failed where a registered QEMU runs the program: docker/buildx#900 (`npm install` cross-built on a Linux
//   server; the maintainer: "Missing emulators on your linux server", fixed by `tonistiigi/binfmt --install all`);
//   woodpecker-ci/autoscaler#484 (Alpine 3.23's apk trigger under the fallback: `Executing busybox-1.37.0-r29.trigger`,
//   `* execve: No such file or directory`, `exited with error 127`; the merged fix installs current QEMU on the build host
//   "so BuildKit does not fall back", and ServerContainers/samba#168 reports docker/setup-qemu-action fixing the same);
// - the copy of the emulator failed on an SELinux host: `failed to copy xattrs: failed to set xattr "security.selinux" on
//   /tmp/buildkit-qemu-emulator…/dev/.buildkit_qemu_emulator: operation not supported` (docker/buildx#584 on GitLab's
//   docker:dind; moby/buildkit#4824, #5400, #5544). BuildKit v0.27.0 ignores ENOTSUP for that xattr on this copy
//   (moby/buildkit#6015, `ignoreSELinuxXAttrErrorHandler` in exec_binfmt.go; the maintainer in #5400: "Fixed by #6015,
//   shipped in v0.27.0"). A registered emulator avoids the copy altogether.
// Specificity 2: a rule that names the step's own cause (an illegal instruction under QEMU, an exec format error, a
// compiler error) outranks it; the emulator is then the place, not the cause.
import { BINFMT_TAG } from '../runtime/illegal-instruction.js';
import type { RuleInput } from '../../schema.js';

const REGISTER_HOST = [
  '```sh',
  'docker run --privileged --rm tonistiigi/binfmt --install all',
  'ls /proc/sys/fs/binfmt_misc/    # qemu-aarch64, qemu-arm, … are registered now',
  '```',
].join('\n');

const REGISTER_ACTIONS = [
  '```yaml',
  '- uses: docker/setup-qemu-action@v4    # registers QEMU (tonistiigi/binfmt) for the build',
  '- uses: docker/setup-buildx-action@v4',
  '```',
].join('\n');

/** BuildKit reads the registered emulators once: a builder started before the registration keeps falling back. */
const RESTART =
  'BuildKit reads the registered emulators when it starts: if the next build still shows `/dev/.buildkit_qemu_emulator`, restart the ' +
  'builder (`docker buildx stop` for a docker-container builder, which the next build boots again; `sudo systemctl restart docker` for the default one).';

const PIN =
  `If the step still fails under the registered QEMU, register a newer release than \`latest\`, which trails them: \`tonistiigi/binfmt:${BINFMT_TAG}\` ` +
  `(\`--uninstall 'qemu-*'\` first; in setup-qemu-action, \`image: tonistiigi/binfmt:${BINFMT_TAG}\`), or build this platform on a native runner ` +
  '(`ubuntu-24.04-arm` for linux/arm64 on GitHub).';

/** `tail`: the paragraph after the registration (a newer QEMU for a program that fails under it, or a BuildKit upgrade). */
function registerFix(actions: boolean, lead: string, tail = PIN): string {
  return actions
    ? [lead + ' In the workflow, before the build (and before setup-buildx-action):', '', REGISTER_ACTIONS, '', tail].join('\n')
    : [lead + ' On the machine that runs BuildKit (a docker:dind service: in the job, against that daemon, before the build):', '', REGISTER_HOST, '',
        'On GitHub Actions: `docker/setup-qemu-action@v4` before `docker/setup-buildx-action@v4`. ' + RESTART, '', tail].join('\n');
}

const MESSAGE =
  'This step ran under emulation of {platform|another platform}, with the QEMU BuildKit bundles as a fallback (`/dev/.buildkit_qemu_emulator` in front of ' +
  'its command): BuildKit found no emulator for that platform registered (binfmt_misc) that it can use on the machine that runs it. ' +
  'Programs fail under the fallback that run under a registered, current QEMU.';

const EXECVE_MESSAGE =
  'This step ran under emulation of {platform|another platform}, with the QEMU BuildKit bundles as a fallback (`/dev/.buildkit_qemu_emulator` in front of ' +
  'its command), because no emulator for that platform that BuildKit can use is registered (binfmt_misc) where it runs; a program the step started could not be ' +
  'started under it (`execve: No such file or directory`, exit 127). Newer distributions trip the fallback this way (Alpine 3.23\'s apk triggers); ' +
  'a registered, current QEMU runs them.';

const XATTR_MESSAGE =
  'The step needs emulation of {platform|another platform}, and with no emulator registered (binfmt_misc) where BuildKit runs, BuildKit copies the QEMU ' +
  'it bundles into a temporary directory first. On this SELinux host that copy failed: the temporary file system refuses the `security.selinux` ' +
  'attribute (`operation not supported`), so the command never started. BuildKit v0.27.0 and later ignore that error (moby/buildkit#6015).';

const XATTR_FIX_TAIL = [
  'Or upgrade BuildKit to v0.27.0 or later (`docker buildx inspect` shows the builder\'s BuildKit version): a docker-container builder from',
  '`moby/buildkit:v0.27.0` or newer (`docker buildx create --driver-opt image=moby/buildkit:v0.27.0 --use`; in setup-buildx-action,',
  '`driver-opts: image=moby/buildkit:v0.27.0`); the default builder: a Docker Engine whose BuildKit is that release or later.',
].join('\n');

export const bundledQemuEmulator: RuleInput = {
  id: 'buildx/bundled-qemu-emulator',
  title: "Step emulated by BuildKit's fallback QEMU (no emulator registered)",
  severity: 'error',
  match: [
    // `process "/dev/.buildkit_qemu_emulator /bin/sh -c …" did not complete successfully: exit code: 1`,
    // `executor failed running [/dev/.buildkit_qemu_emulator /bin/sh -c …]: …`
    { literals: ['/dev/.buildkit_qemu_emulator '], pattern: '(?:process "|executor failed running \\[)/dev/\\.buildkit_qemu_emulator ' },
  ],
  context: [
    // `failed to copy xattrs: failed to set xattr "security.selinux" on /tmp/buildkit-qemu-emulator538849571/dev/.buildkit_qemu_emulator: operation not supported`
    { name: 'xattrCopy', literals: ['failed to copy xattrs'], pattern: 'failed to copy xattrs: .{0,80}buildkit-qemu-emulator' },
    // `* execve: No such file or directory` from a program the emulated step started (apk's trigger)
    { name: 'execve', literals: ['execve: No such file or directory'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message: MESSAGE,
  fix: registerFix(false, 'Register current QEMU emulators so BuildKit runs the step under them.'),
  variants: [
    {
      when: 'xattrCopy&fact.runner',
      title: "BuildKit could not copy its fallback QEMU on an SELinux host",
      message: XATTR_MESSAGE,
      fix: registerFix(true, 'Register QEMU where BuildKit runs, so it uses the registered emulator and copies nothing.', XATTR_FIX_TAIL),
    },
    {
      when: 'xattrCopy',
      title: "BuildKit could not copy its fallback QEMU on an SELinux host",
      message: XATTR_MESSAGE,
      fix: registerFix(false, 'Register QEMU where BuildKit runs, so it uses the registered emulator and copies nothing.', XATTR_FIX_TAIL),
    },
    { when: 'execve&fact.runner', message: EXECVE_MESSAGE, fix: registerFix(true, 'Register current QEMU emulators so BuildKit runs the step under them.') },
    { when: 'execve', message: EXECVE_MESSAGE },
    { when: 'fact.runner', fix: registerFix(true, 'Register current QEMU emulators so BuildKit runs the step under them.') },
  ],
  docs: 'https://docs.docker.com/build/building/multi-platform/#qemu',
};
