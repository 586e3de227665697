// The GPU architectures a build asked for: its Dockerfile instruction's lists and the lists and flags
// a rule captured from the log (the failing nvcc command's `-gencode arch=compute_86,code=sm_86`, a
// `TORCH_CUDA_ARCH_LIST=…` line). nvcc stops at the first arch it rejects, so the others the same
// command names are the ones that decide how new a toolkit must be.
import type { Step } from '../model/types.js';
import { parseArch } from './cuda-arches.js';

/** Architectures mentioned in a command or list: `8.6`, `8.6+PTX`, `86`, `sm_86`, `compute_90a`. */
export function archesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/TORCH_CUDA_ARCH_LIST=["']?([0-9][0-9.;+ A-Za-z]{0,200})/g)) out.push(...m[1]!.split(/[;\s]+/));
  for (const m of text.matchAll(/CUDA_ARCHITECTURES=["']?([0-9][0-9;a-z-]{0,200})/g)) out.push(...m[1]!.split(';'));
  for (const m of text.matchAll(/\b(?:sm|compute)_\d{2,3}[af]?\b/g)) out.push(m[0]);
  return out.map((a) => a.trim()).filter((a) => parseArch(a) !== null);
}

/**
 * What the step asked for: its instruction, a rule's `list` capture (`8.0;8.6`), and any capture named
 * `asked` (a context's group holding a command's arch flags or an arch-list assignment).
 */
export function askedArches(captures: Readonly<Record<string, string>>, step: Step | null): string[] {
  const lists = Object.entries(captures)
    .filter(([k]) => k === 'list' || k.endsWith('.list'))
    .flatMap(([, v]) => v.split(/[;\s]+/))
    .filter((a) => parseArch(a) !== null);
  const flags = Object.entries(captures)
    .filter(([k]) => k === 'asked' || k.endsWith('.asked'))
    .flatMap(([, v]) => archesIn(v));
  return [...archesIn(step?.instruction ?? ''), ...lists, ...flags];
}
