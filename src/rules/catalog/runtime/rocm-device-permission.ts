// A ROCm program (rocminfo, a HIP program, torch on ROCm) found the AMD GPU's compute device and could not open it:
//   `Unable to open /dev/kfd read-write: Permission denied`
// then, from rocminfo, which group it expected: `root is not member of "nogroup" group, the default DRM access group. …`
// (the group the device belongs to, as the process sees it) or `Failed to get user name to check for video group membership`.
// /dev/kfd and the render nodes /dev/dri/renderD* are mode 0660, owned by the group `render` on Ubuntu 20.04 and later and by
// `video` before (ROCT-Thunk-Interface README: "Users of Ubuntu 20.04 will need to add the user to the new "render" group, as
// Ubuntu has changed the owner:group of /dev/kfd to render:render"; ROCm-docker#116: `crw-rw---- 1 root render 243, 0 … /dev/kfd`).
// The process must hold that group:
// - in a container, by the host's group number: `--group-add video` adds the image's `video` and nothing for render, and a
//   name after `--group-add` is looked up in the image's /etc/group, where `render` is missing or has another number (the
//   render GID is assigned per machine: ROCm-docker#90; ROCm-docker#116, the fix was `--group-add $(getent group render | cut -d: -f3)`,
//   ROCm-docker PR #93 added the render group "to make sure rocminfo runs even with non-root-user"). `stat -c %g /dev/kfd`
//   (GNU coreutils) prints the number of the group that owns it, whatever its name.
// - rootless podman: the host's groups are not mapped into the container's user namespace, so the device's group shows as
//   `nogroup` and no `--group-add` number reaches it; the container has at most the rights of the user who started it
//   (Firstbober/rocm-pytorch-gfx803-docker#4, the maintainer: "your user outside the container isn't in `video` or `render`
//   group"). podman's troubleshooting guide, "Passed-in devices or files can't be accessed in rootless container": the
//   runtime's setgroups(2) drops the user's extra groups; with crun, `--group-add keep-groups` keeps them (podman#10166; podman#4477).
//   A reporter on ROCm's tracker with the same `"nogroup"` line fixed it by running the container with `sudo podman`.
// - on the host itself: `sudo usermod -a -G render,video $LOGNAME` (ROCm's install prerequisites), then a new login.
// Not this rule: no /dev/kfd at all (`error gathering device information while adding custom device "/dev/kfd"`,
// runtime/rocm-device-missing), and `Unable to open /dev/kfd read-write: No such file or directory` (the container was not
// given the device; the nomatch fixture).
import type { RuleInput } from '../../schema.js';
import { RUN_COMMAND_CONTEXT } from './run-command.js';

const ROCM_DOCKER_DOCS = 'https://rocm.docs.amd.com/projects/install-on-linux/en/latest/how-to/docker.html';
const PODMAN_TROUBLESHOOTING = 'https://github.com/containers/podman/blob/main/troubleshooting.md';

const SEE_GROUP = 'stat -c "%G %g %n" /dev/kfd /dev/dri/renderD*   # on the host: the group (name, number) that owns the devices';

const MESSAGE =
  'The process could not open `/dev/kfd`, the AMD GPU\'s compute device (ROCm): it is not in the group that owns the device on the host. ' +
  '/dev/kfd and /dev/dri/renderD* are mode 0660, owned by `render` on Ubuntu 20.04 and later (`video` before), and the render group\'s ' +
  'number differs from machine to machine.';

/** Container advice when the log does not show the command that started it. */
const CONTAINER_FIX = [
  'Give the container the host\'s group by number (a group name after `--group-add` is looked up in the image, where `render` is missing or has another number):',
  '',
  '```sh',
  SEE_GROUP,
  'docker run --device=/dev/kfd --device=/dev/dri --group-add "$(stat -c %g /dev/kfd)" --group-add video IMAGE rocminfo',
  '```',
  '',
  '`IMAGE` is your image. The same works for `podman run` as root; a rootless podman needs `--group-add keep-groups` instead (the host ' +
    'user must be in that group itself). Outside a container, add the user to the groups: `sudo usermod -a -G render,video $LOGNAME`, then ' +
    `log in again. ROCm's page on containers: ${ROCM_DOCKER_DOCS}.`,
].join('\n');

