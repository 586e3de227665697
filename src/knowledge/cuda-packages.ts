// Package names and shared-library names of CUPTI, cuDNN and NCCL, per CUDA release, as NVIDIA's
// apt repository, NVIDIA's container images, Debian and PyPI ship them. Used by fixes that must name
// the package which provides a missing `libcupti.so.N` / `libcudnn.so.N` / `libnccl.so.2`.
//
// Every fact below carries its source in the row (`source`). Summary of what was checked:
// - NVIDIA container images (gitlab.com/nvidia/container-images/cuda, `dist/<ver>/<os>/<flavour>/Dockerfile`,
//   read from the copy in github.com/taehun-kmu/FMCL-Docker): 12.4.1 ubuntu22.04 `runtime` installs
//   cuda-libraries-12-4, libnpp-12-4, cuda-nvtx-12-4, libcusparse-12-4, libcublas-12-4 and
//   libnccl2=2.21.5-1+cuda12.4; `devel` adds cuda-cudart-dev, cuda-command-line-tools, cuda-minimal-build,
//   cuda-libraries-dev, cuda-nvml-dev, libnpp-dev, libcusparse-dev, libcublas-dev, libnccl-dev and
//   cuda-nsight-compute; `base` installs only cuda-cudart-12-4 and cuda-compat-12-4.
//   `runtime/cudnn` installs libcudnn9-cuda-12=9.1.0.70-1, `devel/cudnn` adds libcudnn9-dev-cuda-12;
//   11.8.0 `devel/cudnn8` installs libcudnn8=8.9.6.50-1+cuda11.8 and libcudnn8-dev.
// - CUPTI in runtime vs devel images: github.com/jolibrain/deepdetect/issues/1458 (11.6.0 cudnn8 runtime
//   lacks libcupti, devel has it), github.com/microsoft/onnxruntime/pull/7384 (10.2 cudnn8 runtime lacks
//   libcupti.so.10.2, devel has it). Which devel meta-package pulls CUPTI in was NOT verified.
// - CUPTI install directory: NVIDIA's repo packages put libcupti in /usr/local/cuda/lib64
//   (github.com/NVIDIA/nvbench/issues/59, github.com/CentML/DeepView.Predict/pull/6); the runfile in
//   /usr/local/cuda/extras/CUPTI/lib64 (same threads, github.com/NVIDIA/Fuser/pull/1252).
// - CUPTI sonames: CUDA 11 names the minor (`libcupti.so.11.8`: readelf on Debian's libcupti11.8
//   11.8.87 on this machine 2026-12-05; `.11.7`, `.11.2`: import errors in github.com/bghira/SimpleTuner/
//   issues/38, github.com/pytorch/pytorch/issues/88802; `.11.0`: a CUDA 11.0 listing), CUDA 12 uses
//   `libcupti.so.12` (pip wheel nvidia-cuda-cupti-cu12 12.9.79, github.com/NVIDIA/cuda-python/issues/1572),
//   CUDA 13 `libcupti.so.13` (readelf of /usr/local/cuda-13.0/lib/libcupti.so.13 on this machine).
// - Debian 12's own packaging: `apt-cache show` with bookworm non-free on this machine, 2026-12-05.
// Not verified, so left out: CUPTI sonames of 11.1 and 11.3–11.6 (rule looks the same, not seen),
// the `cudnn9-cuda-12` meta-package, Ubuntu's own `nvidia-cuda-toolkit` package names per release.

import { normaliseCudaVersion } from './cuda-arches.js';

/** `12.4`, `12.4.1`, `cu124` → `12-4` (the suffix of NVIDIA's apt package names); '' when not a version. */
export function aptSuffix(cuda: string): string {
  const v = normaliseCudaVersion(cuda);
  return v ? v.replace('.', '-') : '';
}

function majorOf(cuda: string): number | null {
  const v = normaliseCudaVersion(cuda);
  return v ? Number(v.split('.')[0]) : null;
}

const CUPTI_DEB_LISTINGS =
  'apt package names seen as cuda-cupti-12-3 / cuda-cupti-12-8 / cuda-cupti-dev-12-6 / cuda-cupti-13-0 / cuda-cupti-dev-13-0 in public install scripts and dpkg listings';

