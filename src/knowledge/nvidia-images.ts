// Parsing the image references GPU Dockerfiles start from: nvidia/cuda tags, NGC framework tags
// (nvcr.io/nvidia/pytorch:YY.MM-py3) and pytorch/pytorch tags; plus NVIDIA's tag lifetime policy, which
// explains "docker.io/nvidia/cuda:<old tag>: not found".
//
// Sources:
// - nvidia/cuda tag shape `<X.Y.Z>-[cudnn8-|cudnn-]<base|runtime|devel>-<os><release>`: NVIDIA's
//   gitlab.com/nvidia/container-images/cuda dist tree (dist/11.8.0/ubuntu2204/{runtime,devel}/cudnn8,
//   dist/12.4.1/<os>/{runtime,devel}/cudnn, os dirs ubuntu2004/ubuntu2204/ubi8/ubi9/rockylinux8/rockylinux9),
//   and tag lists such as github.com/replicate/cog pkg/config/cuda_compatibility.json
//   (`12.9.2-cudnn-devel-ubuntu22.04` = cuDNN 9). The unnumbered `cudnn` variant installs cuDNN 9
//   (libcudnn9-cuda-12 in dist/12.4.1/*/cudnn).
// - pytorch/pytorch tag shape `<torch>-cuda<X.Y>-cudnn<N>-<runtime|devel>`: e.g. `2.7.0-cuda12.8-cudnn9-devel`
//   in public Dockerfiles. NGC tags `YY.MM-py3`: NVIDIA's NGC catalog naming (nvcr.io/nvidia/pytorch:25.05-py3).
// - Tag lifetime: NVIDIA's "Container Support Policy", gitlab.com/nvidia/container-images/cuda/-/blob/master/
//   doc/support-policy.md, quoted in github.com/pytorch/builder/pull/1446 and
//   github.com/lightgbm-org/LightGBM/issues/6520.
// The CUDA of NGC PyTorch months checked against NVIDIA's notes: src/facts/ngc-pytorch-cuda.ts (a build fact);
// the other months, and the images' torch versions, are not included.

export type Flavour = 'base' | 'runtime' | 'devel';

export interface CudaImage {
  kind: 'nvidia-cuda';
  /** Full version as tagged: `12.4.1`. */
  cudaFull: string;
  /** `major.minor`: `12.4`. */
  cuda: string;
  /** cuDNN major from `cudnn8`; 'yes' for the unnumbered `cudnn` tag; null without cuDNN. */
  cudnn: number | 'yes' | null;
  flavour: Flavour;
  os: string;
  osRelease: string;
  /** `nvcr.io/` for NGC's copy of the same tags (`nvcr.io/nvidia/cuda:12.0.1-base-ubuntu22.04`); absent for Docker Hub. */
  registry?: string;
}

export interface NgcImage {
  kind: 'ngc';
  framework: string;
  year: number;
  month: number;
  /** What follows the date: `py3`, `py3-igpu`, … */
  variant: string;
}

export interface PytorchImage {
  kind: 'pytorch';
  torch: string;
  cuda: string;
  cudnn: number;
  flavour: 'runtime' | 'devel';
}

export type ImageRef = CudaImage | NgcImage | PytorchImage;

const cudaTag = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,3}))?-(?:cudnn(\d{0,2})-)?(base|runtime|devel)-([a-z]+)(\d{1,2}(?:\.\d{1,2})?)$/;
const ngcTag = /^(\d{2})\.(\d{2})-([a-z0-9][a-z0-9.-]{0,30})$/;
const pytorchTag = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)-cuda(\d{1,2}\.\d{1,2})-cudnn(\d{1,2})-(runtime|devel)$/;

/** Splits `[registry/]repo:tag[@digest]` into the repository path (without docker.io/library) and tag. */
function splitRef(ref: string): { repo: string; tag: string } | null {
  const noDigest = ref.trim().split('@')[0] ?? '';
  const colon = noDigest.lastIndexOf(':');
  if (colon <= 0 || noDigest.indexOf('/', colon) !== -1) return null;
  const repo = noDigest.slice(0, colon).toLowerCase().replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  return { repo, tag: noDigest.slice(colon + 1) };
}

/** A typed description of an nvidia/cuda, NGC or pytorch/pytorch image reference; null for anything else. */
export function parseImageRef(ref: string): ImageRef | null {
  const parts = splitRef(ref);
  if (!parts) return null;
  const { repo, tag } = parts;
  // NGC publishes the same nvidia/cuda tags (CUDA_TAG_POLICY: "Docker Hub and Nvidia GPU Cloud (NGC)")
  if (repo === 'nvidia/cuda' || repo === 'nvcr.io/nvidia/cuda') {
    const m = cudaTag.exec(tag);
    if (!m) return null;
    const cudnn = m[4] === undefined ? null : m[4] === '' ? 'yes' : Number(m[4]);
    return {
      kind: 'nvidia-cuda',
      cudaFull: m[3] === undefined ? `${m[1]}.${m[2]}` : `${m[1]}.${m[2]}.${m[3]}`,
      cuda: `${Number(m[1])}.${Number(m[2])}`,
      cudnn,
      flavour: m[5] as Flavour,
      os: m[6]!,
      osRelease: m[7]!,
      ...(repo === 'nvidia/cuda' ? {} : { registry: 'nvcr.io/' }),
    };
  }
  const ngc = /^nvcr\.io\/nvidia\/([a-z0-9_-]+)$/.exec(repo);
  if (ngc) {
    const m = ngcTag.exec(tag);
    if (!m) return null;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { kind: 'ngc', framework: ngc[1]!, year: 2000 + Number(m[1]), month, variant: m[3]! };
  }
  if (repo === 'pytorch/pytorch') {
    const m = pytorchTag.exec(tag);
    if (!m) return null;
    return { kind: 'pytorch', torch: m[1]!, cuda: m[2]!, cudnn: Number(m[3]), flavour: m[4] as 'runtime' | 'devel' };
  }
  return null;
}

/** The same nvidia/cuda image in another flavour (`runtime` → `devel`), keeping cuDNN, OS and registry. */
export function withFlavour(image: CudaImage, flavour: Flavour): string {
  const cudnn = image.cudnn === null ? '' : image.cudnn === 'yes' ? 'cudnn-' : `cudnn${image.cudnn}-`;
  return `${image.registry ?? ''}nvidia/cuda:${image.cudaFull}-${cudnn}${flavour}-${image.os}${image.osRelease}`;
}

/** NVIDIA's own statement on how long nvidia/cuda tags stay pullable. */
export const CUDA_TAG_POLICY = {
  summary:
    'Tags of CUDA releases that reached end of life are deleted from Docker Hub and NGC six months after EOL, so old `FROM nvidia/cuda:<tag>` lines stop resolving ("not found").',
  quote: 'After a period of Six Months time, the EOL tags WILL BE DELETED from Docker Hub and Nvidia GPU Cloud (NGC).',
  url: 'https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/support-policy.md',
  source: 'quoted in github.com/pytorch/builder/pull/1446 (2023-07) and github.com/lightgbm-org/LightGBM/issues/6520 (2024-07); tag tables: doc/supported-tags.md, doc/unsupported-tags.md',
} as const;
