// The NVIDIA Container Toolkit cannot start a GPU container because the image already holds a library of the
// NVIDIA driver. At start the toolkit's hook mounts the host driver's userspace libraries into the container and
// creates each target file first; a file already there stops it:
//   `nvidia-container-cli: mount error: file creation failed: /var/lib/docker/overlay2/<id>/merged/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1: file exists: unknown.`
// (lambdal/lambda-stack-dockerfiles#15, NVIDIA/nvidia-container-toolkit#176 and #289, NVIDIA/nvidia-docker#1551,
// BIOP/BIOP-desktop#2; on arm64 the same with `libnvidia-fatbinaryloader.so.440.18`, NVIDIA/nvidia-container-toolkit#295).
// The cause is in the image: a package installed in it brought the driver's libraries. NVIDIA's maintainer on
// nvidia-container-toolkit#371: "one of those packages are installing the CUDA driver in the container" (there
// `nvidia-opencl-dev` pulled `libnvidia-compute-535-server`; the reporter's fix was to `apt remove` it in the Dockerfile);
// Lambda's maintainer on lambda-stack-dockerfiles#15: the image's CUDA packages got out of sync and pulled the driver
// libraries in, fixed by rebuilding the image without them. The maintainer's way to look inside the image without the
// hook: `docker run --rm -ti --runtime=runc <image>` (nvidia-container-toolkit#371). `dpkg -S` names the package
// that owns a file (dpkg(1)). The packages that carry it: Ubuntu's `libnvidia-compute-<driver>` (nvidia-container-toolkit#371),
// `nvidia-utils-<driver>` (ssst0n3/docker_archive#307, installing the driver's userspace by hand), Debian's `libnvidia-ml1`
// (`apt-cache policy libnvidia-ml1` on this machine: 535.261.03-1, non-free).
// Jetson (L4T): the runtime mounts the host's L4T files into every container from the lists in
// /etc/nvidia-container-runtime/host-files-for-container.d/*.csv (l4t.csv and others: meta-tegra's container-runtime-csv
// class, written against that directory of a JetPack 4.4 image), and the Jetson-specific libraries are those under
// /usr/lib/aarch64-linux-gnu/tegra/ (NVIDIA's forum answer on the CDI mounts of a Xavier NX). The same error on
// `…/tegra/libnvidia-fatbinaryloader.so.440.18` (dusty-nv/jetson-inference#1426, L4T R32.7.1; NVIDIA/nvidia-container-toolkit#295,
// closed by ArangoGutierrez: "should be solved now with latest toolkit release and latest nvcr.io/nvidia/l4t-tensorflow")
// is an image of another L4T release than the host, or one that installed such a file: the desktop advice (a
// libnvidia-compute package) does not apply. The host's release is in /etc/nv_tegra_release (`# R32 (release),
// REVISION: 7.1, …`: jetsonUtilities reads the L4T version from it); l4t images are tagged by it (`r32.7.1`), and
// jetson-containers' READMEs: "L4T R32.7 containers can run on other versions of L4T R32.7 (JetPack 4.6+)".
// Not this rule: the same `file creation failed` on another error (`…/run/nvidia-persistenced/socket: no such device
// or address`, CentaurusInfra/alnair#119 and NVIDIA/nvidia-docker#885: the container mounts the host's `/run` over it), and the host lacking the library
// (`load library failed: libnvidia-ml.so.1`, runtime/gpu-runtime-missing).
import type { RuleInput } from '../../schema.js';

const TOOLKIT_ISSUE = 'https://github.com/NVIDIA/nvidia-container-toolkit/issues/371';