/** CUPTI's soname per CUDA major.minor where it was seen; CUDA 12 and 13 use one soname per major. */
const cuptiSonames: Readonly<Record<string, { soname: string; source: string }>> = {
  '11.0': { soname: 'libcupti.so.11.0', source: 'a CUDA 11.0 install listing /usr/local/cuda/extras/CUPTI/lib64/libcupti.so.11.0' },
  '11.2': { soname: 'libcupti.so.11.2', source: 'github.com/pytorch/pytorch/issues/88802 (torch 1.12 wheel: libcupti.so.11.2)' },
  '11.7': { soname: 'libcupti.so.11.7', source: 'github.com/bghira/SimpleTuner/issues/38 (torch 2.0 cu117: libcupti.so.11.7)' },
  '11.8': { soname: 'libcupti.so.11.8', source: 'readelf SONAME of Debian libcupti11.8 11.8.87~11.8.0-5~deb12u1, this machine 2026-12-05' },
};

export interface CuptiPackages {
  /** NVIDIA apt package with the library: `cuda-cupti-12-4`. */
  aptLib: string;
  /** NVIDIA apt package with headers: `cuda-cupti-dev-12-4`. */
  aptDev: string;
  /** The name the dynamic loader looks for; null when not verified for this release. */
  soname: string | null;
  /** Where NVIDIA's apt packages put the library. */
  libDir: string;
  /** Where the runfile installer puts it (older guides and LD_LIBRARY_PATH lines point here). */
  runfileLibDir: string;
  /** The PyPI wheel that ships the same library, or null when not verified. */
  pip: string | null;
  source: string;
}

/** CUPTI packaging for a CUDA version (`12.4`, `12.4.1`, `cu124`), null outside CUDA 11–13. */
export function cuptiFor(cuda: string): CuptiPackages | null {
  const v = normaliseCudaVersion(cuda);
  const major = majorOf(cuda);
  if (v === null || major === null || major < 11 || major > 13) return null;
  const suffix = aptSuffix(v);
  const base = {
    aptLib: `cuda-cupti-${suffix}`,
    aptDev: `cuda-cupti-dev-${suffix}`,
    libDir: '/usr/local/cuda/lib64',
    runfileLibDir: '/usr/local/cuda/extras/CUPTI/lib64',
  };
  if (major === 11) {
    const known = cuptiSonames[v];
    return {
      ...base,
      soname: known?.soname ?? null,
      pip: 'nvidia-cuda-cupti-cu11',
      source: `${CUPTI_DEB_LISTINGS}; soname: ${known?.source ?? 'not verified for this minor release'}; pip name: torch 2.0 cu117/cu118 dependency logs (nvidia-cuda-cupti-cu11==11.7.101 / 11.8.87)`,
    };
  }
  if (major === 12) {
    return {
      ...base,
      soname: 'libcupti.so.12',
      pip: 'nvidia-cuda-cupti-cu12',
      source: `${CUPTI_DEB_LISTINGS}; soname and pip: github.com/NVIDIA/cuda-python/issues/1572 (nvidia-cuda-cupti-cu12 12.9.79 installs nvidia/cuda_cupti/lib/libcupti.so.12)`,
    };
  }
  return {
    ...base,
    soname: 'libcupti.so.13',
    // CUDA 13 wheels dropped the -cuXX suffix: the package is plain `nvidia-cuda-cupti`.
    pip: 'nvidia-cuda-cupti',
    source: `${CUPTI_DEB_LISTINGS}; soname and pip: nvidia_cuda_cupti-13.0.85 wheel on this machine installs nvidia/cu13/lib/libcupti.so.13 (readelf SONAME libcupti.so.13), 2026-12-05`,
  };
}

export interface CudnnPackages {
  aptLib: string;
  aptDev: string;
  /** Version string form in NVIDIA's repo, for pinning (`8.9.6.50-1+cuda11.8`, `9.1.0.70-1`). */
  versionForm: string;
  soname: string;
  pip: string | null;
  source: string;
}

