// A runtime stage that copies a builder's whole toolkit tree: `COPY --from=builder /usr/local
// /usr/local` out of a CUDA `-devel` stage ships nvcc, the headers and the static libraries (several
// GB on NVIDIA's devel images) in the runtime image, where only the program and the shared libraries
// it loads are needed. Where a toolkit lives: NVIDIA's images install it under
// `/usr/local/cuda-<major.minor>` with the link `/usr/local/cuda` (the nvidia/cuda Dockerfiles on
// gitlab.com/nvidia/container-images/cuda); a conda `cuda-nvcc` puts it in the environment under
// `/opt/conda`. Copying `/usr/local` out of a `python:*` builder is the usual way to carry an
// interpreter's packages and is not this: the builder must be shown to hold a toolkit.
import type { BuildModel, Step } from '../model/types.js';
import type { BuildFacts, FactValue } from '../facts/types.js';
import { imageFacts } from '../facts/image-facts.js';
import { parseImageRef, withFlavour } from './nvidia-images.js';

export interface ToolkitCopy {
  /** The stage (or image) copied from, as the instruction names it. */
  from: string;
  /** The tree copied whole. */
  path: string;
  /** Why the stage holds a toolkit, as a plain clause: `its base image … is a devel image`. */
  proof: string;
  /**
   * The runtime counterpart of the stage's devel image (`nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04`
   * for `…-cudnn-devel-…`, `pytorch/pytorch:…-runtime` for `…-devel`), null when the log names no
   * such image (nvidia-images.ts: each nvidia/cuda release is published as base, runtime and devel).
   */
  runtimeImage: string | null;
}

/** The runtime image of the same release for an nvidia/cuda or pytorch/pytorch devel image. */
function runtimeOf(devel: string): string | null {
  const ref = parseImageRef(devel);
  if (ref?.kind === 'nvidia-cuda' && ref.flavour === 'devel') return withFlavour(ref, 'runtime');
  if (ref?.kind === 'pytorch' && ref.flavour === 'devel') return `pytorch/pytorch:${ref.torch}-cuda${ref.cuda}-cudnn${ref.cudnn}-runtime`;
  return null;
}

/** Trees that hold the whole toolkit when the stage has one: the root, `/usr/local`, a CUDA root. */
const TOOLKIT_TREE = /^\/(?:usr(?:\/local(?:\/cuda(?:-\d{1,2}\.\d{1,2})?)?)?)?$/;
/** A conda prefix holds the toolkit only when conda's own nvcc is there. */
const CONDA_TREE = /^\/opt\/(?:conda|miniconda3|mambaforge|miniforge3)$/;

/** Facts that prove a compiler ran in the stage (an image tag is proof of its own kind, below). */
const COMPILER_SOURCES: ReadonlySet<string> = new Set(['nvcc', 'cmake', 'torch-extension']);

/** `/usr/local/`, `/usr/local/.`, `/usr/local/*` → `/usr/local` (every form copies the whole tree). */
function treeOf(source: string): string {
  let path = source.replace(/\/(?:\.|\*)$/, '');
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path === '' ? '/' : path;
}

/** `COPY [--chown=…] --from=NAME SRC… DEST` → the stage (as the instruction names it), the sources and the destination; null for anything else. */
export function parseCopy(instruction: string): { from: string; sources: string[]; dest: string } | null {
  const words = instruction.trim().split(/\s+/);
  if (words[0] !== 'COPY' || words.length < 3) return null;
  let from: string | null = null;
  const rest: string[] = [];
  for (const word of words.slice(1)) {
    if (word.startsWith('--from=')) from = word.slice('--from='.length);
    else if (!word.startsWith('--')) rest.push(word);
  }
  if (from === null || from === '' || rest.length < 2) return null;
  return { from, sources: rest.slice(0, -1), dest: rest[rest.length - 1]! };
}

/** BuildKit names unnamed stages `stage-N`; `--from=0` means that stage. */
export function stageName(from: string): string {
  return /^\d{1,3}$/.test(from) ? `stage-${from}` : from;
}

function devel(image: string): boolean {
  return imageFacts(image).some(([name, value]) => name === 'imageFlavour' && (value === 'devel' || value === 'ngc'));
}

/** A conda install of NVIDIA's compiler packages: `conda install -c nvidia cuda-nvcc`, `mamba install cuda-toolkit`. */
const CONDA_TOOLKIT = /\b(?:conda|mamba|micromamba) (?:install|create)\b[^\n]{0,2000}?\b(?<pkg>cuda-nvcc|cuda-toolkit|cudatoolkit-dev)\b/;

/** Why `from` holds a CUDA toolkit and the devel image that proves it, or null when the log does not show that it does. */
function toolkitProof(from: string, model: BuildModel, facts: BuildFacts, conda: boolean): { proof: string; image: string | null } | null {
  const stage = stageName(from);
  const inStage = (v: FactValue): boolean => v.stage === stage;
  if (conda) {
    // NVIDIA's images keep their toolkit in /usr/local: a conda prefix has one only when conda installed it.
    const install = model.steps.find((s) => s.stage === stage && CONDA_TOOLKIT.test(s.instruction));
    const pkg = install === undefined ? undefined : CONDA_TOOLKIT.exec(install.instruction)?.groups?.pkg;
    return pkg === undefined ? null : { proof: `conda installed ${pkg} into it`, image: null };
  }
  // `--from=nvidia/cuda:12.4.1-devel-ubuntu22.04`: the image itself.
  if (from.includes(':') && devel(from)) return { proof: `${from} is a devel image`, image: from };
  const base = (facts.baseImage ?? []).find((v) => inStage(v) && devel(v.value));
  if (base !== undefined) return { proof: `its base image ${base.value} is a devel image`, image: base.value };
  const compiled = (facts.cuda ?? []).find((v) => inStage(v) && COMPILER_SOURCES.has(v.source));
  if (compiled !== undefined) return { proof: `the CUDA ${compiled.value} compiler ran in it (${compiled.evidence.trim()})`, image: null };
  return null;
}

/** The toolkit tree a finished COPY step copied whole out of a stage that holds one, or null. */
export function toolkitCopyOf(step: Step, model: BuildModel, facts: BuildFacts): ToolkitCopy | null {
  const copy = parseCopy(step.instruction);
  if (copy === null) return null;
  for (const source of copy.sources) {
    const path = treeOf(source);
    const conda = CONDA_TREE.test(path);
    if (!conda && !TOOLKIT_TREE.test(path)) continue;
    const found = toolkitProof(copy.from, model, facts, conda);
    if (found !== null) return { from: copy.from, path, proof: found.proof, runtimeImage: found.image === null ? null : runtimeOf(found.image) };
  }
  return null;
}

/** The image export's own step (`exporting to image`), whose time grows with every layer it writes. */
export function exportStep(model: BuildModel): Step | null {
  return model.steps.find((s) => s.internal && /^exporting to (?:image|docker image format|oci image format)\b/.test(s.instruction)) ?? null;
}
