// The `build-platforms` enricher: the platforms a multi-platform build printed in its step headers
// (`#18 [linux/amd64 builder 2/5]`, `#17 [linux/arm64 builder 2/5]`). Each platform builds the whole
// image again (docs.docker.com/build/building/multi-platform/), so on one machine the disk and time
// grow with their number; a build that needs less of either builds one platform per job.
// `platforms` (`linux/amd64, linux/arm64`) only when the log shows two or more, else absent.
import type { BuildModel, Step } from '../model/types.js';

export function buildPlatformsEnrich(_captures: Readonly<Record<string, string>>, _step: Step | null, model: BuildModel): Record<string, string> {
  const platforms = [...new Set(model.steps.map((s) => s.platform).filter((p): p is string => p !== null))];
  return platforms.length >= 2 ? { platforms: platforms.join(', ') } : {};
}
