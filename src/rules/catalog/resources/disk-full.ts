// The builder's disk (or the runner's) filled up. Where it filled decides the fix:
// - while pulling / extracting the base image: its size is fixed, slimming layers changes nothing;
//   only free disk (or a builder with more) helps;
// - while a RUN writes, or while exporting the image: free disk, and keep layers small.
// Runner clean-up only on GitHub-hosted runners (fact `runner`): the directories are those removed by
// jlumbroso/free-disk-space (action.yml: /usr/share/dotnet, /usr/local/lib/android, /opt/ghc), and the tool cache
// /opt/hostedtoolcache (the runner images' AGENT_TOOLSDIRECTORY, where actions/setup-* find their versions:
// actions/runner-images, "Cached Tools"), whose removal fixed CUDA 11.8 / 12.1 docker builds running out of space
// on GitHub-hosted runners (pytorch/builder#1484, "Add hostedtoolcache purge step"); a setup-* action downloads a
// version the cache lacks (actions/setup-python README), so the clean-up goes before those steps.
// A log that does not show where the build ran (no runner line: a job name typed above a pasted error is not
// one) gets the prune for a machine that built before, and the hosted-runner clean-up labelled as such.
// `docker builder prune --all --force` frees the build cache only; `docker system prune --all --force`
// also removes unused images and stopped containers (docs.docker.com CLI reference).
// A path under /var/lib/buildkit/ is the state of a BuildKit that runs in a container (buildx's docker-container driver,
// the builder docker/setup-buildx-action creates; BuildKit inside Docker Engine keeps its state under /var/lib/docker):
// its cache is pruned with `docker buildx prune --all --force`, which acts on the selected builder (docs.docker.com CLI
// reference, `docker buildx prune`). The step `importing to docker` is `--load` from such a builder (docker/buildx#1927 shows
// it after `sending tarball`): the image is written again into Docker's own store.
// A pull fills Docker's data-root (`docker info -f '{{.DockerRootDir}}'`, /var/lib/docker by default): the daemon downloads
// each layer to a temporary `GetImageBlob…` file under its data-root's tmp/ (moby distribution/pull_v2.go creates it with
// that prefix) before it registers the layer. On a fresh machine there is nothing to prune: the disk that holds the
// data-root is too small for the image, so that disk needs more space, or the data-root moves to a larger disk with
// `"data-root"` in /etc/docker/daemon.json (docs.docker.com/engine/daemon/#daemon-data-directory).
// `buildx failed with: …` is docker/build-push-action's error (src/main.ts throws it with buildx's last stderr line): the
// build ran in a GitHub Actions job (fact `runner` = `github-actions`). Whether the runner was GitHub-hosted the line does
// not say; a hosted runner is a fresh VM whose build cache is empty, so pruning it frees little, and its preinstalled
// toolchains are what can go.
// A layer that writes CUDA torch (`…/site-packages/torch/lib/libtorch_cuda.so: no space left on device`, mindsdb/mindshub#6936,
// StanfordAHA/aha#1744) is gigabytes of CUDA libraries: the CPU-only wheels leave them out. Whether the image needs a GPU
// the log does not say, so the fix offers them as an option, with PyTorch's own index for Compute Platform "CPU"
// (pytorch.org/get-started/locally, `--index-url https://download.pytorch.org/whl/cpu`; the `cpu-torch` enricher).
// A container builder (/var/lib/buildkit/) is what docker/setup-buildx-action creates in CI, so without a runner line the
// hosted-runner clean-up is offered too, labelled. A multi-platform build (`enrich.platforms`, two or more platforms in the
// step headers) holds each platform's base image and layers at once; docker/build-push-action builds one platform per
// job when `platforms:` names one: Docker's "Distribute build across multiple runners" (docs.docker.com/build/ci/github-actions/
// multi-platform/) runs a matrix with one platform per runner, pushes each by digest, and a merge job makes the manifest list with
// `docker buildx imagetools create`.
// A failed write under a package manager's download cache (`failed to register layer: write /root/.cache/pip/http-v2/…: no
// space left on device`, sgl-project/sglang#7081, a DeepEP image built in GitHub Actions) is most often this build's own
// RUN, and what filled it the cache that RUN left in it; `failed to register layer` is also what a pull prints (moby/moby#32811,
// NVIDIA/nvidia-docker#792), so a base image shipping such a cache reads the same, and the message says so. pip keeps downloads under
// <cache dir>/http-v2 (pypa/pip src/pip/_internal/cli/index_command.py), `--no-cache-dir` disables it (cmdoptions.py); uv's
// `--no-cache` (alias `--no-cache-dir`, env UV_NO_CACHE) uses a temporary directory instead (astral-sh/uv crates/uv-cache/src/
// cli.rs); `apt-get clean` clears /var/cache/apt/archives (apt-get(8)). A cache mount keeps the cache out of the image
// (`RUN --mount=type=cache,target=…`, docs.docker.com/reference/dockerfile/#run---mounttypecache).
import type { RuleInput, RuleVariant } from '../../schema.js';

