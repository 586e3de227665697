// CUDA code that runs on a host whose NVIDIA driver is older than the CUDA it was built with, in the
// words CUDA and its users print:
// - `CUDA driver version is insufficient for CUDA runtime version` (cudaErrorInsufficientDriver, 35):
//   deviceQuery in `docker run` (loretoparisi/docker#11), `cudaErrorInsufficientDriver: …` (NVIDIA/cudf#328);
// - torch's `The NVIDIA driver on your system is too old (found version 11040)`;
// - `forward compatibility was attempted on non supported HW` (error 804): the image's cuda-compat
//   libraries tried to bridge the gap on a GPU that forward compatibility does not cover (HorizonRobotics/GUMP#1,
//   torch in a container on RTX 3090s; ggml-org/llama.cpp#3247, solved with an image of the driver's CUDA);
// - `the provided PTX was compiled with an unsupported toolchain` (222): PTX from a newer toolkit than the
//   driver's JIT compiler (NVIDIA/nvbandwidth#61, a CUDA 13.2 build on driver 580).
// The numbers and the GPUs forward compatibility covers: knowledge/cuda-driver.ts (NVIDIA's CUDA
// Compatibility guide); a Jetson's driver comes with its L4T release (NVIDIA's L4T images are tagged by it). The host runs the driver, so the fix is on the host or in the image's CUDA, never a
// package installed in the image. PTX on a Jetson (ollama/ollama#6921, ollama's arm64 build on a Jetson Orin): its maintainer,
// "The CUDA libraries we link against in our arm builds are for servers with discrete GPUs which unfortunately are incompatible
// with Jetsons"; the fix is a build for the board's L4T release (`cat /etc/nv_tegra_release`: `R36 (release), REVISION: 4.0`;
// jetson-containers tags its images by it, `dustynv/ollama:r36.4.0`) or one built on it for its GPU: compute capability 8.7 for
// Jetson AGX Orin / Orin NX / Orin Nano (developer.nvidia.com/cuda-gpus), 7.2 Xavier, 5.3 Nano (developer.nvidia.com/cuda-legacy-gpus).
// In an image build there is no driver at all: that case keeps the
// advice of cuda/no-gpu-at-build (a build step sees no GPU).
// - `nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver …`: the NVIDIA
//   Container Toolkit refuses to start an image whose NVIDIA_REQUIRE_CUDA asks for a newer CUDA than the host's driver
//   supports (SyneRBI/PETRIC2#27, Docker Desktop on Windows with driver 551.78; NVIDIA/nvidia-container-toolkit#213). The
//   check wants the driver of that CUDA release itself, not the family minimum: knowledge/cuda-release-drivers.ts.
//   NVIDIA_DISABLE_REQUIRE only skips the check, so it is no fix for a driver that is too old (for a build step that needs no GPU it
//   is a way past the check: the image-build variant).
// - `docker run --device /dev/nvidia0 --device /dev/nvidiactl …` without `--gpus` / the NVIDIA runtime (NVIDIA/nvidia-docker#24,
//   driver 346.46, which is CUDA 7.0's own, and a CUDA 7.0 image): the device nodes are in the container, the driver's
//   user-space libraries (libcuda.so) are not, because CUDA images carry no driver and only the NVIDIA runtime mounts the
//   host's (the maintainer's answer there). CUDA then reports error 35 whatever the host's driver: the fix is the NVIDIA
//   Container Toolkit and `--gpus all` (its install guide, cited in runtime/gpu-runtime-missing), not a driver upgrade.
// - NGC's entrypoint banner, `ERROR: This container was built for NVIDIA Driver Release 535.86 or later, but` / `version
//   510.85.02 was detected and compatibility mode is UNAVAILABLE.` (NVIDIA/TensorRT-LLM#23; NVIDIA/nvidia-docker#1479). The
//   entrypoint prints the driver of the image's CUDA (CUDA_DRIVER_VERSION) when the host's driver branch is older and cuInit
//   through the image's cuda-compat failed; the container still starts. The release names the image's CUDA (Table 3 of the
//   release notes), and minor version compatibility says whether the program can run: below the family's minimum it cannot
//   (an error, the maintainer's "upgrade the CUDA driver to >= 535.86"), at or above it it may (a warning;
//   eugr/spark-vllm-docker#266, driver 580 and an image of 590.48). An empty version (`version  was detected`) means the
//   entrypoint could not read the driver's version, no failure (fauxpilot's documentation/server.md: Triton runs after it).
// Not this rule either: the warning from a torch inside pip's isolated build environment (`/tmp/pip-build-env-…/overlay/…/
// site-packages/torch/cuda/__init__.py`): that torch is the one pip installed for the build from the project's build
// requirements, not the program's, so the cause is build isolation (pip/build-isolation, vllm-project/vllm#1283).
// Not this rule: nvidia-smi's header, which names the driver and its CUDA and is no error (the nomatch fixture), and the
// toolkit's other errors (`nvidia-container-cli: initialization error: load library failed`, no driver at all).
import type { RuleInput } from '../../schema.js';
import { BUILD_GPU } from './build-gpu.js';

