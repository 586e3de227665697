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
import type { RuleInput } from '../../schema.js';

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
  context: [{ name: 'timedOut', literals: ['error: timed out'], pattern: 'driver (?:rpc )?error: timed out' }],
  scope: 'step',
  specificity: 3,
  variants: [
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
  docs: 'https://docs.nvidia.com/deploy/driver-persistence/',
};