/** cuDNN packaging for a cuDNN major and a CUDA major; null for combinations not verified. */
export function cudnnFor(cudnnMajor: number, cudaMajor: number): CudnnPackages | null {
  if (cudnnMajor === 8 && (cudaMajor === 11 || cudaMajor === 12)) {
    return {
      aptLib: 'libcudnn8',
      aptDev: 'libcudnn8-dev',
      // cuDNN 8 packages carry the CUDA release in the version, not the name.
      versionForm: cudaMajor === 11 ? '8.9.6.50-1+cuda11.8' : '8.9.6.50-1+cuda12.2',
      soname: 'libcudnn.so.8',
      pip: cudaMajor === 11 ? 'nvidia-cudnn-cu11' : 'nvidia-cudnn-cu12',
      source:
        cudaMajor === 11
          ? 'NVIDIA dist/11.8.0/ubuntu2204/devel/cudnn8/Dockerfile (libcudnn8 / libcudnn8-dev =8.9.6.50-1+cuda11.8); pip: torch 2.0 cu117 requirement lists (nvidia-cudnn-cu11)'
          : 'public apt pin lists (libcudnn8=8.9.6.50-1+cuda12.2, libcudnn8-dev); pip: torch 2.x cu121 lock files (nvidia-cudnn-cu12==8.9.2.26)',
    };
  }
  if (cudnnMajor === 9 && (cudaMajor === 12 || cudaMajor === 13)) {
    return {
      aptLib: `libcudnn9-cuda-${cudaMajor}`,
      aptDev: `libcudnn9-dev-cuda-${cudaMajor}`,
      versionForm: cudaMajor === 12 ? '9.1.0.70-1' : '9.20.0.46-1',
      soname: 'libcudnn.so.9',
      pip: `nvidia-cudnn-cu${cudaMajor}`,
      source:
        cudaMajor === 12
          ? 'NVIDIA dist/12.4.1/ubuntu2204/runtime/cudnn and ubuntu2004/devel/cudnn Dockerfiles (libcudnn9-cuda-12 / libcudnn9-dev-cuda-12 =9.1.0.70-1); soname: /usr/local/cuda/lib64/libcudnn.so.9 in cu12 wheel-repair scripts'
          : 'install scripts for NVIDIA ubuntu2404 sbsa/x86_64 repos (libcudnn9-cuda-13, libcudnn9-dev-cuda-13 9.20.0.46-1); soname and pip: nvidia_cudnn_cu13-9.24.0.43 wheel on this machine ships nvidia/cudnn/lib/libcudnn.so.9',
    };
  }
  return null;
}

export interface NcclPackages {
  aptLib: string;
  aptDev: string;
  /** A verified version string, CUDA release after `+cuda` (`2.21.5-1+cuda12.4`); null when none was seen. */
  versionForm: string | null;
  soname: string;
  pip: string | null;
  source: string;
}

/** NCCL packaging for a CUDA major; null outside 11–13. */
export function ncclFor(cudaMajor: number): NcclPackages | null {
  if (cudaMajor < 11 || cudaMajor > 13) return null;
  const pipSource =
    cudaMajor === 13
      ? 'nvidia_nccl_cu13-2.30.7 wheel on this machine (nvidia/nccl/lib/libnccl.so.2), 2026-12-05'
      : cudaMajor === 12
        ? 'torch 2.x cu121 lock files (nvidia-nccl-cu12==2.20.5)'
        : 'torch 2.0 cu117 requirement lists (nvidia-nccl-cu11)';
  return {
    aptLib: 'libnccl2',
    aptDev: 'libnccl-dev',
    // 11.8: an install script pinning libnccl2=2.15.5-1+cuda11.8; 12.4: NVIDIA's 12.4.1 Dockerfiles.
    versionForm: cudaMajor === 11 ? '2.15.5-1+cuda11.8' : cudaMajor === 12 ? '2.21.5-1+cuda12.4' : null,
    soname: 'libnccl.so.2',
    pip: `nvidia-nccl-cu${cudaMajor}`,
    source: `NVIDIA dist/12.4.1/ubuntu2204 runtime (libnccl2=2.21.5-1+cuda12.4) and devel (libnccl-dev) Dockerfiles; soname: NVIDIA cuda-python pathfinder supported_nvidia_libs.py (libnccl.so.2); pip: ${pipSource}`,
  };
}

/** What the plain `base` / `runtime` / `devel` tags contain, for the releases checked. */
type Flavour = 'base' | 'runtime' | 'devel';
type Shipped = 'cupti-lib' | 'cupti-headers' | 'cudnn' | 'nccl';

interface FlavourFacts {
  cuda: string;
  ships: Partial<Record<Flavour, Partial<Record<Shipped, boolean>>>>;
  source: string;
}

