// The `unpinned-flash-attn` enricher: whether the failed step installed flash-attn with no version, read
// from what BuildKit keeps even when the step's output is cut: the step's instruction, its error and the
// solve error (`process "/bin/bash --login -c pip install flash-attn --no-build-isolation" did not
// complete successfully`). Key `unpinnedFlashAttn` (the package as written) or none. Why it matters and
// the advice: rules/catalog/pip/unpinned-flash-attn.ts.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** An install command naming `flash-attn` / `flash_attn` followed by no version (`==`, `>=`, `@`), extra or more of a name. */
const UNPINNED = /\b(?:pip3?|uv pip|python3? -m pip) install\b[^"'\n]{0,300}?[\s=](?<pkg>flash[-_]attn)(?![\w.=<>~!@[-])/;

export function unpinnedFlashAttnEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  const texts = [step?.instruction, step?.error, model.solveError?.message];
  for (const text of texts) {
    const m = text ? UNPINNED.exec(text) : null;
    if (m?.groups?.pkg) return { unpinnedFlashAttn: m.groups.pkg };
  }
  return {};
}
