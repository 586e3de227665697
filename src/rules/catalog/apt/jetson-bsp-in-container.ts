// A Jetson board-support package (`nvidia-l4t-*`, Linux for Tegra) installed in a container. These packages belong to the
// Jetson's own root filesystem: their install scripts look at the board (the preinst of nvidia-l4t-core reads
// `/proc/device-tree/compatible`, which a container or an image build does not have), and NVIDIA's L4T apt repository
// publishes other packages that require them. The wordings:
//   /var/lib/dpkg/tmp.ci/preinst: line 40: /proc/device-tree/compatible: No such file or directory
//   dpkg: error processing archive /var/cache/apt/archives/nvidia-l4t-core_32.6.1-20210726122859_arm64.deb (--unpack):
//    new nvidia-l4t-core package pre-installation script subprocess returned error exit status 1
// (dusty-nv/jetson-inference#1214, `apt install -y nvidia-l4t-core` in a `docker build` on JetPack 4.6; the maintainer: "jetson
// docker mounts files from outside at runtime"), and apt's resolver on a package that needs one:
//    cuda-compat-11-8 : PreDepends: nvidia-l4t-core but it is not installable
// (dusty-nv/jetson-containers#258, `apt-get install cuda-11.8` in a container: "the unresolvable dependency on nvidia-l4t-core
// which is a board support package meant for the host hardware, not containers"). apt/held-broken-packages would read the second
// as a mix of CUDA repositories of other distro releases; it leaves an `nvidia-l4t-` dependency to this rule.
//
// What to do instead (dusty-nv/jetson-containers docs/setup.md; NVIDIA's L4T images on NGC):
// - build FROM NVIDIA's L4T image of the Jetson's own L4T release (`/etc/nv_tegra_release` on the Jetson names it: `# R32
//   (release), REVISION: 6.1` is r32.6.1; the package file's version, `nvidia-l4t-core_32.6.1-…`, is the release it was built
//   for): `nvcr.io/nvidia/l4t-jetpack:r35.x` / `r36.x` carry CUDA, cuDNN and TensorRT in the image (JetPack 5 and 6);
//   `nvcr.io/nvidia/l4t-base:r32.x` (JetPack 4) has them mounted from the host by the NVIDIA runtime;
// - with JetPack 4 the CUDA of the host reaches a container only through the NVIDIA runtime: `docker run --runtime nvidia`, and
//   for `docker build` Docker's `"default-runtime": "nvidia"` in /etc/docker/daemon.json, "so that the NVCC compiler and GPU are
//   available during docker build operations" (jetson-containers docs/setup.md);
// - CUDA from NVIDIA's repository without the package that needs the board: in jetson-containers#258 `cuda-11-8` →
//   `cuda-runtime-11-8` → `cuda-compat-11-8`, which PreDepends on nvidia-l4t-core. The toolkit-only `cuda-toolkit-X-Y` is the
//   metapackage to try, and `apt-cache depends --recurse` (apt-cache(8)) shows whether it reaches the board package: the rule
//   does not claim it from memory.
// Specificity 3, ranked above apt/held-broken-packages: it names the cause.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const WHY =
  '`nvidia-l4t-*` packages are the Jetson\'s board support package (Linux for Tegra): they belong to the Jetson\'s own system, ' +
  'not to a container. Their install scripts read the board (`/proc/device-tree`), which a container does not have, and ' +
  'NVIDIA\'s L4T repository offers them for the device itself.';

function baseImageFix(release: boolean): string {
  return [
    release
      ? 'Start from NVIDIA\'s L4T image of the Jetson\'s L4T release (the package was built for r{context.l4tVersion.l4t}; `cat /etc/nv_tegra_release` on the Jetson shows the release it runs) instead of installing the board packages:'
      : 'Start from NVIDIA\'s L4T image of the Jetson\'s L4T release instead of installing the board packages. `cat /etc/nv_tegra_release` on the Jetson names it (`# R35 (release), REVISION: 4.1` is r35.4.1):',
    '',
    '- JetPack 5 and 6 (R35, R36): `FROM nvcr.io/nvidia/l4t-jetpack:r<release>` (CUDA, cuDNN and TensorRT in the image);',
    '- JetPack 4 (R32): `FROM nvcr.io/nvidia/l4t-base:r<release>`; CUDA, cuDNN and TensorRT come from the host when the container',
    '  runs with the NVIDIA runtime (`docker run --runtime nvidia`). For them to be there during `docker build` too, set',
    '  `"default-runtime": "nvidia"` in `/etc/docker/daemon.json` and restart Docker (`sudo systemctl restart docker`).',
    '',
    'Remove the `nvidia-l4t-*` packages from the install.',
  ].join('\n');
}

