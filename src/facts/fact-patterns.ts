// Where each fact shows in a real log: the line shapes of nvcc, CMake, pip, uv, apt, NVIDIA's
// images and GitHub's runners, as data. Each pattern has literals for the one prefilter scan per
// line, and a linear-time regex run only on lines that hold a literal (checked in tests).
import type { FactName } from './types.js';
import { imageFacts } from './image-facts.js';
import { releaseOfCodename } from './release-codenames.js';

export interface FactPattern {
  /** Substrings one of which a matching line holds (case-sensitive). */
  literals: readonly string[];
  regex: RegExp;
  /** Where to look: step output and unframed text, the steps' instructions, or both. */
  on: 'output' | 'instruction' | 'both';
  source: string;
  /** The facts a match proves. An empty list: the match proves nothing after all. */
  read: (groups: Readonly<Record<string, string | undefined>>) => [FactName, string][];
}

/** `12.4.131` → `12.4`. */
function majorMinor(version: string | undefined): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})/.exec(version ?? '');
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}

function one(name: FactName, value: string | null | undefined): [FactName, string][] {
  return value ? [[name, value]] : [];
}

/** dpkg architecture names → the platform a build names. */
const platformOfDebArch: Readonly<Record<string, string>> = {
  amd64: 'linux/amd64',
  arm64: 'linux/arm64',
  armhf: 'linux/arm/v7',
  ppc64el: 'linux/ppc64le',
  s390x: 'linux/s390x',
  i386: 'linux/386',
};

const torchPackages = new Set(['torch', 'torchvision', 'torchaudio']);

/** `torch-2.3.1+cu121` / `torch==2.3.1` / `torch (2.3.1)` tokens → facts, with the wheel's CUDA tag. */
function torchFacts(pkg: string | undefined, version: string | undefined): [FactName, string][] {
  if (pkg === undefined || version === undefined || !torchPackages.has(pkg)) return [];
  const v = version.replace(/%2B/gi, '+');
  const out: [FactName, string][] = [[pkg as FactName, v]];
  const local = /\+(cu\d{2,3}|cpu|rocm[\d.]+)$/.exec(v)?.[1];
  if (pkg === 'torch' && local) out.push(['torchCuda', local]);
  return out;
}