/** What a GitHub-hosted runner can give up: preinstalled toolchains a Docker build does not use, and unused images. */
const hostedRunnerCleanUp = [
  '```sh',
  'sudo rm -rf /opt/hostedtoolcache /usr/share/dotnet /usr/local/lib/android /opt/ghc',
  'docker system prune --all --force',
  'df -h /',
  '```',
  '',
  '(`/opt/hostedtoolcache` holds the versions `actions/setup-*` steps use: clean up before them, and they download what they need.)',
  '',
];

const ghCleanUp = [
  'Free the runner\'s disk before the build (large preinstalled toolchains a Docker build does not use):',
  '',
  ...hostedRunnerCleanUp,
];

const prune = [
  'Free the builder\'s disk: build cache and unused images first, then check what is left:',
  '',
  '```sh',
  'docker builder prune --all --force',
  'docker system prune --all --force',
  'df -h /var/lib/docker',
  '```',
];

const pruneContainerBuilder = [
  'Free the disk of the builder: the cache of the BuildKit container (the selected buildx builder), unused images, then',
  'check what is left:',
  '',
  '```sh',
  'docker buildx prune --all --force',
  'docker system prune --all --force',
  'df -h /var/lib/docker',
  '```',
];

/** A GitHub Actions job whose runner the log does not name: the clean-up for each kind, labelled. */
const actionsCleanUp = [
  'The build ran in GitHub Actions (docker/build-push-action); the log does not show which runner. On a GitHub-hosted',
  "runner (`runs-on: ubuntu-…`) the VM is fresh, so there is little cache to prune: free its preinstalled toolchains in a",
  '`run:` step before the build:',
  '',
  ...hostedRunnerCleanUp,
  'On a self-hosted runner, prune what earlier jobs left: `docker buildx prune --all --force` (the builder\'s cache) and',
  '`docker system prune --all --force`, then `df -h /var/lib/docker`.',
  '',
];

/** Several platforms in one build: each holds its own copy of the base image and layers. */
const perPlatform = [
  'This build makes {enrich.platforms} at once, and each platform keeps its own base image and layers on the same disk. In',
  'GitHub Actions, build each platform in its own job (a matrix with one platform per job, each pushed by digest) and join them',
  'with `docker buildx imagetools create` in a last job: https://docs.docker.com/build/ci/github-actions/multi-platform/#distribute-build-across-multiple-runners',
  '',
];

/** A container builder where the log does not name the machine: its own prune, and the hosted-runner clean-up labelled. */
const containerBuilderAnywhere = [
  'On a machine that has built before (your own, a self-hosted runner), free the disk of the builder: the cache of the BuildKit',
  'container (the selected buildx builder), unused images, then check what is left:',
  ...pruneContainerBuilder.slice(2),
  '',
  'In CI on a GitHub-hosted runner (a fresh VM per job, so there is little to prune), free its preinstalled toolchains in a ' +
    '`run:` step before the build instead:',
  '',
  ...hostedRunnerCleanUp,
];

const slimLayers = [
  "Then keep the image small: pip's `--no-cache-dir`, `rm -rf /var/lib/apt/lists/*` in the same `RUN` as",
  '`apt-get install`, build in a `-devel` stage and copy only the results into a runtime stage. Cache mounts',
  '(`RUN --mount=type=cache,target=/root/.cache/pip`) keep caches out of the image, but still use builder disk.',
];

