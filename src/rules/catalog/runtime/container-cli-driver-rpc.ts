// The NVIDIA Container Toolkit's CLI starts a container with GPUs and cannot get an answer from the host's driver:
//   `nvidia-container-cli: initialization error: driver rpc error: failed to process request: unknown.`
//   `nvidia-container-cli: initialization error: driver rpc error: timed out: unknown.`
// and the older library's `… driver error: failed to process request` / `… driver error: timed out`
// (NVIDIA/nvidia-docker#726, #1203, #1149 as `detection error:`). libnvidia-container queries the driver from a helper
// process it forks ("starting driver rpc service" in `nvidia-container-cli -k -d /dev/tty info`, NVIDIA/nvidia-docker#1675);
// the error is that query failing, on the host, before the image matters. Unlike `load library failed`
// (runtime/shared-library-missing), the driver's libraries were found.
// What the toolkit's maintainer and the reporters found:
// - persistence mode off: "An error like this is usually caused by Persistence Mode not being enabled" (elezar, closing
//   NVIDIA/nvidia-container-toolkit#556, 2025-11-17); the `timed out` form fixed by `sudo nvidia-smi -pm 1`
//   (NVIDIA/nvidia-container-toolkit#202) and the maintainers' advice to run the `nvidia-persistenced` daemon, preferred to
//   persistence mode (NVIDIA/nvidia-docker#1648; NVIDIA/nvidia-container-toolkit#202, elezar 2025-11-14). Debian's
//   nvidia-persistenced package ships `nvidia-persistenced.service`, and the daemon "starts with persistence mode enabled for
//   all devices" (its unit file and nvidia-persistenced(1), read from 535.171.04-1~deb12u1 on this machine); `nvidia-smi -pm 1`
//   sets the legacy persistence mode (NVIDIA's "Driver Persistence" guide: Persistence Mode (Legacy), Persistence Daemon).
// - Citrix Workspace (`icaclient`) replacing it with its own persistence daemon: removing icaclient fixed #236 and #556
//   for two reporters (NVIDIA/nvidia-container-toolkit#236, #556 comments).
// - a driver that does not work on the host at all (NVIDIA/nvidia-docker#1675: `failed to detect NVIDIA devices` with the
//   utilities of driver 470 beside the settings of 510): `nvidia-smi` on the host tells it; a broken GPU in a multi-GPU
//   host (`RmInitAdapter failed` in dmesg, #236) too.
// - an image of another architecture than the host: Docker's `WARNING: The requested image's platform (linux/amd64) does not
//   match the detected host platform (linux/arm64/v8)` before `driver error: failed to process request` on a Jetson
//   (`4.9.108-tegra … aarch64`): the maintainer, "This indicates that the `devicequery` image is not a `linux/arm64` image"
//   (elezar, NVIDIA/nvidia-docker#1519): run an arm64 image (`--platform=linux/arm64` when the tag has one), or rebuild it for
//   arm64. On a Jetson that is an image FROM NVIDIA's L4T base of the board's L4T release (`/etc/nv_tegra_release`; "Please
//   use l4t-base for all things Jetson/ARM", NVIDIA/nvidia-docker#1116).
import type { RuleInput } from '../../schema.js';
import { RUN_COMMAND_CONTEXT } from './run-command.js';

const HOST_CHECKS = [
  '```sh',
  'nvidia-smi                                            # must list every GPU; an error here is the driver, not Docker',
  'nvidia-smi -q | grep -i "persistence mode"            # Disabled: see below',
  'systemctl status nvidia-persistenced --no-pager',
  'sudo dmesg | grep -iE "NVRM|Xid" | tail               # a GPU the driver could not start',
  'dpkg -l icaclient 2>/dev/null | grep ^ii              # Citrix Workspace, whose daemon gets in the way',
  '```',
].join('\n');

const PERSISTENCE = [
  '```sh',
  'sudo systemctl enable --now nvidia-persistenced',
  '```',
  '',
  '(no such unit: `sudo nvidia-smi -pm 1`, which lasts until the next reboot), then run the container again.',
].join('\n');

