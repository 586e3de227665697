// The one line of build facts every report opens with, so a reader sees at once which build the
// advice was written for: `CUDA 11.7 (nvcc) · Ubuntu 18.04 · Python 3.8 · pip 23.0 · linux/amd64`.
import type { BuildModel } from '../model/types.js';
import type { BuildFacts, FactName, FactValue } from '../facts/types.js';
import { factsFor, reportStep } from '../facts/fact-view.js';

/** Where a value was read, in prose: `nvcc`, `image tag`, `Dockerfile FROM`. */
function sourceName(source: string): string {
  if (source === 'image-tag') return 'image tag';
  return source === 'dockerfile' ? 'Dockerfile FROM' : source;
}

/** How a fact's value is named in prose: `CUDA 12.4`, `Ubuntu 22.04`, `Python 3.10`, `pip 23.0.1`. */
function shown(name: FactName, v: FactValue): string | null {
  switch (name) {
    case 'cuda':
      return `CUDA ${v.value} (${sourceName(v.source)})`;
    case 'os':
    case 'platform':
      return v.value;
    case 'python':
      return `Python ${v.value}`;
    case 'torch':
      return `torch ${v.value}`;
    case 'cudnn':
      return `cuDNN ${v.value}`;
    default:
      return null;
  }
}

/**
 * One line for every report: `CUDA 11.7 (nvcc) · Ubuntu 18.04 · Python 3.8 · pip 23.0 · linux/amd64`,
 * with a disagreeing CUDA named (`CUDA 11.8 (nvcc; image tag says 12.1)`). Empty when the log shows none.
 */
export function factsLine(facts: BuildFacts, model: BuildModel): string {
  const view = factsFor(facts, reportStep(model), model);
  const parts: string[] = [];
  const cuda = view.get('cuda');
  if (cuda !== null) {
    const other = view.conflicts('cuda')[0];
    const text = shown('cuda', cuda)!;
    parts.push(other ? `${text.slice(0, -1)}; ${other.source === 'image-tag' || other.source === 'dockerfile' ? `the ${sourceName(other.source)}` : other.source} says ${other.value})` : text);
  }
  for (const name of ['cudnn', 'os', 'python'] as const) {
    const v = view.get(name);
    if (v !== null) parts.push(shown(name, v)!);
  }
  const installer = view.value('installer');
  const pip = view.value('pip');
  if (installer !== null) parts.push(installer === 'pip' && pip !== null ? `pip ${pip}` : installer);
  else if (pip !== null) parts.push(`pip ${pip}`);
  const torch = view.get('torch');
  if (torch !== null) parts.push(shown('torch', torch)!);
  const platform = view.get('platform');
  if (platform !== null) parts.push(platform.value);
  return parts.join(' · ');
}