const HOST_CHECK =
  'On the machine that runs the program (for a container, the host that runs it; not in the Dockerfile), `nvidia-smi` prints the driver version and, in its header, the CUDA version of that driver ' +
  '(on a Jetson the driver is part of its JetPack / L4T release, and an image has to be one made for that release).';

const CHOICES = [
  'Then either',
  '',
  '- upgrade that NVIDIA driver to one whose CUDA version is at least the program\'s, or',
  '- use a CUDA release no newer than the driver\'s: in an image, the `nvidia/cuda` tag of that release or an older one; for a framework, its build for that CUDA (torch wheels `cu121`, `cu118`, …).',
].join('\n');

const REQUIRE_MESSAGE =
  'The image requires a host driver of CUDA {enrich.requiredCuda} or newer (its `NVIDIA_REQUIRE_CUDA`, which the NVIDIA Container Toolkit checks ' +
  'before the container starts), and the host\'s NVIDIA driver is older, so the container was not started. The driver is the ' +
  'host\'s: nothing installed in the image changes it. {enrich.alternativeNote|}{enrich.hostNote|}';

// The gate variants' other two ways out, whether or not the log shows the image's torch release.
const GATE_LABEL_OR_DRIVER = [
  '- or keep CUDA {enrich.gateCudaBelow} and raise the label so old hosts are refused at start instead of failing later, in the image\'s Dockerfile after its `FROM`:',
  '',
  '```dockerfile',
  'ENV NVIDIA_REQUIRE_CUDA="cuda>={enrich.gateCudaBelow}"',
  '```',
  '',
  'Where the host can be changed (not on a rented pod), a host NVIDIA driver {enrich.gateDriverNeed} runs the image as it is ({enrich.gateDriverSource}; `nvidia-smi` on the host prints the driver).',
];

const GATE_MESSAGE =
  'The image requires a host driver of CUDA {enrich.requiredCuda} (its `NVIDIA_REQUIRE_CUDA`, which the NVIDIA Container Toolkit checks before ' +
  'the container starts), and a host below that is refused. But the log shows that the image\'s programs need CUDA {enrich.gateCudaBelow}, newer ' +
  'than the label says: on a host whose driver meets the gate but not CUDA {enrich.gateCudaBelow} (which needs a driver {enrich.gateDriverNeed}), the ' +
  'container starts and then fails inside it. So a driver of CUDA {enrich.requiredCuda} does not fix it: the image\'s label and its contents disagree.';

const HOST_CUDA_MESSAGE =
  'The NVIDIA driver of the host supports CUDA up to {enrich.hostCuda} (the version torch found), older than the CUDA torch was built with: CUDA cannot start on it. ' +
  'The driver comes from the host, so nothing installed in the image changes it. {enrich.driverNeed|}';

/**
 * nvidia-smi's header, `| NVIDIA-SMI 551.78   Driver Version: 551.78   CUDA Version: 12.4   |`: the host's driver and the newest
 * CUDA it runs (captures `driver`, `cuda`). Shared by the rules that weigh the driver against a CUDA release.
 */
export const SMI_HEADER = {
  name: 'smiHeader',
  literals: ['Driver Version: '],
  pattern: 'Driver Version: (?<driver>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?)\\s{1,40}CUDA Version: (?<cuda>\\d{1,2}\\.\\d{1,2})',
};