/** An option for a layer of CUDA torch: the CPU-only wheels, for an image that never runs on a GPU. */
const cpuTorch = [
  '',
  'The layer that did not fit holds CUDA torch (`libtorch_cuda.so`). If this image never runs on a GPU, torch from',
  "PyTorch's CPU-only index leaves the CUDA libraries out and is far smaller:",
  '',
  '```sh',
  '{enrich.cpuTorchInstall}',
  '```',
  '',
  'torchvision and torchaudio come from the same index (PyTorch\'s install page, Compute Platform "CPU":',
  'https://pytorch.org/get-started/locally/).',
];

/** A pull on a machine the log does not name: check the data-root's disk; prune only when other images hold it; else grow or move it. */
const pullDisk = [
  "Docker keeps pulled layers under its data-root: find it and how much of its disk is free:",
  '',
  '```sh',
  "df -h \"$(docker info -f '{{{{.DockerRootDir}}}}')\"",
  'docker system df',
  '```',
  "If old images and build cache take the space, `docker system prune --all --force` frees it. On a fresh machine there",
  'is nothing to prune: the disk is smaller than the image. Give that disk more space (a larger root volume on a cloud',
  'instance), or move the data-root to a larger disk: stop Docker, set `"data-root"` in `/etc/docker/daemon.json`, start',
  'it again:',
  '',
  '```json',
  '{{ "data-root": "/mnt/docker-data" }}',
  '```',
];

const basePull = [
  'The base image is as large as it is: slimming later layers does not help. Free disk where the builder stores',
  'images, or build on a machine with a larger disk.',
];

// pip builds an sdist in an isolated environment with its own copy of the build requirements (pip's "Build System
// Interface": build isolation); `--no-build-isolation` uses what is installed instead, so those requirements must be
// installed first (pip install reference, `--no-build-isolation`). Project-MONAI/tutorials#2044: the isolated
// environment pulled CUDA torch and its nvidia-* wheels onto a full hosted runner.
const buildIsolationTorch = [
  'The space went to pip\'s isolated build environment: a package built from source asked for torch, and pip installed',
  'CUDA torch with its `nvidia-*` wheels (gigabytes) into a temporary environment just to build it. Install torch and the package\'s other',
  'build requirements (its `pyproject.toml`, `[build-system] requires`) first, then run the same `pip install` with',
  '`--no-build-isolation --no-cache-dir`: the build then uses the torch already installed.',
];

/** Where the log does not show the machine: the prune for one that built before, the hosted-runner clean-up labelled. */
const defaultFix = [
  'On a machine that has built before (your own, a self-hosted runner), free the builder\'s disk: build cache and unused ' +
    'images first, then check what is left:',
  ...prune.slice(1),
  '',
  'In CI on a GitHub-hosted runner (a fresh VM per job, so there is little to prune), free its preinstalled toolchains in a ' +
    '`run:` step before the build instead:',
  '',
  ...hostedRunnerCleanUp,
  ...slimLayers,
];

// A job with `container:` (GitHub Actions, `jobs.<job_id>.container`: "a container to run any steps in a job", docs.github.com,
// "Running jobs in a container") gets its image pulled by the runner's own `Initialize containers` step, generated by GitHub
// Actions before the job's steps (github community discussion #25975), so no `run:` step of that job can free the disk first.
// ameli/manylinux-cuda#2 (a CUDA manylinux image in `container:` on `ubuntu-latest`, `failed to register layer: … no space left
// on device`): the maintainer freed the runner (`rm -rf /opt/hostedtoolcache`) and ran the container from a step after that. The
// job's steps then run on the runner (bash by default, not the container's sh), the container started by `docker run` with the
// workspace mounted (`-v "$PWD:$PWD" -w "$PWD"`), which is what `container:` did for them.
const JOB_CONTAINER_MESSAGE =
  'The disk filled up while the runner pulled the image of the job\'s `container:`: that pull happens in the runner\'s own ' +
  '`Initialize containers` step, before any step of the job, so a clean-up step in that job runs too late. On a GitHub-hosted runner ' +
  'the preinstalled toolchains leave too little free disk for a large CUDA image.';