const flavourFacts: readonly FlavourFacts[] = [
  {
    cuda: '12.4',
    ships: {
      base: { 'cupti-lib': false, 'cupti-headers': false, cudnn: false, nccl: false },
      // The runtime Dockerfile's package list has no CUPTI and no -dev package.
      runtime: { 'cupti-lib': false, 'cupti-headers': false, cudnn: false, nccl: true },
      devel: { nccl: true, cudnn: false },
    },
    source: 'NVIDIA dist/12.4.1/ubuntu2204/{base,runtime,devel}/Dockerfile package lists',
  },
  {
    cuda: '11.6',
    ships: { runtime: { 'cupti-lib': false }, devel: { 'cupti-lib': true } },
    source: 'github.com/jolibrain/deepdetect/issues/1458 (11.6.0-cudnn8-runtime lacks libcupti, -devel has it)',
  },
  {
    cuda: '10.2',
    ships: { runtime: { 'cupti-lib': false }, devel: { 'cupti-lib': true } },
    source: 'github.com/microsoft/onnxruntime/pull/7384 (10.2-cudnn8-runtime lacks libcupti.so.10.2, -devel has it)',
  },
];

/**
 * Whether the plain `nvidia/cuda:<cuda>-<flavour>-…` image contains `lib`; null when not checked for
 * that release (notably CUPTI headers in devel, and CUPTI in devel for 12.4: not verified).
 * cuDNN only comes with the `-cudnn…` tags: see `cudnnTagNotes`.
 */
export function flavourShips(flavour: Flavour, lib: Shipped, cuda: string): boolean | null {
  const v = normaliseCudaVersion(cuda);
  const row = flavourFacts.find((f) => f.cuda === v);
  return row?.ships[flavour]?.[lib] ?? null;
}

/** The source behind a `flavourShips` answer, or null when there is none. */
export function flavourSource(cuda: string): string | null {
  const v = normaliseCudaVersion(cuda);
  return flavourFacts.find((f) => f.cuda === v)?.source ?? null;
}

/** What the cuDNN tag variants add on top of runtime / devel. */
export const cudnnTagNotes: readonly { tag: string; adds: string; source: string }[] = [
  {
    tag: '-cudnn8-runtime / -cudnn8-devel (CUDA 11.x, early 12.x)',
    adds: 'runtime: libcudnn8; devel: libcudnn8 and libcudnn8-dev, held with apt-mark hold',
    source: 'NVIDIA dist/11.8.0/ubuntu2204/{runtime,devel}/cudnn8/Dockerfile',
  },
  {
    tag: '-cudnn-runtime / -cudnn-devel (CUDA 12.4+; cuDNN 9)',
    adds: 'runtime: libcudnn9-cuda-12; devel: libcudnn9-cuda-12 and libcudnn9-dev-cuda-12, held with apt-mark hold',
    source: 'NVIDIA dist/12.4.1/ubuntu2204/runtime/cudnn and ubuntu2004/devel/cudnn Dockerfiles',
  },
];

/** Debian's own packaging of the toolkit (non-free), as `apt-cache show` printed it on this machine. */
export const debianToolkit: readonly { release: string; pkg: string; version: string; note: string; source: string }[] = [
  {
    release: 'bookworm (12)',
    pkg: 'nvidia-cuda-toolkit',
    version: '11.8.89~11.8.0-5~deb12u1',
    note: 'depends on nvidia-cuda-dev, which depends on libcupti-dev',
    source: 'apt-cache show nvidia-cuda-toolkit / nvidia-cuda-dev (bookworm non-free), this machine 2026-12-05',
  },
  {
    release: 'bookworm (12)',
    pkg: 'libcupti11.8',
    version: '11.8.87~11.8.0-5~deb12u1',
    note: 'ships /usr/lib/x86_64-linux-gnu/libcupti.so.11.8 (soname libcupti.so.11.8)',
    source: 'apt-cache show libcupti11.8; dpkg -c and readelf -d of the downloaded .deb, this machine 2026-12-05',
  },
  {
    release: 'bookworm (12)',
    pkg: 'libcupti-dev',
    version: '11.8.87~11.8.0-5~deb12u1',
    note: 'ships /usr/include/cupti.h; depends on libcupti11.8',
    source: 'apt-cache show libcupti-dev; dpkg -c of the downloaded .deb, this machine 2026-12-05',
  },
  {
    release: 'bookworm (12)',
    pkg: 'nvidia-cudnn',
    version: '8.5.0.96~cuda11.7',
    note: 'an installer script that downloads cuDNN, not the library itself; no NCCL package in bookworm',
    source: 'apt-cache show nvidia-cudnn; apt-cache search nccl (no match), this machine 2026-12-05',
  },
];
