// The `torch-swap` enricher: one pip install collected the CUDA build of torch from PyTorch's index and, after it, a torch
// with no local version (PyPI's build). pip collects a package again only when the resolver moves to another candidate, so
// the last torch collected is the one pip went on with. Keys, only when the LAST torch collected has no `+cuXYZ` and an
// earlier one of the same step came from PyTorch's index: `swapped` (the version pip went on with), `cudaTorch` (the CUDA
// build asked for, `2.7.0.dev20250215+cu128`), `cudaIndex` (the index it came from), and, when the wheel table knows the
// release, `swappedTags` (the CUDA indexes that release was published on: torch-wheels.ts, with its source).
import { torchRelease } from './torch-wheels.js';

export function torchSwapEnrich(captures: Readonly<Record<string, string>>): Record<string, string> {
  const last = captures['context.lastTorch.version'];
  const lastLocal = captures['context.lastTorch.local'];
  const cuda = captures['context.cudaTorch.version'];
  const tag = captures['context.cudaTorch.tag'];
  const index = captures['context.cudaTorch.index'];
  if (!last || lastLocal || !cuda || !tag || !index) return {};
  const out: Record<string, string> = { swapped: last, cudaTorch: `${cuda}+${tag}`, cudaIndex: index };
  const release = torchRelease(last);
  if (release !== null && !release.cudaTags.includes(tag)) {
    out.swappedTags = `torch ${last} was published for ${release.cudaTags.join(', ')}, not ${tag} (source: ${release.source}).`;
  }
  return out;
}
