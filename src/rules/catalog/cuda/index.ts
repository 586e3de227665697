import type { RuleInput } from '../../schema.js';
import { unsupportedArch } from './unsupported-arch.js';
import { invalidArchList } from './invalid-arch-list.js';
import { toolkitNotFound } from './toolkit-not-found.js';
import { cudaHomeNotSet } from './cuda-home-not-set.js';
import { noGpuAtBuild } from './no-gpu-at-build.js';
import { noKernelImage } from './no-kernel-image.js';
import { versionMismatch } from './version-mismatch.js';
import { libcudaStubMissing } from './libcuda-stub-missing.js';
import { develToolkitCopied } from './devel-toolkit-copied.js';

/** The cuda/ rules, in priority order. */
export const cudaRules: RuleInput[] = [
  unsupportedArch,
  invalidArchList,
  toolkitNotFound,
  cudaHomeNotSet,
  libcudaStubMissing,
  noGpuAtBuild,
  noKernelImage,
  versionMismatch,
  develToolkitCopied,
];
