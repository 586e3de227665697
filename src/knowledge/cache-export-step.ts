// The `cache-export-step` enricher: the cache backend the finding's step names. BuildKit names a cache export's step after its
// exporter (`Name()`): the GitHub Actions cache's is `exporting to GitHub Actions Cache` (moby/buildkit cache/remotecache/gha/gha.go).
// That step is BuildKit's own (no Dockerfile instruction), so an instruction context cannot read it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `{enrich.ghaExportStep}`: `yes` when the finding's step is BuildKit's export to the GitHub Actions cache. */
export function cacheExportStepEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  return { ghaExportStep: step !== null && step.instruction.includes('exporting to GitHub Actions Cache') ? 'yes' : '' };
}
