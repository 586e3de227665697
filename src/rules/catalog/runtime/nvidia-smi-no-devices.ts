// nvidia-smi's `No devices were found`: the driver is loaded and answers, but it lists no GPU. nvidia-smi exits with 6 then
// (the log of LightGBM#6966 below shows both), NVML's NVML_ERROR_NOT_FOUND = 6, "A query to find an object was unsuccessful"
// (nvml.h; cuda.bindings.nvml.Return), whose codes nvidia-smi's return values follow (nvidia-smi(1), RETURN VALUE). On a
// machine that had the GPU before, the GPU is gone from the machine's view: a VM whose passed-through GPU was detached or
// failed, a GPU that fell off the bus (the kernel log: `NVRM: … fallen off the bus`), or a GPU the installed driver does
// not support (the kernel log: `NVRM: … not supported by the NVIDIA … driver`). lightgbm-org/LightGBM#6966: every CUDA job
// of the project's GPU runner failed with it (`Error: Process completed with exit code 6.`); the maintainer restarted the
// runner VM and the jobs passed. `lspci | grep -i nvidia` shows whether the machine sees an NVIDIA device on the PCI bus at
// all; `sudo dmesg | grep -i nvrm` the driver's kernel messages.
import type { RuleInput } from '../../schema.js';

const CHECKS = [
  '```sh',
  'lspci | grep -i nvidia          # the GPU on the PCI bus: nothing = the machine (VM) no longer has it',
  'sudo dmesg | grep -i nvrm       # the driver\'s messages: "fallen off the bus", "not supported by"',
  'nvidia-smi -L                   # the GPUs the driver lists',
  '```',
].join('\n');

export const nvidiaSmiNoDevices: RuleInput = {
  id: 'runtime/nvidia-smi-no-devices',
  title: 'nvidia-smi found no GPU (No devices were found)',
  severity: 'error',
  match: [
    // nvidia-smi's whole line; nothing else on it
    { literals: ['No devices were found'], pattern: '^No devices were found\\s*$' },
  ],
  context: [
    // GitHub Actions: `Error: Process completed with exit code 6.` (nvidia-smi's exit code for it)
    { name: 'ciStep', literals: ['Process completed with exit code 6'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'nvidia-smi reached the NVIDIA driver, and the driver lists no GPU. The machine that ran it has lost its GPU: a VM whose GPU was detached ' +
    'or failed, a GPU that fell off the bus, or a GPU this driver does not support. The job\'s code is not the cause.',
  fix: ['On that machine:', '', CHECKS, '', 'No NVIDIA device in `lspci`: restart (or recreate) the VM so it gets its GPU back. It is there: reboot; if the kernel log says the GPU is not supported, install a driver that supports it.'].join('\n'),
  variants: [
    {
      when: 'ciStep',
      title: 'The CI runner has no GPU (nvidia-smi: No devices were found)',
      message:
        'nvidia-smi reached the NVIDIA driver on the runner, and the driver lists no GPU (nvidia-smi\'s exit code 6). The job ran on a GPU runner ' +
        'that has lost its GPU: its VM\'s GPU was detached or failed, or the GPU fell off the bus. The job\'s code is not the cause; a rerun helps ' +
        'once it lands on a runner with its GPU.',
      fix: [
        'Restart the runner\'s VM (a self-hosted runner: reboot or recreate the machine; a hosted GPU runner: run the job again, so it lands on another machine, ' +
          'and report the runner if it repeats). On the runner\'s machine, before the restart, see what it has:',
        '',
        CHECKS,
        '',
        'An early `nvidia-smi` step in the workflow makes such a runner fail fast, before the build.',
      ].join('\n'),
      retryable: true,
    },
  ],
  docs: 'https://docs.nvidia.com/deploy/nvidia-smi/index.html',
};
