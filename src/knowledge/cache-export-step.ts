// The `cache-export-step` enricher: the cache backend the finding's step names. BuildKit names a cache export's step after its
// exporter (`Name()`): the GitHub Actions cache's is `exporting to GitHub Actions Cache` (moby/buildkit cache/remotecache/gha/gha.go).
// That step is BuildKit's own (no Dockerfile instruction), so an instruction context cannot read it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `{enrich.ghaExportStep}`: `yes` when the finding's step is BuildKit's export to the GitHub Actions cache. */
export function cacheExportStepEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  return { ghaExportStep: step !== null && step.instruction.includes('exporting to GitHub Actions Cache') ? 'yes' : '' };
}

/**
 * `{enrich.inlineCacheStep}`: `yes` when the log shows BuildKit's own step `preparing layers for inline cache` (the
 * vertex the solver opens before it writes the inline cache, moby/buildkit solver/llbsolver/solver.go: `inBuilderContext(ctx, j, "preparing layers for inline cache", …)`; a build with `BUILDKIT_INLINE_CACHE=1` or
 * `--cache-to type=inline`), anywhere in the build: the step's header is no line a context can read.
 */
export function inlineCacheStepEnrich(_captures: Readonly<Record<string, string>>, _step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  return { inlineCacheStep: model.steps.some((s) => s.instruction.includes('preparing layers for inline cache')) ? 'yes' : '' };
}
