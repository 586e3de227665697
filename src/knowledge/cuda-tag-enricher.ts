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
import { laterPatchTag } from './cuda-image-tags.js';

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
  };
}
