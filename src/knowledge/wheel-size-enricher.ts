// The `wheel-size` enricher: a limit to raise a wheel size guard to, for a wheel of `{size}` MB: the next multiple of
// 50 MB above it (291.37 → 300), so the printed build arg passes this wheel and still guards against a much larger one.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

export function aboveSize(size: string | undefined): string | null {
  const mb = Number(size);
  if (!Number.isFinite(mb) || mb <= 0) return null;
  return String(Math.floor(mb / 50) * 50 + 50);
}

export function wheelSizeEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const above = aboveSize(captures.size);
  return above === null ? {} : { aboveSize: above };
}
