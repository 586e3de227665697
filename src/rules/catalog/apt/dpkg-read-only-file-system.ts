// dpkg could not write a file of a package: `unable to create '<path>.dpkg-new' (while processing '<path>'): Read-only file
// system` (dpkg src/archives.c, tarobject_extract: `unable to create '%.255s' (while processing '%.255s')`, with the errno's
// text after it; `error creating directory '%.255s'` for a directory). The file system is writable in an image build, so
// the path is a read-only mount laid over the step's root.
//
// On a Jetson with JetPack 4 (L4T R32) that mount is the NVIDIA Container Runtime's: it mounts the host's CUDA, cuDNN and
// TensorRT into the containers it starts, as the CSV files of /etc/nvidia-container-runtime/host-files-for-container.d/
// list them (`cuda.csv`: `dir, /usr/local/cuda-10.2`: NVIDIA/nvidia-container-runtime#173), read-only: "`/usr/local/cuda`
// is mounted from the host device in read-only mode, so you can't write to it from within the containers" (dusty-nv,
// dusty-nv/jetson-containers#15). A build's RUN steps get it too when Docker's default runtime is `nvidia`
// (`"default-runtime": "nvidia"` in /etc/docker/daemon.json; the classic builder runs steps with the daemon's default
// runtime: see cuda/no-gpu-at-build), so `apt-get install cuda-…` fails on the first file it unpacks there
// (dusty-nv/jetson-containers#190). The way out dusty-nv gives in #15: use the CUDA JetPack provides ("It is currently
// not supported to use a different version of CUDA/ect than what comes with JetPack-L4T"), or, to install CUDA packages
// in the image, "move/rename /etc/nvidia-container-runtime/host-files-for-container.d/cuda.csv on your host device first
// (and cudnn.csv, tensorrt.csv), so those CUDA files don't get mounted".
// A Jetson's CUDA installs under `targets/aarch64-linux`; arm64 servers (SBSA) use `targets/sbsa-linux` (NVIDIA's
// packages; jetson-containers#190's path). Elsewhere a read-only path in a step is a `RUN --mount=type=bind` target (read-only
// unless `rw`: Dockerfile reference, RUN --mount=type=bind) or another mount: /proc/self/mounts inside the step says which.
import type { RuleInput } from '../../schema.js';

const CSV_DIR = '/etc/nvidia-container-runtime/host-files-for-container.d';

const JETSON_MESSAGE =
  'dpkg could not unpack `{path}`: `{context.cudaPath.dir}` is read-only in this step. On a Jetson (JetPack 4, L4T R32) the ' +
  'NVIDIA Container Runtime mounts the host\'s CUDA, cuDNN and TensorRT read-only into every container it starts, as the CSV ' +
  `files in ${CSV_DIR}/ list them, and a build's steps are such containers when Docker's default runtime is \`nvidia\`: ` +
  'the CUDA this step installs is there already (the host\'s JetPack CUDA, {fact.cuda|the release of the board\'s JetPack}), ' +
  'and its files cannot be written over.';

const JETSON_FIX = [
  'Use the CUDA JetPack provides instead of installing it: remove the `cuda-*` (and cuDNN / TensorRT) packages from this',
  "`apt-get install`; the build's steps and the containers run with `--runtime nvidia` see the host's. On the Jetson, see",
  'what is mounted:',
  '',
  '```sh',
  `ls ${CSV_DIR}/            # cuda.csv, cudnn.csv, tensorrt.csv, l4t.csv …`,
  `grep -h '/usr/local/cuda' ${CSV_DIR}/*.csv`,
  'head -1 /etc/nv_tegra_release        # the L4T release: build FROM NVIDIA\'s l4t image of that release',
  '```',
  '',
  'Only if the image must carry its own CUDA packages: stop the runtime mounting the host\'s, on the Jetson (this changes',
  'every container there, and NVIDIA supports only the CUDA of the board\'s JetPack):',
  '',
  '```sh',
  `cd ${CSV_DIR}`,
  'sudo mkdir -p ../csv-disabled && sudo mv cuda.csv cudnn.csv tensorrt.csv ../csv-disabled/',
  '```',
].join('\n');

export const dpkgReadOnlyFileSystem: RuleInput = {
  id: 'apt/dpkg-read-only-file-system',
  title: 'dpkg cannot write: read-only file system',
  severity: 'error',
  match: [
    {
      // `unable to create '/usr/local/cuda-10.2/…/libnvrtc.so.10.2.89.dpkg-new' (while processing '…'): Read-only file system`
      literals: ['Read-only file system'],
      pattern: "(?:unable to create|error creating directory) '(?<path>/[^'\\n]{1,300})'[^\\n]{0,400}: Read-only file system",
    },
  ],
  context: [
    // The unpacked file is in a CUDA toolkit directory; `dir` is the toolkit's root (`/usr/local/cuda-10.2`).
    {
      name: 'cudaPath',
      literals: ["'/usr/local/cuda"],
      pattern: "(?:unable to create|error creating directory) '(?<dir>/usr/local/cuda(?:-\\d{1,2}\\.\\d{1,2})?)/",
    },
    // A Jetson: CUDA's aarch64-linux target (Jetson's; SBSA servers use sbsa-linux), or the log names L4T / a Jetson.
    {
      name: 'jetson',
      literals: ['targets/aarch64-linux', 'L4T', 'l4t', 'Jetson', 'jetson', 'tegra'],
      pattern: '/targets/aarch64-linux/|\\bL4T\\b|\\bl4t-|\\b[Jj]etson\\b|nv_tegra_release|\\d-tegra\\b',
    },
  ],
  message:
    'dpkg could not unpack `{path}`: that path is read-only in this step, so the package cannot be installed there. A root ' +
    'file system is writable in an image build: the path is a read-only mount over it (a `RUN --mount=type=bind` target, ' +
    'read-only unless `rw`, or a directory the container runtime mounts from the host).',
  variants: [
    { when: 'cudaPath&jetson', title: "CUDA installed over the host's read-only CUDA mount (Jetson)", message: JETSON_MESSAGE, fix: JETSON_FIX },
  ],
  fix: [
    'See which mount covers it, in a `RUN` before the failing line (or in the container where apt ran):',
    '',
    '```sh',
    "grep ' ro[ ,]' /proc/self/mounts",
    '```',
    'A `RUN --mount=type=bind,target=…` there needs `,rw` (writes are discarded after the step) or another target; a',
    'directory mounted from the host by the container runtime is the host\'s: install the package elsewhere, or not at all.',
  ].join('\n'),
  docs: 'https://docs.docker.com/reference/dockerfile/#run---mounttypebind',
};
