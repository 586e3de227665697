// Which GPU architectures each CUDA toolkit's nvcc accepts for offline compilation
// (`-arch=sm_XX`, `-gencode arch=compute_XX,code=sm_XX`, `TORCH_CUDA_ARCH_LIST`,
// `CMAKE_CUDA_ARCHITECTURES`). Used by the `cuda/unsupported-arch` finding and by the Dockerfile
// check of arch lists against the base image's CUDA version.
//
// Sources:
// - nvcc's documentation, "GPU Feature List" / "Virtual Architecture Feature List", one edition
//   per toolkit release (docs.nvidia.com/cuda/archive/<version>/cuda-compiler-driver-nvcc/), and
//   the toolkit release notes for the removals: CUDA 9.0 drops sm_2x, 11.0 drops sm_30/sm_32,
//   12.0 drops sm_35/sm_37, 13.0 drops sm_50…sm_72 (Maxwell, Pascal, Volta) and renames sm_101 to
//   sm_110; 12.8 adds sm_100/sm_101/sm_120, 12.9 adds sm_103/sm_121 and the `f` family targets.
// - `nvcc --list-gpu-arch` and `--list-gpu-code` of CUDA 13.0.88 (run on this project's machine):
//   compute_75 compute_80 compute_86 compute_87 compute_88 compute_89 compute_90 compute_100
//   compute_110 compute_103 compute_120 compute_121; `-arch=sm_35` there prints
//   `nvcc fatal   : Unsupported gpu architecture 'sm_35'`, `sm_90a`, `sm_100f`, `sm_121a` build.
// The virtual (`compute_XX`) and real (`sm_XX`) lists are the same set in every release listed.
import { compareVersions } from '../text/compare-versions.js';

/** One toolkit release line: the real architectures its nvcc compiles for. */
interface ToolkitArches {
  /** `major.minor` of the toolkit. */
  version: string;
  /** Compute capabilities as two- or three-digit numbers (`86` = sm_86 = 8.6). */
  arches: readonly number[];
  /** Arches that also accept the architecture-specific `a` suffix (`sm_90a`). */
  specific: readonly number[];
  /** Arches that also accept the family `f` suffix (`sm_100f`). */
  family: readonly number[];
}

const cuda9 = [30, 32, 35, 37, 50, 52, 53, 60, 61, 62, 70];
const cuda10 = [...cuda9, 72, 75];
const cuda11 = [35, 37, 50, 52, 53, 60, 61, 62, 70, 72, 75, 80];
const cuda111 = [...cuda11, 86];
const cuda114 = [...cuda111, 87];
const cuda118 = [...cuda114, 89, 90];
const cuda12 = [50, 52, 53, 60, 61, 62, 70, 72, 75, 80, 86, 87, 89, 90];
const cuda128 = [...cuda12, 100, 101, 120];
const cuda129 = [...cuda128, 103, 121];
const cuda13 = [75, 80, 86, 87, 88, 89, 90, 100, 103, 110, 120, 121];

const none: readonly number[] = [];

/** Toolkit releases, oldest first. */
export const toolkitArches: readonly ToolkitArches[] = [
  { version: '8.0', arches: [20, 21, 30, 32, 35, 37, 50, 52, 53, 60, 61, 62], specific: none, family: none },
  { version: '9.0', arches: cuda9, specific: none, family: none },
  { version: '9.1', arches: [...cuda9, 72], specific: none, family: none },
  { version: '9.2', arches: [...cuda9, 72], specific: none, family: none },
  { version: '10.0', arches: cuda10, specific: none, family: none },
  { version: '10.1', arches: cuda10, specific: none, family: none },
  { version: '10.2', arches: cuda10, specific: none, family: none },
  { version: '11.0', arches: cuda11, specific: none, family: none },
  { version: '11.1', arches: cuda111, specific: none, family: none },
  { version: '11.2', arches: cuda111, specific: none, family: none },
  { version: '11.3', arches: cuda111, specific: none, family: none },
  { version: '11.4', arches: cuda114, specific: none, family: none },
  { version: '11.5', arches: cuda114, specific: none, family: none },
  { version: '11.6', arches: cuda114, specific: none, family: none },
  { version: '11.7', arches: cuda114, specific: none, family: none },
  { version: '11.8', arches: cuda118, specific: none, family: none },
  { version: '12.0', arches: cuda12, specific: [90], family: none },
  { version: '12.1', arches: cuda12, specific: [90], family: none },
  { version: '12.2', arches: cuda12, specific: [90], family: none },
  { version: '12.3', arches: cuda12, specific: [90], family: none },
  { version: '12.4', arches: cuda12, specific: [90], family: none },
  { version: '12.5', arches: cuda12, specific: [90], family: none },
  { version: '12.6', arches: cuda12, specific: [90], family: none },
  { version: '12.8', arches: cuda128, specific: [90, 100, 101, 120], family: none },
  { version: '12.9', arches: cuda129, specific: [90, 100, 101, 103, 120, 121], family: [100, 101, 103, 120, 121] },
  { version: '13.0', arches: cuda13, specific: [90, 100, 103, 110, 120, 121], family: [100, 103, 110, 120, 121] },
];