function cudaFix(release: boolean): string {
  return [
    'The CUDA package asked for pulls in `cuda-compat-{context.compat.ver}`, the part for the device, which needs the board package.',
    'Install a CUDA metapackage that does not bring it: the toolkit-only `cuda-toolkit-{context.compat.ver}` is the one to try. Check',
    'first that nothing in its dependencies asks for the board package (no output: it installs in a container):',
    '',
    '```sh',
    "apt-cache depends --recurse --no-recommends --no-suggests cuda-toolkit-{context.compat.ver} | grep -E 'cuda-compat|nvidia-l4t'",
    'apt-get install -y --no-install-recommends cuda-toolkit-{context.compat.ver}',
    '```',
    '',
    'or take CUDA from the L4T base image instead.',
    '',
    baseImageFix(release),
  ].join('\n');
}

const COMPAT_MESSAGE = `${WHY} Here \`cuda-compat-{context.compat.ver}\`, which the CUDA install pulls in, needs \`{pkg}\`, for which apt has no installable candidate.`;

const variants: Variant[] = [
  { when: 'compat&l4tVersion', message: COMPAT_MESSAGE, fix: cudaFix(true) },
  { when: 'compat', message: COMPAT_MESSAGE, fix: cudaFix(false) },
  { when: 'l4tVersion', fix: baseImageFix(true) },
];

export const jetsonBspInContainer: RuleInput = {
  id: 'apt/jetson-bsp-in-container',
  title: 'Jetson board-support package (nvidia-l4t-*) installed in a container',
  severity: 'error',
  match: [
    // ` new nvidia-l4t-core package pre-installation script subprocess returned error exit status 1`
    {
      literals: ['nvidia-l4t-'],
      pattern: '\\bnew (?<pkg>nvidia-l4t-[a-z0-9-]{1,60}) package (?:pre|post)-(?:installation|removal) script subprocess returned error exit status',
    },
    // ` nvidia-l4t-core:arm64 … installed nvidia-l4t-core package post-installation script subprocess returned error exit status 1`
    {
      literals: ['nvidia-l4t-'],
      pattern: '\\binstalled (?<pkg>nvidia-l4t-[a-z0-9-]{1,60}) package post-installation script subprocess returned error exit status',
    },
    // ` cuda-compat-11-8 : PreDepends: nvidia-l4t-core but it is not installable`
    {
      literals: ['Depends: nvidia-l4t-'],
      pattern: '(?<by>[a-z0-9][a-z0-9.+-]{0,100}) : (?:Pre)?Depends: (?<pkg>nvidia-l4t-[a-z0-9-]{1,60})(?: \\([^)]{1,80}\\))? but it is not (?:installable|going to be installed)',
    },
  ],
  context: [
    // the board package's version is its L4T release: `nvidia-l4t-core_32.6.1-20210726122859_arm64.deb`
    { name: 'l4tVersion', literals: ['nvidia-l4t-'], pattern: 'nvidia-l4t-[a-z0-9-]{1,60}_(?<l4t>\\d{2}\\.\\d{1,2}\\.\\d{1,2})-\\d{1,20}_arm64\\.deb' },
    // NVIDIA's CUDA compat package asks for the board package: ` cuda-compat-11-8 : PreDepends: nvidia-l4t-core …`
    { name: 'compat', literals: ['cuda-compat-'], pattern: 'cuda-compat-(?<ver>\\d{1,2}-\\d{1,2}) : (?:Pre)?Depends: nvidia-l4t-' },
  ],
  // on the Jetson's own shell these packages are at home: another cause
  when: '!fact.place=host-shell',
  scope: 'step',
  specificity: 3,
  message: `${WHY} Here \`{pkg}\` could not be installed.`,
  fix: baseImageFix(false),
  variants,
  docs: 'https://github.com/dusty-nv/jetson-containers/blob/master/docs/setup.md',
};