export const factPatterns: readonly FactPattern[] = [
  // ---- CUDA toolkit that compiled -------------------------------------------------------------
  {
    // nvcc --version: `Cuda compilation tools, release 12.4, V12.4.131`
    literals: ['Cuda compilation tools, release'],
    regex: /Cuda compilation tools, release (?<v>\d{1,2}\.\d{1,2})/,
    on: 'output',
    source: 'nvcc',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // A report's environment list naming nvcc's own version: `NVCC: 11.1.74` (flashlight/flashlight#213, below `CUDA: 11.1`).
    // Since CUDA 11 the toolkit's components are versioned on their own, but nvcc's major.minor is the toolkit's (the
    // "CUDA Toolkit Major Component Versions" tables: CUDA NVCC 11.2.142 in 11.2, 11.5.50 in 11.5, 11.8.89 in 11.8). Three
    // numbers only: a bare `CUDA: 11.1` may be the driver's CUDA (nvidia-smi's `CUDA Version:`), not a toolkit.
    literals: ['NVCC:', 'nvcc:'],
    regex: /^\s{0,8}(?:[-*]\s{1,4})?(?:NVCC|nvcc):\s{1,8}V?(?<v>\d{1,2}\.\d{1,2})\.\d{1,4}\s*$/,
    on: 'output',
    source: 'nvcc',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // A report's environment list naming nvcc's version in words: `- nvcc version: 12.4` (spiriMirror/libuipc#237, beside
    // `- Cuda version: 12.9`, which is the driver's). nvcc's major.minor is the toolkit's (as above); a bare `Cuda version:`
    // is not read, since nvidia-smi's `CUDA Version:` names the driver's newest CUDA, not a toolkit.
    literals: ['nvcc version:', 'NVCC version:'],
    regex: /^\s{0,8}(?:[-*]\s{1,4})?(?:NVCC|nvcc) version:\s{1,8}V?(?<v>\d{1,2}\.\d{1,2})(?:\.\d{1,4})?\s*$/,
    on: 'output',
    source: 'nvcc',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // CMake: `-- The CUDA compiler identification is NVIDIA 12.4.131`
    literals: ['CUDA compiler identification is NVIDIA'],
    regex: /CUDA compiler identification is NVIDIA (?<v>\d{1,2}\.\d{1,2})/,
    on: 'output',
    source: 'cmake',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // CMake: `-- Found CUDAToolkit: /usr/local/cuda/include (found version "12.1.105")`, `Found CUDA: /usr/local/cuda (found version "11.8")`
    literals: ['Found CUDAToolkit:', 'Found CUDA:'],
    regex: /Found CUDA(?:Toolkit)?: \S{1,300} \(found (?:suitable )?(?:exact )?version "(?<v>\d{1,2}\.\d{1,2})/,
    on: 'output',
    source: 'cmake',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // Torch7's cutorch (lib/THC/CMakeLists.txt: `MESSAGE(STATUS "got cuda version " ${CUDA_VERSION})`): `-- got cuda version 10.2`
    literals: ['got cuda version '],
    regex: /^-- got cuda version (?<v>\d{1,2}\.\d{1,2})/,
    on: 'output',
    source: 'cmake',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // torch.utils.cpp_extension: `The detected CUDA version (11.8) mismatches the version that was used to compile PyTorch (12.1).`
    literals: ['mismatches the version that was used to compile'],
    regex: /detected CUDA version \((?<v>\d{1,2}\.\d{1,2})\) mismatches the version that was used to compile\s{0,4}(?:PyTorch \((?<t>\d{1,2})\.(?<tm>\d{1,2})\))?/,
    on: 'output',
    source: 'torch-extension',
    read: (g) => [...one('cuda', majorMinor(g.v)), ...one('torchCuda', g.t !== undefined ? `cu${g.t}${g.tm}` : null)],
  },
  {
    // The same error wrapped at the terminal's width: `PyTorch (11.8). Please make sure to use the same CUDA versions.`
    literals: ['Please make sure to use the same CUDA versions'],
    regex: /PyTorch \((?<t>\d{1,2})\.(?<tm>\d{1,2})\)\. Please make sure to use the same CUDA versions/,
    on: 'output',
    source: 'torch-extension',
    read: (g) => one('torchCuda', `cu${g.t}${g.tm}`),
  },
  {
    // NVIDIA's container start-up banner names the image's toolkit: `CUDA Version 12.4.1`. (nvidia-smi's
    // `CUDA Version: 12.6` has a colon and names the driver's newest supported CUDA, not a toolkit.)
    literals: ['CUDA Version '],
    regex: /^CUDA Version (?<v>\d{1,2}\.\d{1,2})\.\d{1,3}$/,
    on: 'output',
    source: 'image-banner',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // NVIDIA images' environment, printed by `env` or set in the Dockerfile: `CUDA_VERSION=12.4.1`, `ENV CUDA_VERSION 11.8.0`
    literals: ['CUDA_VERSION'],
    regex: /\bCUDA_VERSION[= ](?<v>\d{1,2}\.\d{1,2})/,
    on: 'both',
    source: 'environment',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // `/usr/local/cuda-11.7/bin/nvcc`, `CUDA_HOME=/usr/local/cuda-12.1`. Not on a compile command run by the distribution's
    // `/usr/bin/nvcc`: there the path is an include directory (`-isystem /usr/local/cuda-12.3/targets/x86_64-linux/include`,
    // colmap/colmap#2472; ninja's `[4/5] /usr/bin/nvcc …` form too, ServerlessLLM's build log), and the release that compiled
    // is /usr/bin/nvcc's own (cuda/distro-nvcc-shadows-toolkit).
    literals: ['/usr/local/cuda-'],
    regex: /^(?!\s{0,8}(?:\[\d{1,6}\/\d{1,6}\] )?\/usr\/bin\/nvcc\s).*?\/usr\/local\/cuda-(?<v>\d{1,2}\.\d{1,2})(?![\d.])/,
    on: 'both',
    source: 'path',
    read: (g) => one('cuda', majorMinor(g.v)),
  },
  {
    // NVIDIA's apt packages carry the version: `Setting up cuda-nvcc-12-4 (12.4.131-1) ...`, `apt-get install cuda-cupti-11-7`.
    // Not apt's own errors: `E: Unable to locate package cuda-cupti-12-4` proves the package is not there.
    literals: ['cuda-'],
    regex: /^(?!E: )(?:.{0,400}?[\s=])?(?<name>cuda-[a-z0-9-]{3,80})(?=[\s:=]|$)/,
    on: 'both',
    source: 'apt-package',
    read: (g) => {
      // The version is the name's last two numbers: `cuda-nvcc-12-4`, `cuda-11-7`.
      const m = /-(\d{1,2})-(\d{1,2})$/.exec(g.name ?? '');
      return m ? one('cuda', `${Number(m[1])}.${Number(m[2])}`) : [];
    },
  },
  {
    // An nvidia/cuda image named in a pasted report or command, not as a FROM: `Docker environment,
    // nvidia/cuda:11.8.0-devel-ubuntu22.04`, `docker run --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi`.
    // Its tag spells the toolkit's version (nvidia-images.ts); which stage or command used it is not known, so the
    // base image is not set from it. Nor is the CUDA of one run only for `nvidia-smi` (`nvidia-docker run nvidia/cuda:9.0-base
    // nvidia-smi`): that run checks the host's driver, and a report pastes it beside the command that failed, whose image
    // is another; when the check itself is refused, the toolkit's error names the CUDA it asked for
    // (`unsatisfied condition: cuda>=9.2`).
    literals: ['nvidia/cuda:'],
    regex: /(?:^|[\s,(="'])(?:docker\.io\/)?nvidia\/cuda:(?<tag>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?-[a-z0-9.-]{1,60})(?![a-z0-9.-]|\s{1,10}nvidia-smi\b)/,
    on: 'output',
    source: 'image-mention',
    read: (g) => imageFacts(`nvidia/cuda:${g.tag ?? ''}`).filter(([name]) => name === 'cuda' || name === 'cudnn' || name === 'os'),
  },
  {
    // An NGC PyTorch image named in a report (`When building from source in \`nvcr.io/nvidia/pytorch:25.08-py3\` container`):
    // the month's CUDA where ngc-pytorch-cuda.ts lists it. Not the base image: which stage used it is not known.
    literals: ['nvcr.io/nvidia/pytorch:'],
    regex: /(?:^|[\s,(="'`])nvcr\.io\/nvidia\/pytorch:(?<tag>\d{2}\.\d{2}-py3)\b/,
    on: 'output',
    source: 'image-mention',
    read: (g) => imageFacts(`nvcr.io/nvidia/pytorch:${g.tag ?? ''}`),
  },
  // ---- base images -----------------------------------------------------------------------------
  {
    // BuildKit's step `FROM docker.io/nvidia/cuda:12.4.1-devel-ubuntu22.04@sha256:…`, classic `FROM nvidia/cuda:…`
    literals: ['FROM ', 'from '],
    regex: /^(?:FROM|from)\s+(?:--platform=\S{1,100}\s+)?(?<ref>[^\s@$]{1,300})/,
    on: 'instruction',
    source: 'from',
    read: (g) => one('baseImage', imageName(g.ref)),
  },
  {
    // A Dockerfile's FROM line pasted with the output (`FROM nvcr.io/nvidia/cuda:11.8.0-devel-ubuntu20.04` under "base image",
    // hpcaitech/ColossalAI#5732): the whole line, upper-case as Dockerfiles write it, so prose that says "from" is not read.
    literals: ['FROM '],
    regex: /^FROM\s+(?:--platform=\S{1,100}\s+)?(?<ref>[a-z0-9][^\s@$]{0,300})(?:\s+(?:AS|as)\s+[\w.-]{1,100})?\s*$/,
    on: 'output',
    source: 'dockerfile-paste',
    read: (g) => one('baseImage', imageName(g.ref)),
  },
  {
    // `[internal] load metadata for docker.io/nvidia/cuda:12.4.1-devel-ubuntu22.04`
    literals: ['load metadata for '],
    regex: /load metadata for (?<ref>[^\s@$]{1,300})/,
    on: 'instruction',
    source: 'load-metadata',
    read: (g) => one('baseImage', imageName(g.ref)),
  },
  // ---- Python, installers, torch ---------------------------------------------------------------
  {
    // A wheel's file name: `torch-2.3.1+cu121-cp310-cp310-linux_x86_64.whl`, `torch-2.3.1%2Bcu121-cp310-…`, and the
    // nightlies' PEP 440 dev release: `whl/nightly/cu117/torch-2.0.0.dev20230128%2Bcu117-cp310-…`
    literals: ['torch-', 'torchvision-', 'torchaudio-'],
    regex: /(?:^|[\s/=(])(?<pkg>torch(?:vision|audio)?)-(?<v>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?(?:\.dev\d{1,10}|(?:a|b|rc)\d{1,4})?(?:(?:\+|%2B)[a-z0-9.]{1,20})?)-cp(?<py>3\d{1,2})-/,
    on: 'output',
    source: 'wheel',
    read: (g) => [...torchFacts(g.pkg, g.v), ...one('python', g.py ? `3.${g.py.slice(1)}` : null)],
  },
  {
    // Any CPython wheel with the interpreter's own ABI: `…-cp310-cp310-manylinux…` (not `cp38-abi3`)
    literals: ['-cp3'],
    regex: /-cp3(?<minor>\d{1,2})-cp3(?<abi>\d{1,2})m?-/,
    on: 'output',
    source: 'wheel',
    read: (g) => one('python', g.minor === g.abi ? `3.${g.minor}` : null),
  },
  {
    // pip: `Successfully installed pip-24.0 torch-2.3.1+cu121 torchvision-0.18.1`
    literals: ['Successfully installed '],
    regex: /Successfully installed (?<list>.{1,4000})/,
    on: 'output',
    source: 'pip-installed',
    read: (g) => {
      const out: [FactName, string][] = [];
      for (const token of (g.list ?? '').split(/\s+/)) {
        // Only pip and torch's packages are facts, and a name is what starts its token: the others
        // (most of a long list) are passed over before the expression runs.
        if (!token.startsWith('pip-') && !token.startsWith('torch')) continue;
        const m = /^(?<pkg>[A-Za-z0-9_.-]{1,100})-(?<v>\d[^\s]{0,60})$/.exec(token);
        if (!m?.groups) continue;
        if (m.groups.pkg === 'pip') out.push(['pip', m.groups.v!]);
        else out.push(...torchFacts(m.groups.pkg, m.groups.v));
      }
      return out;
    },
  },
  {
    // pip: `Requirement already satisfied: torch in /usr/local/lib/python3.10/dist-packages (2.1.0a0+32f93b1)`
    literals: ['Requirement already satisfied: torch'],
    regex: /Requirement already satisfied: (?<pkg>torch(?:vision|audio)?)(?:[<>=!~][^\s]{0,60})? in \S{1,300} \((?<v>[^)\s]{1,60})\)/,
    on: 'output',
    source: 'pip-satisfied',
    read: (g) => torchFacts(g.pkg, g.v),
  },
  {
    // uv: ` + torch==2.3.1+cu121`
    literals: [' + torch'],
    regex: /^ \+ (?<pkg>torch(?:vision|audio)?)==(?<v>\S{1,60})$/,
    on: 'output',
    source: 'uv-installed',
    read: (g) => torchFacts(g.pkg, g.v),
  },
  {
    // The setup.py of flash-attn, causal-conv1d and mamba-ssm prints the torch it builds against, from the environment
    // that runs it (pip's isolated build environment unless `--no-build-isolation`): `torch.__version__  = 2.7.0+cpu`
    // (`print("\n\ntorch.__version__  = {}\n\n".format(torch.__version__))`, Dao-AILab/causal-conv1d setup.py).
    literals: ['torch.__version__'],
    regex: /^\s{0,20}torch\.__version__\s{1,4}=\s{1,4}(?<v>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?(?:[a-z]{1,5}\d{0,3})?(?:\+[\w.]{1,40})?)\s*$/,
    on: 'output',
    source: 'setup-py',
    read: (g) => torchFacts('torch', g.v),
  },
  {
    // Interpreter paths: `/usr/local/lib/python3.10/site-packages`, `/opt/conda/lib/python3.11/`
    literals: ['/python3.'],
    regex: /\/python3\.(?<minor>\d{1,2})\//,
    on: 'output',
    source: 'path',
    read: (g) => one('python', `3.${g.minor}`),
  },
  {
    // `python --version`: `Python 3.10.12`; uv: `Using Python 3.11.9 environment at: /usr/local`, `Using CPython 3.12.3 interpreter at: /usr/bin/python3`
    literals: ['Python 3.'],
    regex: /^(?:Using C?Python |Python )3\.(?<minor>\d{1,2})\.\d{1,3}(?:\s|$)/,
    on: 'output',
    source: 'python',
    read: (g) => one('python', `3.${g.minor}`),
  },
  {
    // `pip --version`: `pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)`
    literals: ['pip '],
    regex: /^pip (?<v>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?) from \S{1,300} \(python 3\.(?<minor>\d{1,2})\)/,
    on: 'output',
    source: 'pip',
    read: (g) => [...one('pip', g.v), ...one('python', `3.${g.minor}`)],
  },
  {
    // pip's upgrade notice names the running version: `[notice] A new release of pip is available: 23.0.1 -> 24.0`
    literals: ['A new release of pip'],
    regex: /A new release of pip(?: is)? available: (?<v>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?) -> /,
    on: 'output',
    source: 'pip',
    read: (g) => one('pip', g.v),
  },
  {
    // conda's own progress lines: `Collecting package metadata (repodata.json): done`, `Solving environment: failed`
    literals: ['Collecting package metadata', 'Solving environment:'],
    regex: /^(?:Collecting package metadata|Solving environment:)/,
    on: 'output',
    source: 'conda',
    read: () => [['installer', 'conda']],
  },
  // ---- distro, NVIDIA repository, platform -----------------------------------------------------
  {
    // apt: `Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease [270 kB]`, `Hit:2 http://deb.debian.org/debian bookworm-updates InRelease`
    literals: [' InRelease', ' Release'],
    regex: /\/(?:ubuntu|ubuntu-ports|debian)\/? (?<codename>[a-z]{3,12})(?:-updates|-security|-backports)? (?:InRelease|Release)\b/,
    on: 'output',
    source: 'apt',
    read: (g) => one('os', releaseOfCodename[g.codename ?? '']),
  },
  {
    // apt: `Get:4 http://archive.ubuntu.com/ubuntu jammy/main amd64 Packages [1,792 kB]`
    literals: [' Packages'],
    regex: /\/(?:main|universe|restricted|multiverse|contrib|non-free(?:-firmware)?) (?<arch>amd64|arm64|armhf|ppc64el|s390x|i386) Packages\b/,
    on: 'output',
    source: 'apt',
    read: (g) => one('platform', platformOfDebArch[g.arch ?? '']),
  },
  {
    // `https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1804/x86_64/ InRelease`
    literals: ['compute/cuda/repos/'],
    regex: /compute\/cuda\/repos\/(?<distro>[a-z]{3,10}\d{1,4})\/(?<arch>x86_64|sbsa|arm64|ppc64le|aarch64|cross-linux-sbsa)/,
    on: 'both',
    source: 'nvidia-repo',
    read: (g) => one('nvidiaRepo', `${g.distro}/${g.arch}`),
  },
  {
    // pip fetching an arm64 wheel runs on arm64 Linux: `Downloading torch-2.0.1-cp310-cp310-manylinux2014_aarch64.whl`,
    // `Using cached numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl` (the platform tags of
    // PEP 600 / PEP 599, `linux_aarch64` on PyTorch's index: pytorch/builder#1971). A wheel is fetched for the Python
    // that installs it, so its tag is that machine's.
    literals: ['_aarch64.whl'],
    regex: /(?:Downloading|Using cached|Saved|File was already downloaded) \S{0,300}-(?:manylinux\w{0,20}|linux)_aarch64\.whl\b/,
    on: 'output',
    source: 'wheel',
    read: () => [['platform', 'linux/arm64']],
  },
  {
    // setuptools compiling a C extension names the interpreter's platform in its build directories: `-o
    // build/temp.linux-aarch64-cpython-38/lib/zoneinfo_module.o`, `build/lib.linux-x86_64-cpython-312` (distutils'
    // build command: `plat_specifier = f".{self.plat_name}-{sys.implementation.cache_tag}"`, plat_name being
    // sysconfig.get_platform(), `linux-aarch64` on ARM64 Linux). A compile for the Python that installs is that machine's.
    literals: ['build/temp.linux-', 'build/lib.linux-'],
    regex: /\bbuild\/(?:temp|lib)\.linux-(?<machine>aarch64|x86_64)-/,
    on: 'output',
    source: 'setuptools-build-dir',
    read: (g) => [['platform', g.machine === 'aarch64' ? 'linux/arm64' : 'linux/amd64']],
  },
  {
    // uv's hint names the interpreter's platform tag: `hint: You're on Linux (`manylinux_2_39_aarch64`), but …`
    // (Lightricks/LTX-2#256; astral-sh/uv#14268 `manylinux_2_27_x86_64`; musl: `musllinux_1_2_x86_64`).
    literals: ["You're on Linux (`"],
    regex: /You're on Linux \(`(?:many|musl)linux_\d{1,2}_\d{1,3}_(?<machine>aarch64|x86_64)`\)/,
    on: 'output',
    source: 'uv-hint',
    read: (g) => [['platform', g.machine === 'aarch64' ? 'linux/arm64' : 'linux/amd64']],
  },
  {
    // uv's report names the interpreter's platform tag as its example of the tag no wheel matches: `dracopy==2.0.0 has no
    // wheels with a matching platform tag (e.g., `manylinux_2_36_aarch64`)` (seung-lab/DracoPy#64; the report wraps, so the
    // example may open its own line). The example is a tag of the interpreter uv installs for, not of a wheel: that thread's
    // build ran on an Apple-Silicon host (linux/arm64), and uv's hint on the same report lists the wheels' own tags apart.
    literals: ['(e.g., `manylinux_', '(e.g., `musllinux_'],
    regex: /\(e\.g\., `(?:many|musl)linux_\d{1,2}_\d{1,3}_(?<machine>aarch64|x86_64)`\)/,
    on: 'output',
    source: 'uv-hint',
    read: (g) => [['platform', g.machine === 'aarch64' ? 'linux/arm64' : 'linux/amd64']],
  },
  // ---- the build host --------------------------------------------------------------------------
  {
    // Docker before running a single-platform image of another platform than the host's: `WARNING: The requested image's
    // platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested`
    literals: ['does not match the detected host platform'],
    regex: /does not match the detected host platform \((?<host>[a-z0-9]{1,20}\/[\w/.-]{1,40})\)/,
    on: 'output',
    source: 'docker-warning',
    read: (g) => one('hostPlatform', g.host),
  },
  {
    // An NVIDIA Jetson's kernel, as `uname -a` prints it: `Linux jetson-0420719082691 4.9.108-tegra #2 SMP PREEMPT … aarch64
    // aarch64 aarch64 GNU/Linux` (NVIDIA/nvidia-docker#1519). L4T, the Jetsons' Linux, names its kernels `-tegra`; the machine
    // field says the architecture.
    literals: ['-tegra '],
    regex: /\b\d{1,2}\.\d{1,3}\.\d{1,4}-tegra\b.{0,200}\baarch64\b/,
    on: 'output',
    source: 'tegra-kernel',
    read: () => [['hostPlatform', 'linux/arm64']],
  },
  {
    // The reporter's own words around a pasted log, naming an Apple-Silicon Mac: `When building the docker image on Mac
    // M1 with command …`, `running on my Apple Silicon (M1) Mac`, `Apple M2 pip3 install …`. Docker Desktop there runs
    // its engine in an arm64 Linux VM, so a build without `--platform` is for linux/arm64 (docs.docker.com/desktop/
    // setup/install/mac-install/: "Mac with Apple silicon"; docs.docker.com/build/building/multi-platform/: a build
    // targets the host's platform by default). The chip is named, never guessed from "Mac" alone (Intel Macs are amd64).
    literals: ['M1', 'M2', 'M3', 'M4', 'Apple Silicon', 'Apple silicon', 'apple silicon'],
    regex: /\b(?:Mac(?:Book(?: Pro| Air)?|mini| Studio)? ?M[1-4]\b|M[1-4](?: Pro| Max| Ultra)? (?:Mac|MacBook|chip)\b|Apple M[1-4]\b|[Aa]pple [Ss]ilicon\b)/,
    on: 'output',
    source: 'apple-silicon',
    read: () => [['hostPlatform', 'linux/arm64']],
  },
  {
    // A Raspberry Pi's shell prompt, `(venv) pi@raspberrypi:~/dev/vscode-arm $ docker-compose up --build`: Raspberry Pi OS installs
    // with the hostname `raspberrypi` (a `hostnamectl` of one: `Static hostname: raspberrypi`, `Architecture: arm`).
    literals: ['@raspberrypi'],
    regex: /^(?:\([\w.-]{1,60}\) )?[a-z_][\w-]{0,31}@raspberrypi:\S{0,300} ?[$#] /,
    on: 'output',
    source: 'shell-prompt',
    read: () => [['hostPlatform', 'arm']],
  },
  {
    // The reporter's own words naming a Raspberry Pi as the machine: its OS with a release codename (`Platform used:
    // Raspbian Buster on Raspberry Pi 4b rev. 1.1`, jacksonliam/mjpg-streamer#228), or `on my Raspberry Pi`. Raspbian is
    // the Raspberry Pi's Debian port for armhf (raspbian.org). An image name is never read: `FROM resin/rpi-raspbian:stretch`
    // is a build FOR a Pi, often on an x86-64 host, and `to run on a Raspberry Pi` names a target, not the host.
    literals: ['Raspbian ', 'Raspberry Pi', 'RaspberryPi'],
    regex: /(?:^|[\s(:])(?:Raspbian (?:GNU\/Linux|Jessie|Stretch|Buster|Bullseye|Bookworm)\b|on my Raspberry ?Pi\b)/,
    on: 'output',
    source: 'raspberry-pi-prose',
    read: () => [['hostPlatform', 'arm']],
  },
  {
    // A Windows machine's own paths in the output: `C:\Users\Administrator\AppData\Local\Temp\pip-build-env-…` (pip's
    // build environment on Windows), `C:\Program Files\…`. A drive letter before one of Windows' own top folders, so a
    // Linux path never matches.
    literals: [':\\Users\\', ':\\Program Files', ':\\ProgramData\\', ':\\Windows\\'],
    regex: /(?:^|[\s'"(=])[A-Za-z]:\\(?:Users|Program Files(?: \(x86\))?|ProgramData|Windows)\\/,
    on: 'output',
    source: 'windows-path',
    read: () => [['hostOs', 'windows']],
  },
  {
    // A PowerShell prompt: `PS C:\Users\me\project> pip install mamba-ssm`.
    literals: ['PS '],
    regex: /^PS [A-Za-z]:\\[^>]{0,300}> /,
    on: 'output',
    source: 'shell-prompt',
    read: () => [['hostOs', 'windows']],
  },
  {
    // A `docker run` whose bind mount starts at a Windows drive (`docker run --gpus all -d -v f:/ai/ollama:/root/.ollama …`,
    // ollama/ollama#4279; `-v C:\\Users\\me\\data:/data`): the Docker CLI splits a `-v` value on its colons but keeps a drive
    // letter's (docker/cli, opts' volumeSplitN: "In Windows driver letter appears …"), and only Docker on Windows (Docker
    // Desktop) has such a source path. A Linux host path never starts with a letter and a colon.
    literals: ['-v ', '--volume'],
    regex: /\b(?:docker|podman)(?: container)? run\b[^\n]{0,500}?\s(?:-v|--volume)(?:=|\s{1,5})["']?[A-Za-z]:[\\/]/,
    on: 'output',
    source: 'windows-bind-mount',
    read: () => [['hostOs', 'windows']],
  },
  // ---- where it ran ----------------------------------------------------------------------------
  {
    // A Windows Python's own files in the output (`C:\Users\me\AppData\…\site-packages\torch\cuda\__init__.py`,
    // `…\python_embeded\Lib\site-packages\…`, `…\Scripts\pip.exe`, pip's `…\AppData\Local\Temp\pip-install-…`): the
    // command ran on a Windows host. A Linux image build prints its own paths; the Docker CLI on Windows names the build
    // context (`C:\Users\me\proj\Dockerfile`), never a Python package folder.
    literals: ['\\site-packages\\', '\\Scripts\\', '\\python.exe', '\\Temp\\pip-'],
    regex: /[A-Za-z]:\\[^\s'"]{0,300}?\\(?:site-packages\\|Scripts\\(?:python|pip)[\w.]{0,20}\.exe\b|python\.exe\b|Temp\\pip-(?:install|build-env|req-build)-)/i,
    on: 'output',
    source: 'windows-python-path',
    read: () => [['place', 'host-shell']],
  },
  {
    // A Dockerfile's `RUN` line pasted with the output it gave (`RUN pip3 uninstall -y llama-cpp-python \`, then
    // the error): the failing command ran in an image build. BuildKit's and the classic builder's own step lines never
    // start with `RUN` (`#8 [4/6] RUN …`, `Step 4/6 : RUN …`), so only a paste of the Dockerfile does.
    literals: ['RUN '],
    regex: /^RUN (?:--|[a-zA-Z/.$])/,
    on: 'output',
    source: 'dockerfile-paste',
    read: () => [['place', 'image-build']],
  },
  {
    // BuildKit's error box names the failed step ` > [stage-0 12/20] RUN …:`, its output after it; pasted alone, or on
    // one line with its output (fletchgqc/agentbox#2: `> [stage-0 12/20] RUN /home/claude/.local/bin/uv tool install
    // black && …: 0.192 /bin/sh: 1: /home/claude/.local/bin/uv: not found`, whose Markdown quote goes with the `> `,
    // lines/clean-line.ts): the failing command ran in an image build.
    literals: ['] RUN '],
    regex: /^(?: ?> )?\[(?:[\w.-]{1,64} )?\d{1,4}\/\d{1,4}\] RUN /,
    on: 'output',
    source: 'buildkit-error-box',
    read: () => [['place', 'image-build']],
  },
  {
    // The classic builder's failure line, pasted without its `Step N/M :` lines:
    // `The command '/bin/sh -c ./build.sh' returned a non-zero code: 1` (AlexeyAB/darknet#6093).
    literals: ["returned a non-zero code"],
    regex: /^The command '\/bin\/(?:ba)?sh -c [^\n]{1,4000}' returned a non-zero code: \d{1,3}/,
    on: 'output',
    source: 'classic-builder',
    read: () => [['place', 'image-build']],
  },
  {
    // The build command itself, pasted with what it printed: at a line start (`docker build -t ffmpeg .`), after a
    // prompt (`$ sudo docker build -t hero .`, GitLab's `$ docker build --progress=plain …`), or quoted in the prose
    // around it (`When running "docker build -t pixtrack .", got following error:`, `Running \`docker build -f …\``).
    // Single quotes are left out: the CLI's own `See 'docker build --help'.` quotes it so. A `docker run` or a shell
    // prompt elsewhere in the log says more about where the failing command ran (fact-view's signalledPlace).
    literals: ['docker build', 'docker buildx build', 'docker image build', 'docker compose build', 'docker-compose build', 'podman build', 'buildah bud', 'buildah build'],
    regex:
      /(?:^|\$ |# |["`])(?:sudo )?(?:(?:docker|podman)(?: image| buildx)? build|docker(?: |-)compose build|buildah (?:bud|build))(?: (?!--help\b)|["`]?$)/,
    on: 'output',
    source: 'build-command',
    read: () => [['place', 'image-build']],
  },
  {
    // A GitHub-hosted runner's job log: the `Runner Image` group, and the workspace under /home/runner/work.
    literals: ['Runner Image', '/home/runner/work/', 'Hosted Compute Agent'],
    regex: /Runner Image|\/home\/runner\/work\/|Hosted Compute Agent/,
    on: 'output',
    source: 'runner',
    read: () => [['runner', 'github-hosted']],
  },
  {
    // GitHub names its hosted runners `GitHub Actions N`: `Runner name: 'GitHub Actions 7'`,
    // `The job running on runner GitHub Actions 7 has exceeded the maximum execution time …`
    literals: ['GitHub Actions '],
    regex: /(?:\brunner |Runner name: ')GitHub Actions \d{1,6}\b/,
    on: 'output',
    source: 'runner',
    read: () => [['runner', 'github-hosted']],
  },
  {
    // A self-hosted runner's workspace: `<runner dir>/_work/<repo>/<repo>`.
    literals: ['/_work/'],
    regex: /\/(?:actions-runner|runner)\/_work\//,
    on: 'output',
    source: 'runner',
    read: () => [['runner', 'self-hosted']],
  },
  {
    // A container run (`docker run`, `sudo docker run`, `nvidia-docker run`, `podman run`): the command
    // itself, NVIDIA's start-up banner (`== CUDA ==`), the daemon's GPU error. A command typed into a running container
    // (`docker exec`, `$ docker compose exec llamacpp cat /llamacpp-logs/log_0.txt`, mpazdzioch/llamacpp-webui-glue#4) or a
    // one-off service container (`docker compose run`) is a container's too.
    literals: ['docker run ', 'podman run ', 'docker container run ', 'docker exec ', 'podman exec ', 'docker container exec ', 'compose exec ', 'compose run ', '== CUDA ==', 'could not select device driver'],
    regex:
      /(?:^|\$ |# )(?:sudo )?(?:(?:nvidia-)?(?:docker|podman)(?: container)? (?:run|exec) |docker(?: |-)compose (?:exec|run) )|^== CUDA ==$|could not select device driver/,
    on: 'output',
    source: 'docker-run',
    read: () => [['place', 'docker-run']],
  },
  {
    // Docker's container-create warning as the CLI prints it, `WARNING: The requested image's platform (linux/amd64) does not match
    // the detected host platform (linux/arm64/v8) and no specific platform was requested` (xorbitsai/inference#4256, a `docker run`):
    // the daemon returns it with the created container (moby daemon/create.go) and `docker run` / `docker create` print each such
    // warning as `WARNING: %s` (docker/cli cli/command/container/create.go). The classic builder prints the same warning of a
    // RUN step's container as ` ---> [Warning] …` (moby builder/dockerfile/internals.go), which this leaves to the build.
    literals: ["WARNING: The requested image's platform"],
    regex: /^WARNING: The requested image's platform \([^)]{1,60}\) does not match the detected host platform/,
    on: 'output',
    source: 'docker-run',
    read: () => [['place', 'docker-run']],
  },
  {
    // Docker Compose starting containers: v1's `Creating vqgan-clip-docker_generate_run ... done` (`docker-compose run` /
    // `up`, kcosta42/VQGAN-CLIP-Docker#1), v2's ` ✔ Container ragflow-redis     Started` (infiniflow/ragflow#9573) and `Attaching to …`.
    literals: ['Creating ', 'Container ', 'Attaching to '],
    regex: /^Creating [\w.-]{1,200} \.\.\. done$|^\s{0,4}(?:✔ )?Container [\w.-]{1,200}\s{1,80}(?:Created|Started|Starting|Running|Healthy|Recreated)(?:\s{1,200}\d{1,5}(?:\.\d{1,3})?s)?\s{0,10}$|^Attaching to [\w.-]{1,200}/,
    on: 'output',
    source: 'docker-run',
    read: () => [['place', 'docker-run']],
  },
  {
    // A root shell in a container: Docker names a container's host after the first 12 hex digits of its
    // ID unless `--hostname` says otherwise, so `root@a8c0f508dc92:/gpt-2# python3 …` (openai/gpt-2#204) and
    // `(base) root@a2d7b9b1e3ab:~/FasterLivePortrait# python app.py` (warmshao/FasterLivePortrait#37) are typed in one.
    literals: ['root@'],
    regex: /^(?:\([\w.-]{1,40}\) )?root@[0-9a-f]{12}:[\w/.~-]{0,200}# /,
    on: 'output',
    source: 'prompt',
    read: () => [['place', 'docker-run']],
  },
  {
    // An interactive shell's prompt pasted with the output: `user@host:~/src$ pip install …`, `(venv) me@box:~$ …`
    // or a bare prompt with apt under sudo, or zsh's `%` (`% sudo apt update`: ubuntuforums' "xenial sources.list broken"); not
    // `$ apt-get update` alone, which is how GitLab CI echoes a job's commands inside its container
    literals: [':~', '$ pip', '$ python', '$ nvcc', '$ cmake', '$ conda', '$ mamba', '$ micromamba', '$ sudo ', '% sudo ', '% apt'],
    // (a container command typed at the prompt, `me@box:~$ docker build …`, says where it ran itself: the patterns above)
    regex: /^(?:\([\w.-]{1,40}\) )?(?:[\w.-]{1,40}@[\w.-]{1,60}:~?[\w/.~-]{0,200}[$#] (?!(?:sudo )?(?:nvidia-)?(?:docker|podman|buildah|docker-compose) )|\$ (?:pip|python|nvcc|cmake|conda|mamba|micromamba)\b|(?:\$ sudo|%(?: sudo)?) apt(?:-get)? (?:update|upgrade|install)\b)/,
    on: 'output',
    source: 'prompt',
    read: () => [['place', 'host-shell']],
  },
  {
    // A CMake command pasted as the commands that were typed (an issue form's "Compile command": `cmake -DGGML_CUDA=ON ..`,
    // `cmake --build . --config Release -j 30`, ggml-org/llama.cpp#13271): at the line start, whole (no `&&`, `;` or
    // continuation), so not a line of a pasted Dockerfile `RUN`, which either starts with `RUN` or continues a command.
    literals: ['cmake '],
    regex: /^cmake (?:--build |-[DGSB])[^&;|\\]{0,400}$/,
    on: 'output',
    source: 'pasted-command',
    read: () => [['place', 'host-shell']],
  },
];

/** `docker.io/nvidia/cuda:12.4.1-devel-ubuntu22.04` → `nvidia/cuda:12.4.1-devel-ubuntu22.04`; stage names are not images. */
function imageName(ref: string | undefined): string | null {
  if (ref === undefined || ref === '' || ref.toLowerCase() === 'scratch') return null;
  return ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

/**
 * Installer commands in a RUN instruction, in order: `pip install`, `uv pip install`, `conda install`, … The lock
 * tools' lock and check commands count too: a step that runs `poetry check --lock` or `pdm lock` fails in that tool,
 * even when an earlier step installed it with pip.
 */
const installerCommand =
  /\b(?:(?<uv>uv)\s+(?:pip\s+install|pip\s+sync|sync|add|lock)|(?<conda>micromamba|mamba|conda)\s+(?:install|create|env\s+(?:create|update))|(?<lockTool>poetry|pdm|pipenv)\s+(?:install|add|lock|check|sync|update)|(?<pip>pip3?)\s+install|python3?(?:\.\d{1,2})?\s+-m\s+(?<pipModule>pip)\s+install)\b/g;

/** The installers a RUN instruction calls, in the order it calls them. */
export function installersIn(instruction: string): string[] {
  const found: string[] = [];
  for (const m of instruction.matchAll(installerCommand)) {
    const g = m.groups ?? {};
    const name = g.uv ?? g.conda ?? g.lockTool ?? (g.pip !== undefined || g.pipModule !== undefined ? 'pip' : undefined);
    if (name !== undefined) found.push(name);
  }
  return found;
}
