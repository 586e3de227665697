// The `cuda-image-tag` enricher: for an nvidia/cuda tag that does not resolve, the pieces of a
// command that lists the tags of the same form (same cuDNN, flavour and OS, same CUDA major), so the
// fix can name real tags instead of guessing one.
//
// Sources:
// - Tag shape and parsing: nvidia-images.ts (parseImageRef); tag deletion after end of life:
//   nvidia-images.ts CUDA_TAG_POLICY (NVIDIA's doc/support-policy.md).
// - Docker Hub's tag listing `https://hub.docker.com/v2/repositories/nvidia/cuda/tags?page_size=100&name=<filter>`
//   (`.results[].name`): used by public build scripts, e.g. find_string
//   `hub.docker.com/v2/repositories/nvidia/cuda/tags` (`…&name=cudnn-devel-ubuntu24.04`).
// Values are plain text (no backticks, one line): they go inside code blocks.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseImageRef, type CudaImage } from './nvidia-images.js';
import { CURRENT_UBUNTU, cudaMajorDeleted, cudnnTagPart, laterPatchTag, newestCudaForUbuntu } from './cuda-image-tags.js';
import { NEW_DEB_KEY, OLD_DEB_KEY, nvidiaRepo } from './nvidia-repos.js';

export const DOCKER_HUB_TAGS_API = 'https://hub.docker.com/v2/repositories/nvidia/cuda/tags';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `cudnn8-devel-ubuntu20.04`: the tag without its CUDA version. */
export function tagForm(image: CudaImage): string {
  const cudnn = image.cudnn === null ? '' : image.cudnn === 'yes' ? 'cudnn-' : `cudnn${image.cudnn}-`;
  return `${cudnn}${image.flavour}-${image.os}${image.osRelease}`;
}

/**
 * The shell command that lists the existing tags of the same form, oldest first: of the same CUDA
 * major (`of: 'major'`), or of the same major.minor (`of: 'minor'`, for a tag without a patch
 * release). Docker Hub's `name=` is a substring filter and answers newest first.
 */
export function listTagsCommand(image: CudaImage, of: 'major' | 'minor' = 'major'): string {
  const form = tagForm(image);
  const major = image.cuda.split('.')[0]!;
  const version = of === 'minor' ? `${escapeRegex(image.cuda)}\\.[0-9]+` : `${major}\\.[0-9]+\\.[0-9]+`;
  const filter = of === 'minor' ? image.cuda : form;
  return `curl -fsS '${DOCKER_HUB_TAGS_API}?page_size=100&name=${filter}' | grep -oE '${version}-${escapeRegex(form)}' | sort -uV`;
}

/** `laterPatchTag`: the newest patch tag of the same minor, when the published-tag list knows it (cuda-image-tags.ts). */
function laterPatch(image: CudaImage): Record<string, string> {
  const tag = laterPatchTag(image.cudaFull, tagForm(image), image.os === 'ubuntu' ? image.osRelease : null);
  return tag === null ? {} : { cudaLaterPatchTag: tag };
}

/** The same flavour (and cuDNN, in the naming of that release) on a published CUDA release for an Ubuntu release. */
function movedImage(image: CudaImage, ubuntu: string): CudaImage | null {
  const full = newestCudaForUbuntu(ubuntu);
  if (full === null) return null;
  const cuda = full.split('.').slice(0, 2).join('.');
  const part = image.cudnn === null ? null : cudnnTagPart(cuda);
  if (image.cudnn !== null && part === null) return null;
  const cudnn = part === null ? null : part === 'cudnn' ? 'yes' : Number(part.slice('cudnn'.length));
  return { kind: 'nvidia-cuda', cudaFull: full, cuda, cudnn, flavour: image.flavour, os: 'ubuntu', osRelease: ubuntu };
}

/**
 * A CUDA major with no tag left (CUDA 10): a real tag of the same flavour to move to, on CURRENT_UBUNTU (NVIDIA's
 * tree keeps its Ubuntu 18.04 images under dist/end-of-life/, so an 18.04 tag of a newer CUDA is no safe landing),
 * the listing of its form, and the apt key facts a Dockerfile written for the old image carries (the 2022 rotation
 * lines; NVIDIA's ubuntu2204 images enrol the current key themselves with cuda-keyring, dist/12.6.3/ubuntu2204/base).
 */
function deletedMajor(image: CudaImage): Record<string, string> {
  if (!cudaMajorDeleted(image.cuda) || image.os !== 'ubuntu') return {};
  const current = movedImage(image, CURRENT_UBUNTU);
  if (current === null) return {};
  const keyring = nvidiaRepo(`ubuntu${CURRENT_UBUNTU.replace('.', '')}`, 'x86_64')?.keyringUrl ?? null;
  return {
    cudaMajorGone: image.cuda.split('.')[0]!,
    cudaCurrentTag: `${current.cudaFull}-${tagForm(current)}`,
    cudaCurrentMajor: current.cuda.split('.')[0]!,
    cudaCurrentUbuntu: CURRENT_UBUNTU,
    ...(image.osRelease === CURRENT_UBUNTU ? {} : { cudaOsMoved: `Ubuntu ${image.osRelease}` }),
    listCurrentTags: listTagsCommand(current),
    oldKey: OLD_DEB_KEY.shortId,
    newKey: NEW_DEB_KEY.shortId,
    ...(keyring === null ? {} : { currentKeyring: keyring }),
  };
}

export function cudaImageTagEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const ref = captures['context.nvidiaCuda.ref'];
  const image = ref === undefined ? null : parseImageRef(ref);
  if (image === null || image.kind !== 'nvidia-cuda') return {};
  return {
    cudaTag: ref!.slice(ref!.indexOf(':') + 1),
    cudaTagForm: tagForm(image),
    cudaTagMajor: image.cuda.split('.')[0]!,
    cudaTagVersion: image.cudaFull,
    listCudaTags: listTagsCommand(image),
    listCudaPatchTags: listTagsCommand(image, 'minor'),
    cudaTagMinor: image.cuda,
    // `11.3.0`: the first release of a minor, the kind NVIDIA deletes once a later patch supersedes it (SUPERSEDED_PATCH_TAGS)
    ...(/^\d+\.\d+\.0$/.test(image.cudaFull) ? { cudaFirstPatch: image.cudaFull } : {}),
    ...laterPatch(image),
    ...deletedMajor(image),
  };
}
