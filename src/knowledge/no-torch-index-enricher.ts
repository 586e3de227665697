// The `no-torch-index` enricher: a CUDA toolkit for which PyTorch publishes no wheel index (CUDA 12.0: the CUDA 12
// indexes begin at cu121, torch-wheels.ts), met by a torch.utils.cpp_extension mismatch. "Install the torch of this
// toolkit" has no answer then, so the fix needs another CUDA that has one:
// - a second toolkit the log itself shows (an `nvcc --version` of 11.8 beside a CUDA_HOME of 12.0): building against it
//   means pointing CUDA_HOME at it, since torch takes CUDA_HOME before the nvcc on PATH (cpp_extension.py, _find_cuda_home);
// - else the nearest index of the same major above the toolkit: cpp_extension refuses only a different major and warns on a
//   different minor (cuda/version-mismatch.ts), so a cu121 torch compiles extensions with a 12.0 toolkit.
// Nothing here when the toolkit has an index (the cuda-version enricher's `torchInstall` covers it).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { indexUrl, torchReleases, wheelTagFor } from './torch-wheels.js';
import { stepCudaVersion } from './cuda-arch-enricher.js';
import { installCommand, installerOf } from './installer-forms.js';
import { tagCuda } from './torch-find-links.js';

/** The oldest index tag of the same major whose minor is above the toolkit's, or null. */
export function nearestTagAbove(cudaVersion: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})/.exec(cudaVersion.trim());
  if (!m) return null;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  let best: { tag: string; minor: number } | null = null;
  for (const tag of new Set(torchReleases.flatMap((r) => r.cudaTags))) {
    const v = tagCuda(tag)?.split('.').map(Number);
    if (v === undefined || v[0] !== major || v[1]! <= minor) continue;
    if (best === null || v[1]! < best.minor) best = { tag, minor: v[1]! };
  }
  return best?.tag ?? null;
}

export function noTorchIndexEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const version = stepCudaVersion(captures, facts);
  if (version === null || wheelTagFor(version) !== null) return {};
  const out: Record<string, string> = { noIndexCuda: version };
  // torch built for a newer CUDA major than the toolkit (nvcc 10.1 beside torch cu121, lipzh5/ResearchProgress#11): the nearest
  // index of the toolkit's major is torch of another generation (cu102: torch 1.5-1.12, torch-wheels.ts), so the toolkit is
  // the piece to move. `torchTag` is the PyTorch/PyG tag of torch's CUDA (`cu121`).
  const torchCuda = captures.torchCuda ?? tagCuda(facts.get('torchCuda')?.value ?? '');
  const tm = /^(\d{1,2})\.(\d{1,2})$/.exec(torchCuda ?? '');
  if (tm && Number(tm[1]) > Number(version.split('.')[0])) {
    out.olderToolkit = `${Number(tm[1])}.${Number(tm[2])}`;
    out.torchTag = `cu${Number(tm[1])}${Number(tm[2])}`;
  }
  // another toolkit the log shows, read from its own nvcc, with an index of its own
  const values = [facts.get('cuda'), ...facts.conflicts('cuda')].filter((v) => v !== null);
  const other = values.find((v) => v.source === 'nvcc' && v.value !== version && wheelTagFor(v.value) !== null);
  const tag = other !== undefined ? wheelTagFor(other.value) : nearestTagAbove(version);
  if (tag === null) return out;
  const url = indexUrl(tag)!;
  if (other !== undefined) out.otherCuda = other.value;
  else out.nearestCuda = tagCuda(tag)!;
  out.otherIndex = url;
  // the release is the one the package's build requirements pin: the newest on the index may be years past its stack
  out.otherInstall = installCommand(installerOf(facts), { requirements: ['torch'], indexUrl: url });
  return out;
}