function jobContainerFix(image: string): string {
  return [
    'Drop `container:` from the job: free the runner\'s disk in a first step, then pull and run the image from a step, with the ' +
      'workspace mounted (keep your own commands in the last `run:`):',
    '',
    '```yaml',
    'runs-on: ubuntu-latest',
    'steps:',
    '  - name: Free disk space',
    '    run: |',
    '      sudo rm -rf /opt/hostedtoolcache /usr/share/dotnet /usr/local/lib/android /opt/ghc',
    '      df -h /',
    '  - uses: actions/checkout@v4',
    '  - name: Build in the container',
    `    run: docker run --rm -v "$PWD:$PWD" -w "$PWD" ${image} bash -c './your-build-commands'`,
    '```',
    '',
    'On a self-hosted runner the same pull needs the disk of Docker\'s data-root: `df -h "$(docker info -f \'{{{{.DockerRootDir}}}}\')"` ' +
      'there, and `docker system prune --all --force` when old images hold it.',
  ].join('\n');
}

/** What keeps each cache out of the layer: the option, in the same RUN, or a cache mount. */
const cacheTools: readonly { context: string; tool: string; fix: string[] }[] = [
  {
    context: 'cachePip',
    tool: "pip's download cache",
    fix: [
      'Install without the cache, in the `RUN` that filled it (`pip install --no-cache-dir …`), or keep the cache on a cache mount,',
      'outside the image:',
      '',
      '```dockerfile',
      'RUN --mount=type=cache,target={context.cachePip.dir} pip install …',
      '```',
    ],
  },
  {
    context: 'cacheUv',
    tool: "uv's cache",
    fix: [
      'Install without the cache, in the `RUN` that filled it (`uv pip install --no-cache …`, or `ENV UV_NO_CACHE=1`), or keep the',
      'cache on a cache mount, outside the image:',
      '',
      '```dockerfile',
      'RUN --mount=type=cache,target={context.cacheUv.dir} uv pip install …',
      '```',
    ],
  },
  {
    context: 'cacheApt',
    tool: "apt's package cache",
    fix: [
      'End the `RUN` that installs with `apt-get clean && rm -rf /var/lib/apt/lists/*`, so the downloaded packages do not stay',
      'in its layer:',
      '',
      '```dockerfile',
      'RUN apt-get update && apt-get install -y --no-install-recommends … && apt-get clean && rm -rf /var/lib/apt/lists/*',
      '```',
    ],
  },
];

const cacheLayerVariants: RuleVariant[] = cacheTools.flatMap(({ context, tool, fix }) => {
  const message = (disk: string): string =>
    `${disk} filled up while the builder registered a layer that holds ${tool} (\`{context.${context}.dir}\`): most often the layer of a ` +
    "`RUN` of this build that left its downloads in the image, larger than what it installed, which did not fit in the space left " +
    '(a base image that ships such a cache fails the same way while it is pulled: then only freeing space helps).';
  return [
    { when: `${context}&fact.runner=github-hosted`, message: message("The runner's disk"), fix: [...fix, '', ...ghCleanUp].join('\n') },
    { when: `${context}&fact.runner=github-actions`, message: message('The disk'), fix: [...fix, '', ...actionsCleanUp].join('\n') },
    {
      when: context,
      message: message('The disk'),
      fix: [...fix, '', ...defaultFix.slice(0, defaultFix.length - slimLayers.length)].join('\n'),
    },
  ];
});