/** An architecture as written anywhere: `sm_86`, `compute_90a`, `8.6`, `8.6+PTX`, `86-real`, `90a`. */
export interface ParsedArch {
  /** Compute capability as a number: 86 for 8.6, 100 for 10.0. */
  capability: number;
  /** `a` (architecture-specific), `f` (family) or '' . */
  suffix: '' | 'a' | 'f';
  /** The canonical nvcc spelling of the real target: `sm_86`, `sm_90a`. */
  name: string;
}

// Each alternative starts differently (`sm_`/`compute_`/`lto_`, digit-dot-digit, plain digits) and
// every quantifier is bounded, so matching is linear.
const archForms = /^(?:(?:sm|compute|lto)_(\d{2,3})([af]?)|(\d{1,2})\.(\d)([af]?)(?:\+ptx)?|(\d{2,3})([af]?)(?:-real|-virtual)?)$/i;

export function parseArch(text: string): ParsedArch | null {
  const m = archForms.exec(text.trim());
  if (!m) return null;
  let capability: number;
  let suffix: string;
  if (m[1] !== undefined) {
    capability = Number(m[1]);
    suffix = m[2] ?? '';
  } else if (m[3] !== undefined) {
    capability = Number(m[3]) * 10 + Number(m[4]);
    suffix = m[5] ?? '';
  } else {
    capability = Number(m[6]);
    suffix = m[7] ?? '';
  }
  const s = suffix.toLowerCase() as '' | 'a' | 'f';
  return { capability, suffix: s, name: `sm_${capability}${s}` };
}

/** `12.4.1`, `12.4`, `V12.4.131`, `cuda12.1`, `cu121` → `12.4` / `12.1`; null when not a version. */
export function normaliseCudaVersion(text: string): string | null {
  const t = text.trim().replace(/^(?:v|cuda-?|cu)/i, '');
  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.\d{1,4})?$/.exec(t);
  if (dotted) return `${Number(dotted[1])}.${Number(dotted[2])}`;
  // PyTorch wheel tags: cu118 → 11.8, cu121 → 12.1, cu128 → 12.8 (last digit is the minor).
  const packed = /^(\d{2})(\d)$/.exec(t);
  if (packed) return `${Number(packed[1])}.${Number(packed[2])}`;
  return null;
}

/**
 * The table entry for a toolkit version: the exact release, or the closest older one for a minor
 * release the table does not list (a newer 12.x behaves as the newest 12.x listed before it). Null before 8.0 or after the newest
 * major release known here.
 */
export function toolkitFor(cudaVersion: string): ToolkitArches | null {
  const v = normaliseCudaVersion(cudaVersion);
  if (v === null) return null;
  const newest = toolkitArches[toolkitArches.length - 1]!;
  if (Number(v.split('.')[0]) > Number(newest.version.split('.')[0])) return null;
  let found: ToolkitArches | null = null;
  for (const t of toolkitArches) if (compareVersions(t.version, v) <= 0) found = t;
  return found;
}

function archName(capability: number): string {
  return `sm_${capability}`;
}

/** The real architectures a toolkit accepts, lowest first (`sm_50`, …), or null when unknown. */
export function supportedArches(cudaVersion: string): string[] | null {
  const t = toolkitFor(cudaVersion);
  return t ? [...t.arches].sort((a, b) => a - b).map(archName) : null;
}

export interface ArchSupport {
  /** Canonical arch name (`sm_86`), or the input when it could not be parsed. */
  arch: string;
  /** The toolkit version the answer is for (`12.4`), as given when not in the table. */
  cudaVersion: string;
  /** true / false; null when the version or the arch is unknown here. */
  supported: boolean | null;
  /** Why not: below the toolkit's minimum, above its maximum, or a suffix it does not know. */
  reason: 'too-old' | 'too-new' | 'not-an-arch' | 'suffix' | null;
  /** Lowest and highest real arch of the toolkit (`sm_50`, `sm_90`), null when unknown. */
  min: string | null;
  max: string | null;
  /** Every real arch the toolkit accepts, lowest first. */
  accepted: string[];
}