export const rocmDevicePermission: RuleInput = {
  id: 'runtime/rocm-device-permission',
  title: 'No permission to open the AMD GPU compute device (/dev/kfd)',
  severity: 'error',
  match: [
    // rocminfo / the ROCm runtime: `Unable to open /dev/kfd read-write: Permission denied`
    { literals: ['Unable to open /dev/kfd read-write: Permission denied'] },
  ],
  context: [
    // the host's group is not mapped into the container's user namespace (rootless podman, a userns-remapped daemon)
    { name: 'nogroup', literals: ['"nogroup" group, the default DRM access group', '"nobody" group, the default DRM access group'] },
    RUN_COMMAND_CONTEXT,
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: CONTAINER_FIX,
  variants: [
    {
      when: 'nogroup',
      title: 'No permission to open /dev/kfd: the host group is not mapped into the container (rootless)',
      message:
        'The process could not open `/dev/kfd`, the AMD GPU\'s compute device (ROCm), and sees the device\'s group as `nogroup`: the group ' +
        'that owns it on the host (`render`, or `video` on older distributions) is not mapped into the container\'s user namespace. That happens in a ' +
        'rootless container (podman or Docker run by a user), which has at most the rights of the user who started it and loses that user\'s ' +
        'extra groups unless told to keep them; a `--group-add` number cannot reach an unmapped group.',
      fix: [
        'On the host, as the user who starts the container:',
        '',
        '```sh',
        SEE_GROUP,
        'id     # that group must be among the user\'s groups',
        '```',
        '',
        'Not among them: `sudo usermod -a -G render,video $LOGNAME`, then log in again (a new login gets the groups). Then start the container ' +
          'keeping the user\'s groups (podman with the crun runtime):',
        '',
        '```sh',
        'podman run --device=/dev/kfd --device=/dev/dri --group-add keep-groups IMAGE rocminfo',
        '```',
        '',
        '`IMAGE` is your image. podman\'s troubleshooting guide, "Passed-in devices or files can\'t be accessed in rootless container": ' +
          `${PODMAN_TROUBLESHOOTING}. With runc, which cannot keep them, or rootless Docker, which has no such option, start the container ` +
          'with a rootful engine instead (`sudo podman run …`, or the system\'s Docker daemon) with `--group-add "$(stat -c %g /dev/kfd)"`.',
      ].join('\n'),
    },
    {
      when: 'enrich.runWithKfdGroup',
      fix: [
        'Give the container the host\'s group of /dev/kfd by number (a group name after `--group-add` is looked up in the image, where `render` is missing or has another number):',
        '',
        '```sh',
        SEE_GROUP,
        '{enrich.runWithKfdGroup}',
        '```',
        '',
        'Keep `--group-add video` beside it where the image\'s user needs `video` for /dev/dri/card*. A rootless podman cannot map the group: ' +
          'there use `--group-add keep-groups`, with the host user in that group. ' +
          `ROCm's page on containers: ${ROCM_DOCKER_DOCS}.`,
      ].join('\n'),
    },
    {
      when: 'fact.place=host-shell',
      fix: [
        'Add the user to the groups that own the devices, then log in again (a new login gets the groups):',
        '',
        '```sh',
        SEE_GROUP,
        'sudo usermod -a -G render,video $LOGNAME',
        '```',
        '',
        'After the new login, `id` lists them and `rocminfo` opens the device. In a container, the group goes on the command line instead: ' +
          '`--group-add "$(stat -c %g /dev/kfd)"` on `docker run`.',
      ].join('\n'),
    },
  ],
  enrich: 'run-command',
  docs: ROCM_DOCKER_DOCS,
};