export const diskFull: RuleInput = {
  id: 'resources/disk-full',
  title: 'No space left on device',
  severity: 'error',
  match: [
    {
      // `[Errno 28] No space left on device`, `write /var/lib/docker/…: no space left on device`
      literals: ['no space left on device'],
      ignoreCase: true,
      pattern: '(?:(?:write|mkdir|open|copy|create) (?<path>/[^\\s:]{1,300}): )?no space left on device',
    },
    // apt: `E: You don't have enough free space in /var/cache/apt/archives/.`
    { literals: ["You don't have enough free space in"] },
    { literals: ['There is not enough space on the disk'] },
  ],
  context: [
    // Pulling / unpacking the base image: `failed to register layer`, `failed to extract layer`, or the FROM step itself.
    // `write /var/lib/docker/tmp/GetImageBlob403717976: no space left on device`: a layer being downloaded by the daemon.
    { name: 'pull', literals: ['failed to register layer', 'failed to extract layer', 'extracting sha256:', 'failed to unpack image', '/tmp/GetImageBlob'] },
    { name: 'fromStep', source: 'instruction', literals: ['FROM ', 'load metadata for'], pattern: '^(?:FROM|load metadata for)\\s' },
    { name: 'export', literals: ['failed to export layers', 'exporting to image', 'exporting layers'] },
    // buildx loading a container builder's image into Docker (`--load`, the internal step `importing to docker`): Docker
    // unpacks the tarball's OCI layout, `Error processing tar file(exit status 1): write /blobs/sha256/…` (docker/buildx#1927)
    { name: 'loadStep', literals: ['write /blobs/sha256/'] },
    // `write /var/lib/buildkit/runc-overlayfs/content/ingest/…/data: no space left on device`
    { name: 'containerBuilder', literals: ['/var/lib/buildkit/'] },
    // `write /opt/conda/lib/python3.9/site-packages/torch/lib/libtorch_cuda.so: no space left on device`
    { name: 'cudaTorch', literals: ['/torch/lib/libtorch_cuda'] },
    // A GitHub Actions job that runs in a container (JOB_CONTAINER below): the runner's own step, or the workflow's
    // `container:` key pasted with the error (`    container:` then `      image: sameli/manylinux2014_x86_64_cuda_11`).
    { name: 'jobContainer', literals: ['Initialize containers', 'container:'], pattern: '^\\s{0,20}(?:##\\[group\\])?Initialize containers\\s*$|^\\s{0,20}container:\\s*$' },
    // pip's isolated build environment installing torch (`Installing collected packages: …, torch` in the output of
    // `× pip subprocess to install build dependencies did not run successfully.`)
    { name: 'buildDeps', literals: ['to install build dependencies did not run successfully'] },
    { name: 'buildDepsTorch', literals: ['Installing collected packages: '], pattern: '^\\s{0,20}Installing collected packages: (?:[^\\n]{0,20000}, )?torch(?:,|$)' },
    // the compiler's own temporary files: nvcc's `/tmp/tmpxft_00002208_00000000-8_….cpp4.ii`, gcc's `error writing to /tmp/cc2mYx0T.s`
    { name: 'compilerTemp', literals: ['/tmp/tmpxft_', 'error writing to /tmp/'] },
    // The failed write under a package manager's cache (see cacheTools), in root's or a user's home:
    // `write /root/.cache/pip/http-v2/…: no space left on device`.
    {
      name: 'cachePip',
      literals: ['/.cache/pip/'],
      pattern: '(?<path>(?<dir>/(?:root|home/[\\w.-]{1,64})/\\.cache/pip)/[^\\s:]{1,300}): no space left on device',
    },
    { name: 'cacheUv', literals: ['/.cache/uv/'], pattern: '(?<path>(?<dir>/(?:root|home/[\\w.-]{1,64})/\\.cache/uv)/[^\\s:]{1,300}): no space left on device' },
    { name: 'cacheApt', literals: ['/var/cache/apt/'], pattern: '(?<path>(?<dir>/var/cache/apt)/[^\\s:]{1,300}): no space left on device' },
    { name: 'jobImage', literals: ['image:'], pattern: '^\\s{2,30}image:\\s{1,10}["\']?(?<image>[\\w.\\/:@-]{1,200})["\']?\\s*$' },
  ],
  // NCCL's `Call to posix_fallocate failed: No space left on device` before `Error while creating shared memory segment …`
  // is /dev/shm (64 MB in a container), not the disk: runtime/nccl-shm-too-small (NVIDIA/nccl#342, pytorch/pytorch#40622).
  unless: [{ literals: ['Error while creating shared memory segment'] }],
  message: 'The disk the builder writes to filled up while this step ran: CUDA images, PyTorch wheels and the build cache take tens of gigabytes.',
  variants: [
    // Before the pull variants: `failed to register layer` is also what a build layer's registration prints.
    ...cacheLayerVariants,
    {
      when: 'pull&jobContainer&jobImage',
      message: JOB_CONTAINER_MESSAGE,
      fix: jobContainerFix('{context.jobImage.image}'),
    },
    {
      when: 'pull&jobContainer',
      message: JOB_CONTAINER_MESSAGE,
      fix: jobContainerFix('<the image of container:>'),
    },
    {
      when: 'pull&fact.runner=github-hosted',
      message: 'The runner\'s disk filled up while Docker pulled and unpacked {fact.baseImage|the base image}: the image does not fit in the space left.',
      fix: [...ghCleanUp, ...basePull].join('\n'),
    },
    {
      when: 'fromStep&fact.runner=github-hosted',
      message: 'The runner\'s disk filled up while Docker pulled and unpacked {fact.baseImage|the base image}: the image does not fit in the space left.',
      fix: [...ghCleanUp, ...basePull].join('\n'),
    },
    {
      when: 'pull&fact.runner=github-actions',
      message: 'The disk filled up while Docker pulled and unpacked {fact.baseImage|the base image}: the image does not fit in the space left.',
      fix: [...actionsCleanUp, ...basePull].join('\n'),
    },
    {
      when: 'fromStep&fact.runner=github-actions',
      message: 'The disk filled up while Docker pulled and unpacked {fact.baseImage|the base image}: the image does not fit in the space left.',
      fix: [...actionsCleanUp, ...basePull].join('\n'),
    },
    {
      when: 'pull',
      message: 'The disk filled up while Docker pulled and unpacked {fact.baseImage|the image}: the image does not fit in the space left on the disk that holds Docker\'s data.',
      fix: [...pullDisk, 'The image is as large as it is: slimming later layers of a Dockerfile does not help.'].join('\n'),
    },
    {
      when: 'fromStep',
      message: 'The disk filled up while Docker pulled and unpacked {fact.baseImage|the base image}: the image does not fit in the space left on the disk that holds Docker\'s data.',
      fix: [...pullDisk, 'The image is as large as it is: slimming later layers of a Dockerfile does not help.'].join('\n'),
    },
    // Before the single-platform hosted variant, whose conditions it holds: listed after it, it could never fire.
    {
      when: 'containerBuilder&enrich.platforms&fact.runner=github-hosted',
      message:
        "The runner's disk filled up under /var/lib/buildkit, the state of a BuildKit builder that runs in a container: this " +
        'multi-platform build keeps the base image and layers of each platform ({enrich.platforms}) there at once.',
      fix: [...perPlatform, ...ghCleanUp, ...slimLayers].join('\n'),
    },
    {
      when: 'containerBuilder&fact.runner=github-hosted',
      message:
        "The runner's disk filled up under /var/lib/buildkit, the state of a BuildKit builder that runs in a container (buildx's " +
        'docker-container driver, the one docker/setup-buildx-action creates): its build cache and this build\'s layers take the space.',
      fix: [...ghCleanUp, 'docker buildx prune --all --force frees the builder\'s own cache when it is not a fresh one.', '', ...slimLayers].join('\n'),
    },
    {
      when: 'loadStep',
      message:
        'The disk filled up while buildx loaded the finished image into Docker (`--load`, the step `importing to docker`): the ' +
        "image is written again into Docker's own store, beside the builder's copy.",
      fix: [...pruneContainerBuilder, ...slimLayers].join('\n'),
    },
    {
      when: 'containerBuilder&enrich.platforms',
      message:
        'The disk filled up under /var/lib/buildkit, the state of a BuildKit builder that runs in a container (buildx\'s ' +
        'docker-container driver): this multi-platform build keeps the base image and layers of each platform ({enrich.platforms}) there at once.',
      fix: [...perPlatform, ...containerBuilderAnywhere, ...slimLayers].join('\n'),
    },
    {
      when: 'containerBuilder&fact.runner=github-actions',
      message:
        'The disk filled up under /var/lib/buildkit, the state of a BuildKit builder that runs in a container (buildx\'s ' +
        'docker-container driver): its build cache and this build\'s layers take the space.',
      fix: [...actionsCleanUp, ...slimLayers].join('\n'),
    },
    {
      when: 'containerBuilder',
      message:
        'The disk filled up under /var/lib/buildkit, the state of a BuildKit builder that runs in a container (buildx\'s ' +
        'docker-container driver): its build cache and this build\'s layers take the space.',
      fix: [...containerBuilderAnywhere, ...slimLayers].join('\n'),
    },
    {
      when: 'export&fact.runner=github-hosted',
      message: 'The runner\'s disk filled up while BuildKit exported the finished image: the layers were written once more for the export.',
      fix: [...ghCleanUp, ...slimLayers].join('\n'),
    },
    {
      when: 'export&fact.runner=github-actions',
      message: 'The disk filled up while BuildKit exported the finished image: the layers were written once more for the export.',
      fix: [...actionsCleanUp, ...slimLayers].join('\n'),
    },
    {
      when: 'export',
      message: 'The disk filled up while BuildKit exported the finished image: the layers were written once more for the export.',
      fix: [...prune, ...slimLayers].join('\n'),
    },
    {
      when: 'cudaTorch&fact.runner=github-actions',
      message: 'The disk the builder writes to filled up while it wrote a layer of CUDA torch: its CUDA libraries take gigabytes.',
      fix: [...actionsCleanUp, ...slimLayers, ...cpuTorch].join('\n'),
    },
    {
      when: 'cudaTorch&fact.runner=github-hosted',
      message: 'The runner\'s disk filled up while it wrote a layer of CUDA torch: its CUDA libraries take gigabytes.',
      fix: [...ghCleanUp, ...slimLayers, ...cpuTorch].join('\n'),
    },
    {
      when: 'cudaTorch',
      message: 'The disk the builder writes to filled up while it wrote a layer of CUDA torch: its CUDA libraries take gigabytes.',
      fix: [...defaultFix, ...cpuTorch].join('\n'),
    },
    {
      when: 'buildDeps&buildDepsTorch&fact.runner=github-hosted',
      message: "The runner's disk filled up while pip installed a package's build requirements, CUDA torch among them, in an isolated environment.",
      fix: [...buildIsolationTorch, '', ...ghCleanUp].join('\n'),
    },
    {
      when: 'buildDeps&buildDepsTorch',
      message: 'The disk filled up while pip installed a package\'s build requirements, CUDA torch among them, in an isolated environment.',
      fix: [...buildIsolationTorch, '', ...defaultFix].join('\n'),
    },
    {
      when: 'fact.runner=github-actions',
      message: 'The disk the builder writes to filled up while this step ran: CUDA images, PyTorch wheels and the build cache take tens of gigabytes.',
      fix: [...actionsCleanUp, ...slimLayers].join('\n'),
    },
    {
      when: 'fact.runner=github-hosted',
      message: 'The runner\'s disk filled up while this step wrote to it: CUDA images, PyTorch wheels and the build cache take tens of gigabytes.',
      fix: [...ghCleanUp, ...slimLayers].join('\n'),
    },
    // The compiler's temporary files under /tmp filled the disk (floydhub/dl-docker#21: nvcc's `/tmp/tmpxft_…` in a docker build
    // of a GPU image, the host's disk 15% used). /tmp is the filesystem of wherever the compile runs: in a container, its own
    // writable layer in Docker's storage, which devicemapper caps per container at dm.basesize, 10 GB by default (dockerd
    // "Storage driver options"; moby daemon/graphdriver/devmapper README), so the host's `/` can have room. gcc writes its
    // temporary files under TMPDIR (GCC manual, "Environment Variables Affecting GCC"), and so does nvcc (kokkos/kokkos#6315:
    // its nvcc_wrapper sets TMPDIR for nvcc).
    {
      when: 'compilerTemp',
      message:
        'The disk filled up while the compiler wrote its temporary files under /tmp (`/tmp/tmpxft_…` are nvcc\'s): that is the filesystem of ' +
        'wherever the compile runs, and in a container its own writable layer, which can be full while the host\'s disk has room.',
      fix: [
        'See which filesystem filled, in the same place as the build (the same `RUN`, container or shell):',
        '',
        '```sh',
        'df -h /tmp .',
        '```',
        '',
        "In a container (a `docker build` step, `docker run`) the space is Docker's, not the host's `/`: `docker system df` shows what it holds " +
          'and `docker info` its storage driver and `Docker Root Dir`. Free it (`docker builder prune --all --force`, `docker system prune --all --force`) ' +
          "or move Docker's `data-root` to a bigger disk. With the devicemapper driver each container is capped at `dm.basesize` (10 GB by default; " +
          "`docker info` prints it as `Base Device Size`): raise it in the daemon's `storage-opts`.",
        '',
        'Outside a container, or with a bigger volume mounted into it, point the compilers\' temporary files there: nvcc and gcc write them under `TMPDIR`:',
        '',
        '```sh',
        'mkdir -p /path/with/room/tmp && export TMPDIR=/path/with/room/tmp',
        '```',
      ].join('\n'),
    },
  ],
  fix: defaultFix.join('\n'),
  enrich: ['cpu-torch', 'build-platforms'],
  docs: 'https://docs.docker.com/build/cache/garbage-collection/',
};