/** Whether `arch` (any spelling) can be compiled by the nvcc of CUDA `cudaVersion`. */
export function archSupport(cudaVersion: string, arch: string): ArchSupport {
  const parsed = parseArch(arch);
  const t = toolkitFor(cudaVersion);
  const accepted = t ? [...t.arches].sort((a, b) => a - b) : [];
  const min = accepted.length ? archName(accepted[0]!) : null;
  const max = accepted.length ? archName(accepted[accepted.length - 1]!) : null;
  const base = {
    arch: parsed?.name ?? arch,
    cudaVersion: t?.version ?? normaliseCudaVersion(cudaVersion) ?? cudaVersion,
    min,
    max,
    accepted: accepted.map(archName),
  };
  if (parsed === null) return { ...base, supported: t ? false : null, reason: t ? 'not-an-arch' : null };
  if (!t) return { ...base, supported: null, reason: null };
  if (!t.arches.includes(parsed.capability)) {
    const reason = parsed.capability < accepted[0]! ? 'too-old' : parsed.capability > accepted[accepted.length - 1]! ? 'too-new' : 'not-an-arch';
    return { ...base, supported: false, reason };
  }
  if (parsed.suffix === 'a' && !t.specific.includes(parsed.capability)) return { ...base, supported: false, reason: 'suffix' };
  if (parsed.suffix === 'f' && !t.family.includes(parsed.capability)) return { ...base, supported: false, reason: 'suffix' };
  return { ...base, supported: true, reason: null };
}

/** The toolkit versions whose nvcc accepts `arch` (plain capability), oldest first. */
export function toolkitsSupporting(arch: string): string[] {
  const parsed = parseArch(arch);
  if (!parsed) return [];
  return toolkitArches.filter((t) => t.arches.includes(parsed.capability)).map((t) => t.version);
}

/**
 * Arches that a release renumbered: CUDA 13.0 calls Thor sm_110, which CUDA 12.8 and 12.9 call sm_101
 * (NVIDIA's CUDA Features Archive, "CUDA 13.0 Features": "SM101 has been renumbered as SM110 from this
 * release"; the MathDx release notes: "for CUDA 12.9 and older releases Thor stays labeled as sm_101").
 */
const RENUMBERED: Readonly<Record<number, { before: number; in: string }>> = { 110: { before: 101, in: '13.0' } };

/** The name an older release gives the GPU of `arch` (`sm_101` for `sm_110` before 13.0), or null. */
export function earlierName(arch: string): { name: string; before: string } | null {
  const parsed = parseArch(arch);
  const r = parsed ? RENUMBERED[parsed.capability] : undefined;
  return r ? { name: `sm_${r.before}`, before: r.in } : null;
}

/**
 * What the rejection of `arch` says of a toolkit whose version the log does not show: it is one that
 * removed the arch (`removedIn`: the first release after the last that accepts it, when a later release
 * dropped it) or one from before the arch came (`needs`: the first release that accepts it, when that is
 * not the oldest release of the table, which may not be the first to accept it). Null for an arch no
 * release here accepts.
 */
export function toolkitsRejecting(arch: string): { removedIn: string | null; needs: string | null } | null {
  const accepting = toolkitsSupporting(arch);
  if (accepting.length === 0) return null;
  const versions = toolkitArches.map((t) => t.version);
  const last = versions.indexOf(accepting[accepting.length - 1]!);
  const first = versions.indexOf(accepting[0]!);
  const capability = parseArch(arch)!.capability;
  return {
    removedIn: last < versions.length - 1 ? versions[last + 1]! : null,
    needs: first > 0 ? versions[first]! : FIRST_IN_OLDEST.includes(capability) ? versions[0]! : null,
  };
}

/**
 * Arches of the table's oldest release (8.0) that it was the first to accept: Pascal, sm_60 / sm_61 / sm_62 (NVIDIA's
 * "Pascal Compatibility Guide": "Applications Using CUDA Toolkit 7.5 or Earlier" build no Pascal code; "Applications
 * Using CUDA Toolkit 8.0" do). The older arches of that release came before it, in releases not listed here.
 */
const FIRST_IN_OLDEST: readonly number[] = [60, 61, 62];

/** `sm_50 … sm_90` for messages, or null when the version is unknown. */
export function archRange(cudaVersion: string): string | null {
  const list = supportedArches(cudaVersion);
  return list && list.length ? `${list[0]} … ${list[list.length - 1]}` : null;
}