export const driverLibrariesInImage: RuleInput = {
  id: 'runtime/driver-libraries-in-image',
  title: 'The image ships NVIDIA driver libraries: the GPU runtime cannot mount the host\'s',
  severity: 'error',
  match: [
    // `nvidia-container-cli: mount error: file creation failed: /var/lib/docker/overlay2/…/merged/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1: file exists: unknown.`
    {
      literals: ['nvidia-container-cli: mount error: file creation failed: '],
      pattern: 'nvidia-container-cli: mount error: file creation failed: (?<path>/[^\\s:]{0,500}/(?<lib>lib[^/\\s:]{1,120}\\.so[^/\\s:]{0,40})): file exists',
    },
  ],
  context: [
    // a Jetson: the library is one of L4T's (…/aarch64-linux-gnu/tegra/), or the log names L4T / JetPack / Jetson
    { name: 'jetson', literals: ['/tegra/', 'nv_tegra_release', 'l4t', 'jetpack', 'jetson'], ignoreCase: true, pattern: 'aarch64-linux-gnu/tegra/|nv_tegra_release|\\bl4t\\b|\\bjetpack\\b|\\bjetson\\b' },
  ],
  variants: [
    {
      when: 'jetson',
      title: 'The image holds an L4T file the Jetson GPU runtime mounts from the host',
      message:
        'The container did not start: on a Jetson the NVIDIA runtime mounts the host\'s L4T (JetPack) libraries into every container, ' +
        'from the lists in /etc/nvidia-container-runtime/host-files-for-container.d/, and the image already holds `{lib}` where one of ' +
        'them goes. Either the image is built for another L4T release than the host, or a package installed in it brought the file.',
      fix: [
        'On the Jetson, compare the host\'s release with the image, and see whether a package in the image owns the file (`IMAGE` is the image, or the base image of the build):',
        '',
        '```sh',
        'cat /etc/nv_tegra_release     # e.g. "# R32 (release), REVISION: 7.1" = L4T r32.7.1',
        'grep -h {lib} /etc/nvidia-container-runtime/host-files-for-container.d/*.csv',
        'docker run --rm --runtime=runc --entrypoint dpkg "$IMAGE" -S {lib}',
        '```',
        '',
        '- Build or run on the L4T image whose tag is the host\'s release (`r32.7.1` for R32 REVISION 7.1; an image of one release line ' +
          'runs on the other revisions of that line, R32.7 on R32.7.x), not one made for another JetPack.',
        '- `dpkg` names a package: do not install it in the image; the runtime brings that file from the host.',
        '- Update the host\'s NVIDIA container packages from JetPack\'s apt repository (`sudo apt-get update && sudo apt-get upgrade`): ' +
          'NVIDIA closed this error on arm64 with the latest toolkit and l4t images (NVIDIA/nvidia-container-toolkit#295).',
        '',
        'In a `docker build` with `"default-runtime": "nvidia"` in /etc/docker/daemon.json every `RUN` step gets the same mounts, so the same fix applies to the build.',
      ].join('\n'),
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The container did not start: the image already holds `{lib}`, a library of the NVIDIA driver, where the NVIDIA Container Toolkit ' +
    'mounts the host driver\'s own copy. A package installed in the image brought the driver\'s libraries with it; ' +
    'in a GPU container they must come from the host\'s driver only.',
  fix: [
    'Find the package that put it in the image (`--runtime=runc` starts it without the GPU hook; `IMAGE` is the image you ran):',
    '',
    '```sh',
    'docker run --rm --runtime=runc --entrypoint dpkg "$IMAGE" -S {lib}',
    '```',
    '',
    'then, in the Dockerfile, do not install that package (a `libnvidia-compute-*`, `libnvidia-ml1`, `nvidia-utils-*` ' +
      'or `nvidia-driver-*` package, often pulled in by another one), or remove it after the step that installs it, and rebuild the image:',
    '',
    '```dockerfile',
    'RUN apt-get purge -y $(dpkg -S {lib} | cut -d: -f1 | sort -u) && apt-get autoremove -y --purge',
    '```',
    '',
    'apt lists what it removes with it: if that takes a package the image needs, install that one without the driver package instead. ' +
      'For an image someone else publishes, use a release of it built without the driver libraries, or rebuild it from its Dockerfile. ' +
      `NVIDIA's maintainers on this error: ${TOOLKIT_ISSUE}.`,
  ].join('\n'),
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/index.html',
};