export const driverTooOld: RuleInput = {
  id: 'cuda/driver-too-old',
  title: 'Host NVIDIA driver older than the CUDA in use',
  severity: 'error',
  match: [
    { literals: ['CUDA driver version is insufficient for CUDA runtime version'] },
    // torch: `The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver …`
    { literals: ['The NVIDIA driver on your system is too old'] },
    { literals: ['forward compatibility was attempted on non supported HW'] },
    { literals: ['the provided PTX was compiled with an unsupported toolchain'] },
    // libnvidia-container writes the condition with spaces in older releases (`cuda >= 10.1`), without in newer ones
    { literals: ['unsatisfied condition: cuda'], pattern: 'unsatisfied condition: cuda ?>= ?\\d' },
    // … or the last alternative of the image's requirement it tried: `unsatisfied condition: brand = tesla`, `driver >= 410`,
    // `driver < 385` (NVIDIA/nvidia-docker#861, #835; docker/for-linux#846)
    {
      literals: ['unsatisfied condition: brand', 'unsatisfied condition: driver'],
      pattern: 'unsatisfied condition: (?:brand ?= ?[a-z]|driver ?[<>]=? ?\\d)',
    },
    // nvidia-docker 1.0's own check of the image's CUDA against the driver's: `nvidia-docker | 2017/11/21 00:48:39 Error:
    // unsupported CUDA version: driver 8.0 < image 9.0.176` (h2oai/h2o4gpu#298; NVIDIA/nvidia-docker#497)
    { literals: ['unsupported CUDA version: driver '], pattern: 'unsupported CUDA version: driver \\d{1,2}\\.\\d{1,2} < image \\d' },
    // The entrypoint banner of NVIDIA's NGC images (nvidia_entrypoint.sh): `ERROR: This container was built for NVIDIA Driver
    // Release 535.86 or later, but` / `version 510.85.02 was detected and compatibility mode is UNAVAILABLE.`
    { literals: ['This container was built for NVIDIA Driver Release'], pattern: 'This container was built for NVIDIA Driver Release \\d{3}\\.\\d' },
  ],
  // torch's warning printed by the torch pip put into a build environment: pip/build-isolation tells that story
  unless: [
    { literals: ['/pip-build-env-'], pattern: '/pip-build-env-\\w{1,40}/overlay/\\S{0,300}/torch/cuda/__init__\\.py:\\d{1,6}: UserWarning: CUDA initialization: The NVIDIA driver on your system is too old' },
    // the NGC banner with no driver version (`version  was detected`): the entrypoint could not read
    // /proc/driver/nvidia/version, which says nothing of the driver; a FauxPilot log shows Triton running on its GPU after it
    { literals: ['was detected and compatibility mode is UNAVAILABLE'], pattern: '\\bversion {1,10}was detected and compatibility mode is UNAVAILABLE' },
  ],
  context: [
    {
      name: 'requireCuda',
      // the command line the toolkit ran carries the image's whole requirement, `--require=cuda>=10.0 brand=tesla,…`
      literals: ['unsatisfied condition: cuda', 'unsupported CUDA version: driver ', '--require=cuda'],
      pattern:
        '(?:unsatisfied condition: cuda ?>= ?|--require=cuda ?>= ?|unsupported CUDA version: driver \\d{1,2}\\.\\d{1,2} < image )(?<need>\\d{1,2}\\.\\d{1,2})',
    },
    // the image's requirement as the toolkit's command line gives it, with its brand / driver-branch alternatives
    {
      name: 'requireExpr',
      literals: ['--require=cuda'],
      pattern: '--require=(?<expr>cuda ?>= ?\\d[^\\]\\\\\\n]{0,400})',
    },
    // the condition named is an alternative other than the CUDA one: a brand or a driver branch
    {
      name: 'requireAlternative',
      literals: ['unsatisfied condition: brand', 'unsatisfied condition: driver'],
      pattern: 'unsatisfied condition: (?<cond>brand ?= ?[a-z]{1,20}|driver ?[<>]=? ?\\d{3})',
    },
    // nvidia-docker 1.0 names the CUDA the host's driver supports
    {
      name: 'dockerOne',
      literals: ['unsupported CUDA version: driver '],
      pattern: 'unsupported CUDA version: driver (?<driverCuda>\\d{1,2}\\.\\d{1,2}) < image (?<imageCuda>\\d{1,2}\\.\\d{1,2})',
    },
    // The CUDA the image's programs need, when a log shows it beside the toolkit's gate: a torch wheel's local version or
    // index (`2.9.1+cu130`, `/whl/cu130`), or a CUDA release named in the report (`driver >=580 required (CUDA 13)`,
    // artokun/comfyui-mcp#118). Read only when it is newer than the gate's CUDA (knowledge/cuda-driver.ts, understatedGate).
    { name: 'imageTorchCuda', literals: ['+cu1', '/cu1'], pattern: '(?:\\d\\+|/whl/)cu(?<tag>1\\d{2})\\b' },
    { name: 'imageCudaText', literals: ['CUDA 1'], pattern: '\\bCUDA (?<cuda>1\\d(?:\\.\\d{1,2})?)\\b(?![.\\d])' },
    SMI_HEADER,
    // The host's driver as a report names it: nvidia-smi's `Driver Version: 390.138`, the Ubuntu package `nvidia-390` /
    // `nvidia-driver-535` (or `nvidia-390.138` as users write it, iot-salzburg/gpu-jupyter#24), the driver's libraries
    // `libcuda.so.390.138` / `libnvidia-ml.so.535.104.05`, which carry its version in their file names.
    {
      name: 'hostDriver',
      literals: ['nvidia-', 'Driver Version: ', 'libcuda.so.'],
      pattern: '(?:\\bnvidia-(?:driver-)?|Driver Version: |\\blib(?:nvidia-[a-z-]{1,40}|cuda)\\.so\\.)(?<driver>\\d{3}(?:\\.\\d{1,3})?(?:\\.\\d{1,3})?)(?!\\d)',
    },
    // The host's driver came from Ubuntu's packages: the graphics-drivers PPA, or an apt install of a driver branch
    // (`apt-get -y install nvidia-390`, `apt install nvidia-driver-535`)
    {
      name: 'ubuntuDriverApt',
      literals: ['ppa:graphics-drivers', 'nvidia-driver-', 'nvidia-3', 'nvidia-4', 'nvidia-5', 'nvidia-6'],
      pattern: 'ppa:graphics-drivers|\\bapt(?:-get)? (?:-y )?install\\b[^\\n]{0,200}\\b(?<pkg>nvidia-(?:driver-)?)\\d{3}\\b',
    },
    // A Windows driver: nvidia-smi on Windows names its driver models (`TCC/WDDM`) where Linux prints `Persistence-M`
    { name: 'windowsHost', literals: ['nvidia-smi.exe', 'TCC/WDDM'] },
    // GPU device nodes passed by hand to `docker run` (`--device /dev/nvidia0:/dev/nvidia0`, `--device=/dev/nvidiactl`)
    {
      name: 'deviceNodes',
      literals: ['--device'],
      pattern: '\\b(?:docker|podman)(?: container)? run [^\\n]{0,1000}--device[ =]{1,3}/dev/nvidia',
    },
    // … and the NVIDIA runtime asked for somewhere in the same output
    { name: 'gpuRuntime', literals: ['--gpus', '--runtime=nvidia', '--runtime nvidia', 'nvidia-docker run', 'nvidia.com/gpu='] },
    { name: 'compat', literals: ['forward compatibility was attempted on non supported HW'] },
    { name: 'ptx', literals: ['the provided PTX was compiled with an unsupported toolchain'] },
    // A Jetson in the log: the board's name (`Jetson Orin`, `AGX Orin`), its OS (`L4T`, `JetPack`), its release file
    // (`/etc/nv_tegra_release`) or kernel (`5.15.136-tegra`).
    {
      name: 'jetson',
      literals: ['Jetson', 'jetson', 'JetPack', 'Jetpack', 'L4T', 'l4t', 'tegra', 'Orin'],
      pattern: '\\b[Jj]etson\\b|\\bJet[Pp]ack\\b|\\b[Ll]4[Tt]\\b|nv_tegra_release|\\d-tegra\\b|\\bOrin\\b',
    },
    { name: 'tooOld', literals: ['The NVIDIA driver on your system is too old'], pattern: 'too old \\(found version (?<found>\\d{4,6})\\)' },
    // The torch in use as a report gives it: torch's collect_env prints `PyTorch version: {torch_version}` (torch/utils/collect_env.py,
    // env_info_fmt), and issue templates copy it as `- **PyTorch version**: 2.6.0+cu124` (unslothai/unsloth#2499)
    {
      name: 'torchVersion',
      literals: ['PyTorch version', 'PyTorch Version'],
      pattern: '\\bPyTorch [vV]ersion(?:\\*\\*)?: {0,4}(?:\\*\\*)? {0,4}(?<v>\\d{1,2}\\.\\d{1,3}\\.\\d{1,3}(?:\\+cu\\d{2,3})?)(?![\\w.+])',
    },
    // An NGC image a container command runs (`nvidia-docker run … nvcr.io/nvidia/digits:19.07-caffe`): its tag names a
    // release month, whose CUDA and driver requirement NVIDIA's release notes give (DIGITS 19.06: "based on NVIDIA CUDA
    // 10.1.168, which requires NVIDIA Driver release 418.xx", docs.nvidia.com/deeplearning/digits/digits-release-notes/
    // rel_19-06.html) and the framework support matrix lists per month.
    // NGC's banner: the driver release of the image's CUDA (`CUDA_DRIVER_VERSION` without its last part), and the host's
    // driver on the next line (or the same one, when a paste joins them); `[[CUDA Driver UNAVAILABLE (cuInit(0) returned 804)]]`
    // is what cuInit said with the image's forward-compatibility libraries.
    { name: 'ngcBanner', literals: ['This container was built for NVIDIA Driver Release'], pattern: 'Driver Release (?<floor>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?) or later' },
    { name: 'ngcHost', literals: ['was detected and compatibility mode is UNAVAILABLE'], pattern: 'version (?<driver>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?) was detected' },
    { name: 'ngcCuInit', literals: ['CUDA Driver UNAVAILABLE (cuInit(0) returned'], pattern: 'cuInit\\(0\\) returned (?<code>\\d{1,4})\\)' },
    {
      name: 'ngcRun',
      literals: ['nvcr.io/nvidia/'],
      pattern: '\\brun\\b[^\\n]{0,1000}?(?<image>nvcr\\.io/nvidia/[a-z0-9_-]{1,60}:(?<month>\\d{2}\\.\\d{2})[\\w.-]{0,40})',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The NVIDIA driver is older than the CUDA this program was built with: CUDA cannot start on it. In a container the driver is the host\'s ' +
    '(the container toolkit mounts it), so nothing installed in the image changes it. {enrich.driverNeed|}{enrich.cudaMet|}',
  fix: [
    HOST_CHECK,
    CHOICES,
    '',
    'From CUDA 11 on, a driver runs every release of its CUDA major family (13.x needs ≥ 580, 12.x ≥ 525, 11.x ≥ 450.80.02: NVIDIA\'s minor version compatibility table); ' +
      'the log does not show the program\'s CUDA: `CUDA Version` in the banner of an `nvidia/cuda` container, or `python -c "import torch; print(torch.version.cuda)"`, prints it.',
  ].join('\n'),
  variants: [
    {
      // the host's driver reaches its family's minimum: the banner is a warning, the program may run
      when: 'ngcBanner&ngcHost&enrich.ngcSameFamily',
      title: 'NGC container built for a newer NVIDIA driver than the host\'s',
      severity: 'warning',
      message:
        'The NGC container\'s entrypoint says the image was built for NVIDIA driver release {context.ngcBanner.floor} or later ({enrich.ngcImageCuda|the driver of ' +
        'the image\'s CUDA release}), and found the host\'s driver, {context.ngcHost.driver}. {enrich.ngcSameFamily}: programs of the image may still run, ' +
        'without what needs the newer driver (PTX made by the newer toolkit cannot be JIT-compiled on it, error 222). The banner alone is no failure.',
      fix: [
        'If the program then fails with a CUDA error, upgrade the host\'s NVIDIA driver to {context.ngcBanner.floor} or newer, the release the banner names ' +
          '(on the host that runs the container, not in a Dockerfile; `nvidia-smi` prints the one installed), or use an older release of the image, one built for a ' +
          'CUDA this driver runs ({enrich.ngcHostCuda|`nvidia-smi` on the host prints that CUDA in its header}): NVIDIA\'s framework support matrix lists the CUDA ' +
          'and the driver each release needs (https://docs.nvidia.com/deeplearning/frameworks/support-matrix/index.html).',
      ].join('\n'),
    },
    {
      // NGC's entrypoint compares the host's driver branch with the image's (`CUDA_DRIVER_VERSION`, the driver of the
      // image's CUDA release) and prints this banner when the branch is older and cuInit through the image's
      // forward-compatibility libraries failed (nvidia_entrypoint.sh of NGC images, as the Triton image's copy reads it).
      // The container still starts: whether the program runs is minor version compatibility's question (knowledge/cuda-driver.ts).
      when: 'ngcBanner&ngcHost',
      title: 'Host NVIDIA driver older than the NGC container was built for',
      message:
        'The NGC container\'s entrypoint says the image was built for NVIDIA driver release {context.ngcBanner.floor} or later ({enrich.ngcImageCuda|the driver of the image\'s CUDA release}), ' +
        'and found the host\'s driver, {context.ngcHost.driver}. Forward compatibility (the image\'s cuda-compat libraries, which work only on data center GPUs ' +
        'and select NGC Server Ready RTX cards) did not bridge the gap. The driver is the host\'s (the container toolkit mounts it), so nothing installed in ' +
        'the image changes it. {enrich.ngcVerdict|}',
      fix: [
        'On the host that runs the container (not in a Dockerfile), either',
        '',
        '- upgrade the NVIDIA driver to {context.ngcBanner.floor} or newer, the release the banner names (`nvidia-smi` prints the one installed); then start the container again, or',
        '- use an older release of the image, one built for a CUDA this driver runs ({enrich.ngcHostCuda|`nvidia-smi` on the host prints that CUDA in its header}): ' +
          'NVIDIA\'s framework support matrix lists the CUDA and the driver each release needs (https://docs.nvidia.com/deeplearning/frameworks/support-matrix/index.html).',
      ].join('\n'),
    },
    {
      // nvidia-docker 1.0, the wrapper before the NVIDIA Container Toolkit, checked the image's CUDA itself and printed
      // both versions.
      when: 'dockerOne',
      title: 'Host NVIDIA driver too old for the CUDA the image requires',
      message:
        'nvidia-docker compared the image\'s CUDA ({context.dockerOne.imageCuda}) with the newest CUDA the host\'s NVIDIA driver ' +
        'supports ({context.dockerOne.driverCuda}) and did not start the container. The driver is the host\'s: nothing installed in ' +
        'the image changes it.',
      fix: [
        'On the host that runs Docker (not in the Dockerfile), either',
        '',
        '- upgrade the NVIDIA driver: {enrich.anyDriver}; then run the same command, or',
        '- use an image of CUDA {context.dockerOne.driverCuda} or older: a tag that names its CUDA (`latest` moves to each new release).',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      // The check refused a RUN step of `docker build`: the classic builder starts each RUN container with the daemon's default
      // runtime, so `"default-runtime": "nvidia"` in /etc/docker/daemon.json puts every step, an apt-get too, through the
      // toolkit's check of the base image's NVIDIA_REQUIRE_CUDA ("build-time GPU support", NVIDIA/nvidia-docker wiki, quoted in
      // NVIDIA/nvidia-docker#1356; nodefluxio/vortex#106, CUDA 10.2 image). BuildKit does not use the default runtime
      // (NVIDIA/nvidia-container-toolkit#122), and is Docker Engine's default builder from 23.0. The hook skips every
      // NVIDIA_REQUIRE_* check when the container's environment has NVIDIA_DISABLE_REQUIRE (nvidia-container-toolkit's
      // container_config.go, parsed as a boolean; "Specialized Configurations with Docker", Constraints, in NVIDIA's toolkit
      // docs), and the classic builder puts each ARG in scope into the RUN container's environment without writing it into the
      // image (moby builder/dockerfile/dispatchers.go, dispatchRun), so an ARG turns the check off for the build only.
      when: 'requireCuda&fact.place=image-build',
      title: 'Host NVIDIA driver too old for the base image\'s CUDA (build steps run through the NVIDIA runtime)',
      message:
        'The NVIDIA Container Toolkit refused to start a build step: the base image requires a host driver of CUDA {enrich.requiredCuda} or newer ' +
        '(its `NVIDIA_REQUIRE_CUDA`), and the host\'s driver is older. A step that does not use the GPU hit this check because the daemon ' +
        'starts build containers with its default runtime, and that is `nvidia` (`"default-runtime": "nvidia"` in `/etc/docker/daemon.json`). ' +
        '{enrich.alternativeNote|}{enrich.hostNote|}',
      fix: [
        'A build step that needs no GPU (an apt-get, a pip install) can go past the check; on the host that runs Docker, either',
        '',
        '- build with BuildKit, which starts build steps without the default runtime: `DOCKER_BUILDKIT=1 docker build …` (the default ' +
          'builder from Docker Engine 23.0), or remove `"default-runtime": "nvidia"` from `/etc/docker/daemon.json` and restart Docker ' +
          '(`sudo systemctl restart docker`; containers that need the GPU then ask for it with `--gpus all`), or',
        '- turn the check off for the build only, right after the `FROM` line (an `ARG` reaches the build steps\' environment and is not ' +
          'kept in the image):',
        '',
        '```dockerfile',
        'ARG NVIDIA_DISABLE_REQUIRE=1',
        '```',
        '',
        'Either way the image still needs the newer driver to run on this host\'s GPU: upgrade the NVIDIA driver, {enrich.anyDriver} ' +
          '(`nvidia-smi` on the host prints the driver and, in its header, the CUDA it supports), or base the image on {enrich.olderImage}.',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      // The gate is below what the image runs: NVIDIA_REQUIRE_CUDA is the base image's (`cuda>=12.8`), while the torch installed on
      // it is built for a newer CUDA (cu130). The toolkit lets any driver of the gate's CUDA start the container, and CUDA 13 then
      // fails on a driver below 580 (minor version compatibility, knowledge/cuda-driver.ts). artokun/comfyui-mcp#118, fixed by
      // moving the image's torch index back to cu128 (PR #119). The toolkit reads NVIDIA_REQUIRE_CUDA from the image's
      // environment ("Specialized Configurations with Docker", Constraints, NVIDIA Container Toolkit docs), so an `ENV` line in
      // the image's Dockerfile replaces the base image's value (NVIDIA's CUDA images set it so themselves: `ENV NVIDIA_REQUIRE_CUDA
      // "cuda>=11.5 brand=tesla,…"`, gitlab.com/nvidia/container-images/cuda issue 200).
      when: 'requireCuda&enrich.gateCudaBelow&enrich.gateTorchCmd',
      title: 'The image\'s NVIDIA_REQUIRE_CUDA understates the CUDA its programs need',
      message: GATE_MESSAGE,
      fix: [
        'Make the image and its label agree, one of two ways:',
        '',
        '- rebuild the image with torch from {enrich.gateTorchTag}, the newest PyTorch index not above CUDA {enrich.requiredCuda}, so it runs on every host the gate lets in. {enrich.gateTorchChoice}',
        '',
        '```sh',
        '{enrich.gateTorchCmd}',
        '```',
        '',
        'Extensions built against torch (xformers, flash-attn, SageAttention wheels) need their builds for the same torch and CUDA.',
        '',
        ...GATE_LABEL_OR_DRIVER,
      ].join('\n'),
    },
    {
      when: 'requireCuda&enrich.gateCudaBelow',
      title: 'The image\'s NVIDIA_REQUIRE_CUDA understates the CUDA its programs need',
      message: GATE_MESSAGE,
      fix: [
        'Make the image and its label agree, one of two ways:',
        '',
        '- rebuild the image with torch from {enrich.gateTorchTag|the PyTorch index}, the newest PyTorch index not above CUDA {enrich.requiredCuda}, so it runs on every host the gate lets in. ' +
          'The log does not show the image\'s torch release: `pip show torch` in the image (or its requirements, the `--index-url` of its install line) gives it. ' +
          'Keep that release and take its build from that index ({enrich.gateTorchRange|https://pytorch.org/get-started/previous-versions/ lists each release\'s indexes} there), with the ' +
          'torchvision and torchaudio of the same release, and the builds of extensions built against torch (xformers, flash-attn, SageAttention wheels) for the same torch and CUDA;',
        ...GATE_LABEL_OR_DRIVER,
      ].join('\n'),
    },
    {
      when: 'requireCuda&windowsHost',
      title: 'Host NVIDIA driver too old for the CUDA the image requires',
      message: REQUIRE_MESSAGE,
      fix: [
        'On Windows, where Docker Desktop and WSL 2 take the GPU driver from Windows (NVIDIA\'s CUDA on WSL User Guide), either',
        '',
        '- install {enrich.windowsDriver} from https://www.nvidia.com/drivers, on Windows and not inside WSL; then run `wsl --shutdown`, start Docker Desktop again and run the same `docker run`, or',
        '- use {enrich.olderImage}: the project\'s build for that CUDA if it publishes one, or build the image from an `nvidia/cuda` tag of that CUDA.',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      // the log names the driver and shows it came from Ubuntu's packages: the install line of a new enough branch.
      // Ubuntu names a driver branch `nvidia-driver-396` from 18.04 on and `nvidia-396` on 16.04 (ValveSoftware/Proton#250,
      // apt-cache search on both releases); `ubuntu-drivers devices` (ubuntu-drivers-common) lists the branches the archive
      // and the enabled PPAs offer for the host's GPU, since old branches leave the PPA.
      when: 'requireCuda&enrich.hostDriverOlder&ubuntuDriverApt',
      title: 'Host NVIDIA driver too old for the CUDA the image requires',
      message: REQUIRE_MESSAGE,
      fix: [
        '{enrich.hostDriverOlder} On the host that runs Docker (not in the Dockerfile), upgrade the NVIDIA driver to branch {enrich.driverBranch} or newer',
        '(≥ {enrich.linuxDriver}). The log installs the driver with apt: list the branches available for this GPU, install one of them ≥ {enrich.driverBranch}',
        '(`nvidia-driver-NNN` from Ubuntu 18.04 on, `nvidia-NNN` on 16.04) and reboot:',
        '',
        '```sh',
        'ubuntu-drivers devices',
        'sudo apt-get install -y {context.ubuntuDriverApt.pkg|nvidia-driver-}{enrich.driverBranch}',
        'sudo reboot',
        '```',
        '',
        'then run the same `docker run`. Or use {enrich.olderImage}: the project\'s build for that CUDA if it publishes one, or build the image from a',
        'base image of that CUDA.',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      // the log names the driver: no need to ask for nvidia-smi
      when: 'requireCuda&enrich.hostDriverOlder',
      title: 'Host NVIDIA driver too old for the CUDA the image requires',
      message: REQUIRE_MESSAGE,
      fix: [
        '{enrich.hostDriverOlder} On the host that runs Docker (not in the Dockerfile), either',
        '',
        '- upgrade the NVIDIA driver: {enrich.anyDriver}; then run the same `docker run`, or',
        '- use {enrich.olderImage}: the project\'s build for that CUDA if it publishes one, or build the image from a base image of that CUDA.',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      when: 'requireCuda',
      title: 'Host NVIDIA driver too old for the CUDA the image requires',
      message: REQUIRE_MESSAGE,
      fix: [
        'On the host that runs Docker (not in the Dockerfile), `nvidia-smi` prints the driver and, in its header, the CUDA version it supports; the image needs CUDA {enrich.requiredCuda} or newer. Either',
        '',
        '- upgrade the NVIDIA driver: {enrich.anyDriver}; then run the same `docker run`, or',
        '- use {enrich.olderImage}: the project\'s build for that CUDA if it publishes one, or build the image from an `nvidia/cuda` tag of that CUDA.',
        '',
        '{enrich.driverSource}',
      ].join('\n'),
    },
    {
      when: 'deviceNodes&!gpuRuntime',
      title: 'GPU devices passed to docker run without the NVIDIA runtime',
      message:
        'The container was started with the GPU device nodes passed by hand (`--device /dev/nvidia…`) and without the NVIDIA runtime. ' +
        'The devices are there, but the driver\'s libraries (`libcuda.so` and the rest) are not: CUDA images carry no driver, and only the NVIDIA ' +
        'Container Toolkit mounts the host\'s into a container. CUDA finds no driver and reports it as too old, whatever the host\'s driver is.',
      fix: [
        'On the host that runs Docker, install the NVIDIA Container Toolkit as NVIDIA\'s install guide gives it for this host\'s distribution',
        '(https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html; with apt, after adding its repository):',
        '',
        '```sh',
        'sudo apt-get install -y nvidia-container-toolkit',
        'sudo nvidia-ctk runtime configure --runtime=docker',
        'sudo systemctl restart docker',
        '```',
        '',
        'then run the same `docker run` with `--gpus all` in place of every `--device /dev/nvidia…` option: the runtime passes the devices and',
        'mounts the driver\'s libraries. Upgrade the driver only if the same error remains then.',
      ].join('\n'),
    },
    {
      // a build step has no driver at all: the advice of cuda/no-gpu-at-build
      when: 'fact.place=image-build',
      title: 'Build step needs a GPU (the build has none)',
      message: `This step needs the NVIDIA driver, and a build step has none. ${BUILD_GPU}`,
      fix:
        'Do not touch the GPU while building: move device checks and CUDA runs (`nvidia-smi`, `torch.cuda.is_available()`, a test that launches kernels) to ' +
        'the start of the container (`docker run --gpus all` with the image this build makes) or a CI test step on a GPU runner.',
    },
    {
      when: 'compat',
      title: 'CUDA forward compatibility refused on this GPU (host driver too old)',
      message:
        'The host\'s NVIDIA driver is older than the CUDA this program was built with, and CUDA tried to bridge the gap with the forward-compatibility ' +
        'libraries (the cuda-compat package NVIDIA\'s images carry). Forward compatibility works only on NVIDIA Data Center GPUs, select NGC Server Ready RTX cards ' +
        'and Jetson boards, so on this GPU CUDA stops with error 804. {enrich.driverNeed|}',
      fix: [HOST_CHECK, CHOICES].join('\n'),
    },
    {
      // a Jetson: its driver is not upgraded alone, and a server (SBSA) arm64 build is not for it
      when: 'ptx&jetson',
      title: 'PTX the Jetson\'s driver cannot compile: a build not made for this JetPack',
      message:
        'The program carries PTX made by a newer CUDA compiler than the driver\'s JIT compiler understands (cudaErrorUnsupportedPtxVersion), on a Jetson. ' +
        'A Jetson\'s driver is part of its JetPack / L4T release: it changes only with a new JetPack, not on its own. So the build is the one to change: ' +
        'an arm64 build made for servers (SBSA, for discrete GPUs) has no machine code for the Jetson\'s GPU and leaves CUDA only its PTX, and a build with a ' +
        'newer CUDA than the JetPack\'s makes PTX its driver cannot read.',
      fix: [
        'Use a build of the program made for this Jetson\'s JetPack / L4T release (`head -1 /etc/nv_tegra_release` prints it, `# R36 (release), REVISION: 4.0, …`): ' +
          'an image built for that L4T release (jetson-containers tags its images by it: `dustynv/ollama:r36.4.0` for R36.4.0), or build it on the Jetson with the CUDA its JetPack ' +
          'ships (`/usr/local/cuda/bin/nvcc --version`) and machine code for its GPU: ' +
          '8.7 on Orin, 7.2 on Xavier, 5.3 on Nano (`-DCMAKE_CUDA_ARCHITECTURES=87`, `TORCH_CUDA_ARCH_LIST="8.7"` on Orin). ' +
          'A newer driver comes only with a newer JetPack release for the board.',
      ].join('\n'),
    },
    {
      when: 'ptx',
      title: 'PTX newer than the host driver can compile',
      message:
        'The program carries PTX made by a newer CUDA compiler than the host driver\'s JIT compiler understands (cudaErrorUnsupportedPtxVersion): CUDA compiles PTX ' +
        'at run time when the binary has no machine code for this GPU, and only a driver as new as that compiler can. {enrich.driverNeed|}',
      fix: [
        HOST_CHECK,
        'Then either upgrade the host\'s driver to one whose CUDA version is at least the one that built the program, or build the program with machine code for ' +
          'this GPU\'s architecture (`nvidia-smi --query-gpu=compute_cap --format=csv` prints it: `8.6` → `TORCH_CUDA_ARCH_LIST="8.6"`, ' +
          '`-DCMAKE_CUDA_ARCHITECTURES=86`), so no PTX is compiled at run time, or with a CUDA release no newer than the driver\'s.',
      ].join('\n'),
    },
    {
      // the index is computed from the driver's CUDA (knowledge/cuda-driver.ts hostTorch, knowledge/torch-wheels.ts)
      when: 'enrich.hostCuda&enrich.hostTorchCmd',
      message: HOST_CUDA_MESSAGE,
      fix: [
        HOST_CHECK,
        'Then either upgrade the host\'s NVIDIA driver, or install a torch built for CUDA {enrich.hostCuda} or older, in the image when this runs in one. ' +
          '{enrich.hostTorchChoice}',
        '',
        '```sh',
        '{enrich.hostTorchCmd}',
        '```',
      ].join('\n'),
    },
    {
      when: 'enrich.hostCuda',
      message: HOST_CUDA_MESSAGE,
      fix: [
        HOST_CHECK,
        'Then upgrade the host\'s NVIDIA driver: every torch on PyTorch\'s per-CUDA indexes (1.11 and later) was built for a CUDA newer than {enrich.hostCuda}. ' +
          'An older release built for CUDA {enrich.hostCuda} or older is listed, with its install command, on https://pytorch.org/get-started/previous-versions/.',
      ].join('\n'),
    },
    {
      // the NGC image run is known, its month's CUDA is not (ngc-pytorch-cuda.ts lists the months checked)
      when: 'ngcRun&!enrich.cudaVersion',
      message:
        'The NVIDIA driver is older than the CUDA of `{context.ngcRun.image}`: CUDA cannot start on it. In a container the driver is the host\'s ' +
        '(the container toolkit mounts it), so nothing installed in the image changes it. An NGC image is built on the CUDA of its release, ' +
        '{context.ngcRun.month} here, which the log does not show. {enrich.hostDriverRuns|}',
      fix: [
        'Look up release {context.ngcRun.month} in NVIDIA\'s framework support matrix (https://docs.nvidia.com/deeplearning/frameworks/support-matrix/index.html): ' +
          'it gives that release\'s CUDA, and the release notes of the image (their "Driver Requirements") the driver it needs. Then, on the host that runs ' +
          'Docker (not in a Dockerfile), either',
        '',
        '- upgrade the NVIDIA driver to that one or newer (`nvidia-smi` prints the one installed); then run the same command, or',
        '- use an older release of the image, one whose CUDA this driver runs: the same matrix lists the CUDA of each release.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-driver', 'cuda-require'],
  docs: 'https://docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html',
};
