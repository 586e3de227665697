// The `deadsnakes-base` enricher: for a build whose Python the deadsnakes PPA no longer serves (its release, Ubuntu 20.04
// or older, is past its end of life: rules/catalog/apt/unable-to-locate-package.ts, DEADSNAKES_GONE_MESSAGE), the base
// image of a release the PPA still builds for, from the base the log shows:
// - `nvidia/cuda:<X.Y.Z>-<flavour>-ubuntu20.04` → the same CUDA and flavour on `-ubuntu22.04` where NVIDIA tags that CUDA
//   for 22.04, else the newest patch of the first newer CUDA minor it does (cuda-image-tags.ts: 22.04 tags start at 11.7,
//   `11.7.0-devel-ubuntu22.04` as well as 11.7.1, so 11.7.1 is named as 11.7's newest patch, not as the first tag; the runtime and base
//   images come from the same dist/<X.Y.Z>/ubuntu2204 tree as the devel one, nvidia-images.ts);
// - `ubuntu:20.04` / `ubuntu:focal` (or older) → `ubuntu:22.04`.
// Absent for any other base: the fix then says how to read the release instead.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseImageRef, withFlavour } from './nvidia-images.js';
import { cudaTagOnUbuntu } from './cuda-image-tags.js';
import { compareVersions } from '../text/compare-versions.js';

/** The Ubuntu LTS the moved base is offered on: the PPA builds for it (python3.10 is its own Python, no PPA needed). */
const TARGET_UBUNTU = '22.04';

export function deadsnakesBaseEnrich(_captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const base = facts.value('baseImage');
  if (base === null) return {};
  const image = parseImageRef(base);
  if (image?.kind === 'nvidia-cuda' && image.os === 'ubuntu' && compareVersions(image.osRelease, '20.04') <= 0) {
    const tag = cudaTagOnUbuntu(image.cuda, TARGET_UBUNTU);
    if (tag === null) return {};
    const moved = withFlavour({ ...image, cudaFull: tag.full, osRelease: TARGET_UBUNTU }, image.flavour);
    return {
      deadsnakesFrom: moved,
      deadsnakesNote: tag.same
        ? ' (the same CUDA on Ubuntu 22.04)'
        : `: NVIDIA tags no CUDA ${image.cuda} image for Ubuntu 22.04; the first CUDA minor it tags for 22.04 is ` +
          `${tag.full.split('.').slice(0, 2).join('.')}, and ${tag.full} its newest patch (check that the host driver and the CUDA ` +
          'your code pins take it)',
    };
  }
  const ubuntu = /^(?:docker\.io\/)?(?:library\/)?ubuntu:(20\.04|focal|18\.04|bionic|16\.04|xenial)$/.exec(base);
  if (ubuntu !== null) return { deadsnakesFrom: `ubuntu:${TARGET_UBUNTU}`, deadsnakesNote: '' };
  return {};
}