export const containerCliDriverRpc: RuleInput = {
  id: 'runtime/container-cli-driver-rpc',
  title: "The NVIDIA container runtime got no answer from the host's driver",
  severity: 'error',
  match: [
    // `nvidia-container-cli: initialization error: driver rpc error: failed to process request: unknown.`
    {
      literals: ['nvidia-container-cli: initialization error: driver ', 'nvidia-container-cli: detection error: driver '],
      pattern: 'nvidia-container-cli: (?:initialization|detection) error: driver (?:rpc )?error: (?<reason>failed to process request|timed out)',
    },
  ],
  context: [
    { name: 'timedOut', literals: ['error: timed out'], pattern: 'driver (?:rpc )?error: timed out' },
    {
      name: 'platformWarning',
      literals: ['does not match the detected host platform', 'does not match the expected platform'],
      pattern: "(?:image platform|requested image's platform) \\((?<image>[a-z0-9]{1,20}/[\\w/.-]{1,40})\\) does not match the (?:expected|detected host) platform \\((?<host>[a-z0-9]{1,20}/[\\w/.-]{1,40})\\)",
    },
    { name: 'jetson', literals: ['-tegra ', 'nv_tegra_release', 'Jetson', 'jetson'], pattern: '\\d-tegra\\b|nv_tegra_release|\\b[Jj]etson\\b' },
    RUN_COMMAND_CONTEXT,
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'platformWarning&jetson',
      title: 'Image of another architecture run on a Jetson (arm64)',
      message:
        'Docker warned that the image is built for {context.platformWarning.image} and this host, an NVIDIA Jetson (the log\'s L4T `-tegra` ' +
        'kernel), is {context.platformWarning.host}; the NVIDIA runtime\'s driver error follows from that (NVIDIA/nvidia-docker#1519). The ' +
        'image is the cause, not the host\'s driver: a {context.platformWarning.image} image cannot use a Jetson\'s GPU.',
      fix: [
        'Run an image built for arm64. If the tag has an arm64 variant, ask for it: `docker run --platform=linux/arm64 …` ' +
          '(`docker buildx imagetools inspect {enrich.runImage|IMAGE}` lists the platforms a tag has). An image built FROM an x86-64 base ' +
          '(or on an x86-64 machine): rebuild it on the Jetson, FROM NVIDIA\'s L4T image of the board\'s L4T release, where CUDA comes from JetPack:',
        '',
        '```sh',
        'head -1 /etc/nv_tegra_release  # "# R32 (release), REVISION: 4.3" is L4T 32.4.3',
        '```',
        '',
        '```dockerfile',
        'FROM nvcr.io/nvidia/l4t-base:r32.4.3   # the tag of the release printed above',
        '```',
      ].join('\n'),
    },
    {
      when: 'platformWarning',
      title: 'Image built for another architecture than this host',
      message:
        'Docker warned that the image is built for {context.platformWarning.image} and this host is {context.platformWarning.host}; the ' +
        'NVIDIA runtime\'s driver error follows from that: the image is of the wrong architecture for this machine (NVIDIA/nvidia-docker#1519).',
      fix: [
        'Run an image built for {context.platformWarning.host}: `docker buildx imagetools inspect {enrich.runImage|IMAGE}` lists the ' +
          'platforms the tag has; ask for the host\'s with `--platform` on the run line, or rebuild the image for it.',
      ].join('\n'),
    },
    {
      when: 'timedOut',
      title: "The NVIDIA container runtime timed out waiting for the host's driver",
      message:
        'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as the container starts) found the driver but its query ' +
        'of it timed out. The toolkit\'s maintainers trace this to the driver not being kept loaded between uses: no `nvidia-persistenced` ' +
        'daemon and persistence mode off, so each start waits for the GPUs to initialise. The image is not the cause.',
      fix: [
        'On the host that runs Docker (not in a container), check the driver and its persistence:',
        '',
        HOST_CHECKS,
        '',
        'With `nvidia-smi` working and persistence off, keep the driver loaded with NVIDIA\'s daemon:',
        '',
        PERSISTENCE,
      ].join('\n'),
    },
  ],
  message:
    'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as the container starts) found the driver\'s libraries, but ' +
    'its query of the driver failed. The causes found so far are all on the host: persistence mode off with no `nvidia-persistenced` ' +
    'running (the toolkit maintainers\' usual answer), Citrix Workspace\'s daemon in its place, or a driver or GPU that does not work. ' +
    'The image is not the cause.',
  fix: [
    'On the host that runs Docker (not in a container), find out which:',
    '',
    HOST_CHECKS,
    '',
    '- `nvidia-smi` fails or dmesg shows `RmInitAdapter failed` / Xid errors: fix the driver first (its packages all of one version, ' +
      '`dpkg -l \'*nvidia*\'` lists them; then reboot), or start the container with the working GPUs only (`--gpus` with `device=` and ' +
      'their indices from `nvidia-smi -L`; compose: `device_ids`).',
    '- `icaclient` installed: `sudo apt-get purge icaclient` removed the conflict for those who reported it.',
    '- persistence mode `Disabled`: keep the driver loaded with NVIDIA\'s daemon:',
    '',
    PERSISTENCE,
    '',
    'If none of these is it, report it at https://github.com/NVIDIA/nvidia-container-toolkit/issues with the output of ' +
      '`nvidia-container-cli -k -d /dev/tty info`.',
  ].join('\n'),
  enrich: 'run-command',
  docs: 'https://docs.nvidia.com/deploy/driver-persistence/',
};
