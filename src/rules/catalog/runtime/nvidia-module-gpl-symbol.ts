// The NVIDIA driver's kernel module does not link against the kernel it is built for: kbuild's modpost stops with
// `ERROR: modpost: GPL-incompatible module nvidia.ko uses GPL-only symbol 'rcu_read_unlock_strict'` (`FATAL: modpost:` in
// older kernels). The kernel made a symbol the driver calls GPL-only (EXPORT_SYMBOL_GPL), and NVIDIA's proprietary module
// may not use it; a later release of the driver stops calling it. So the driver release is too old for that kernel, on a
// host's dkms, a node image builder running NVIDIA's .run installer, or the GPU Operator's driver container.
// Seen: mesosphere/konvoy-image-builder#1200 (470.199.02 on 5.15.0-1070-aws, fixed by "the latest 470 driver version which
// avoids that issue"); xanmod/linux#411 (545.29.06 on 6.6.15: "some kernel symbols that became GPL only. NVIDIA is working
// on it."); zabbly/linux#43 (575.57.08 on 6.15, `__vma_start_write`); zabbly/linux#15 (stgraber: "NVIDIA using kernel
// internal functions which they aren't supposed to given that their module isn't GPL … nvidia will likely be posting a new
// driver soon"). For `rcu_read_unlock_strict` in the GPU Operator, its maintainer: "a known issue on newer kernels. This
// issue should be fixed with driver versions >= 535.183.08" (NVIDIA/gpu-operator#729, 2024-07-11).
// Distribution modules built for each kernel: Ubuntu's `linux-modules-nvidia-<branch>[-server][-open]-<kernel>` packages
// (packages.ubuntu.com, source linux-restricted-modules / linux-restricted-signatures-*); the GPU Operator uses them with
// `--set driver.version=<DRIVER_BRANCH>-signed` and warns "Before upgrading kernel on the worker nodes please ensure that
// above packages are available for that kernel version" (docs.nvidia.com/datacenter/cloud-native/gpu-operator,
// install-precompiled-signed-drivers). DKMS prints `Error! Bad return status for module build on kernel: <kernel> (x86_64)`
// and `Consult /var/lib/dkms/nvidia/<version>/build/make.log`.
// Not this rule: another vendor's module (`gdrdrv.ko` of NVIDIA/gdrcopy#254, fixed in gdrcopy itself).
import type { RuleInput, RuleVariant } from '../../schema.js';

const KNOWN = 'The driver is {context.driver.version} and the kernel {context.kernel.kernel}.';
const DRIVER_ONLY = 'The driver is {context.driver.version}; the log does not show the kernel (`uname -r` on that machine, or the kernel whose headers the build used).';
const KERNEL_ONLY = 'The kernel is {context.kernel.kernel}; the log does not show the driver release (`dkms status` lists it, or the installer\'s file name `NVIDIA-Linux-x86_64-<version>.run`).';
const NEITHER =
  'The log shows neither release: `dkms status` lists the driver versions and the kernels they were built for, and `uname -r` the running kernel.';

const MESSAGE =
  'The NVIDIA kernel module `{module}` did not link: it uses `{symbol}`, which this kernel exports to GPL-licensed modules only, ' +
  "and NVIDIA's proprietary module is not one. The kernel is newer than this driver release supports; later driver releases stop " +
  'using such symbols. ';

const FIX = [
  'Install a driver release that supports this kernel, or run a kernel that this driver supports:',
  '',
  '- a newer release of the same driver branch, or a newer branch: support for a new kernel comes in a later release;',
  "- the distribution's driver packaged for this kernel, which needs no module build: on Ubuntu, precompiled modules per",
  '  driver branch and kernel, named linux-modules-nvidia-BRANCH-KERNEL (list those of the running kernel with',
  '  `apt-cache search linux-modules-nvidia | grep "$(uname -r)"`);',
  "- in Kubernetes with the GPU Operator, its `driver.version` Helm value set to such a release (on Ubuntu, the branch",
  "  number with `-signed` appended takes Canonical's precompiled modules; check they exist for the nodes' kernel",
  '  before upgrading it);',
  '- or boot the kernel the driver built for before, and hold the kernel upgrade until a driver supports it.',
].join('\n');

const RCU_NOTE =
  '\n\nFor `rcu_read_unlock_strict`, the GPU Operator\'s maintainers name driver 535.183.08 and later of the 535 branch as fixed ' +
  '(NVIDIA/gpu-operator#729).';

function variants(): RuleVariant[] {
  const out: RuleVariant[] = [];
  const facts: [string, string][] = [
    ['driver&kernel', KNOWN],
    ['driver&!kernel', DRIVER_ONLY],
    ['!driver&kernel', KERNEL_ONLY],
    ['!driver&!kernel', NEITHER],
  ];
  for (const rcu of [true, false]) {
    for (const [when, note] of facts) {
      out.push({ when: `${rcu ? 'rcuStrict' : '!rcuStrict'}&${when}`, message: MESSAGE + note, fix: FIX + (rcu ? RCU_NOTE : '') });
    }
  }
  return out;
}

export const nvidiaModuleGplSymbol: RuleInput = {
  id: 'runtime/nvidia-module-gpl-symbol',
  title: 'NVIDIA driver too old for this kernel (its module uses a GPL-only symbol)',
  severity: 'error',
  match: [
    // `ERROR: modpost: GPL-incompatible module nvidia.ko uses GPL-only symbol '__rcu_read_lock'` (nvidia, nvidia-drm,
    // nvidia-uvm, nvidia-modeset, nvidia-peermem); older kernels: `FATAL: modpost: …`
    {
      literals: ['modpost: GPL-incompatible module nvidia'],
      pattern: "modpost: GPL-incompatible module (?<module>nvidia(?:-[a-z]{1,12})?\\.ko) uses GPL-only symbol '(?<symbol>[A-Za-z_][\\w]{0,100})'",
    },
  ],
  context: [
    // `/opt/dkp/nvidia/NVIDIA-Linux-x86_64-470.199.02/kernel/…`, `/var/lib/dkms/nvidia/545.29.06/build/…`, `/usr/src/nvidia-535.129.03-grid/…`
    {
      name: 'driver',
      literals: ['NVIDIA-Linux-', '/dkms/nvidia/', '/usr/src/nvidia-'],
      pattern: '(?:NVIDIA-Linux-(?:x86_64|aarch64)-|/dkms/nvidia/|/usr/src/nvidia-)(?<version>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?)',
    },
    // `SYSSRC="/lib/modules/5.15.0-1070-aws/build"`, `/usr/src/linux-headers-6.6.15-x64v3-xanmod1/Makefile`, dkms's
    // `module build on kernel: 6.8.0-60-generic (x86_64)`
    {
      name: 'kernel',
      literals: ['/lib/modules/', 'linux-headers-', 'module build on kernel: '],
      pattern: '(?:/lib/modules/|/usr/src/linux-headers-|module build on kernel: )(?<kernel>\\d{1,2}\\.\\d{1,3}[\\w.+~-]{0,80})',
    },
    { name: 'rcuStrict', literals: ["GPL-only symbol 'rcu_read_unlock_strict'"] },
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE + NEITHER,
  fix: FIX,
  variants: variants(),
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/install-precompiled-signed-drivers.html',
};
