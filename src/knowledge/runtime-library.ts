// A program linked in a builder stage against CUPTI, cuDNN or NCCL, copied into a stage whose image
// lacks that library: the build passes, the program fails to load where it runs (`libcupti.so.12:
// cannot open shared object file`). The log proves all three halves or the rule stays silent:
// - the link: the builder's RUN passes `-lcupti` / `-lcudnn` / `-lnccl` to the linker, or its kept
//   output shows CMake finding the library (`-- Found CUDNN: …/libcudnn.so`). pip wheels bring
//   their own copies (the nvidia-* wheels), so an install alone proves nothing;
// - the copy: a `COPY --from=<builder>` in a stage no other stage copies from (the image that ships),
//   of the linked file when the link names its output (`-o /abs/path`);
// - the lack: the copying stage's base image, by what NVIDIA's images hold: `-base` only the CUDA
//   runtime (cudart, cuda-compat); `-runtime` adds the CUDA math libraries and libnccl2, not CUPTI;
//   cuDNN only in the `-cudnn…` tags (cuda-packages.ts: flavourShips and cudnnTagNotes, the
//   dist/<ver>/<os>/{base,runtime}/Dockerfile package lists: libnccl2 in the 9.0, 12.0.0 and 12.4.1
//   runtime lists; CUPTI absent from 10.2, 11.6 and 12.4 runtime images); a plain distro image
//   (debian, ubuntu, python) holds no CUDA library at all; or the builder got the library by a step
//   of its own on top of the very image the copying stage starts from.
// A stage whose base the log does not name (`FROM builder AS final`) or a `-devel` base is left alone,
// and so is a stage that installs or copies the library itself.
import { stepHeader } from '../model/step-header.js';
import type { BuildModel, Step } from '../model/types.js';
import type { BuildFacts } from '../facts/types.js';
import { parseImageRef, withFlavour, type CudaImage } from './nvidia-images.js';
import { cudnnFor, cuptiFor } from './cuda-packages.js';
import { parseCopy, stageName } from './toolkit-copy.js';

export type CudaLibrary = 'cupti' | 'cudnn' | 'nccl';

interface LibraryFacts {
  /** What people call it. */
  name: string;
  /** The loader's file name, without the number. */
  file: string;
  /** A step that brings the library into a stage: an install, a copy of it or of a CUDA tree that holds it. */
  provides: RegExp;
}

const LIBRARIES: Readonly<Record<CudaLibrary, LibraryFacts>> = {
  // A CUDA tree copied whole (`/usr/local/cuda-13.0`) holds CUPTI in lib64; `cuda-command-line-tools` pulls it in on devel images.
  cupti: { name: 'CUPTI', file: 'libcupti.so', provides: /cupti|cuda-command-line-tools|cuda-toolkit|\/usr\/local\/cuda(?:-\d{1,2}\.\d{1,2})?\/?(?:\s|$)/i },
  cudnn: { name: 'cuDNN', file: 'libcudnn.so', provides: /cudnn/i },
  nccl: { name: 'NCCL', file: 'libnccl.so', provides: /nccl/i },
};

/** `-lcupti`, `-lcudnn`, `-lnccl` on a compiler or linker command line (also `-lcudnn_cnn_infer` is cuDNN). */
const LINK_FLAG = /(?:^|\s)-l(?<lib>cupti|cudnn|nccl)(?:_[a-z_]{1,30})?(?=\s|$)/g;
/** CMake's find modules: `-- Found CUDNN: /usr/lib/x86_64-linux-gnu/libcudnn.so`, `-- Found NCCL: …`. */
const CMAKE_FOUND = /^-- Found (?<lib>CUDNN|NCCL|CUPTI)\b.{0,300}?\blib(?:cudnn|nccl|cupti)\.so/i;
/** The linked output when the command names an absolute one: `-o /opt/site/profiler/_C.so`. */
const OUTPUT = /(?:^|\s)-o\s+(?<out>\/\S{1,400})/;
/** The library directory the link searched: `-L/usr/local/cuda-13.0/lib64`. */
const LIB_DIR = /(?:^|\s)-L\s?(?<dir>\/\S{1,400})/;

/** Plain distro and language images: none ships a CUDA library. */
const PLAIN_IMAGE = /^(?:(?:docker\.io\/)?(?:library\/)?)(?:debian|ubuntu|python)(?::|$)/;

export interface LibraryLink {
  library: CudaLibrary;
  step: Step;
  /** The log line that proves it (the step header or the CMake line). */
  evidence: string;
  /** How, in a few words: `-lcupti in builder 5/5`, `CMake found it in builder 3/4`. */
  how: string;
  /** The linked file, when the command names it with an absolute `-o`. */
  output: string | null;
  libDir: string | null;
}

export interface MissingLibrary {
  link: LibraryLink;
  /** The COPY step of the stage that ships, and its stage. */
  copy: Step;
  /** What the message and fix say. */
  values: Record<string, string>;
}


/** The CUDA libraries a finished builder step linked, with their proof. */
function linksOf(step: Step): LibraryLink[] {
  const out: LibraryLink[] = [];
  const seen = new Set<CudaLibrary>();
  const at = `${step.stage ?? ''} ${step.index ?? '?'}/${step.total ?? '?'}`.trim();
  const add = (lib: string | undefined, evidence: string, how: string): void => {
    const library = lib?.toLowerCase() as CudaLibrary | undefined;
    if (library === undefined || !(library in LIBRARIES) || seen.has(library)) return;
    seen.add(library);
    out.push({
      library,
      step,
      evidence,
      how: `${how} in ${at}`,
      output: OUTPUT.exec(step.instruction)?.groups?.out ?? null,
      libDir: LIB_DIR.exec(step.instruction)?.groups?.dir ?? null,
    });
  };
  if (/^RUN\s/.test(step.instruction)) for (const m of step.instruction.matchAll(LINK_FLAG)) add(m.groups?.lib, stepHeader(step), `-l${m.groups?.lib ?? ''}`);
  for (const line of step.tail) {
    if (/NOTFOUND/.test(line)) continue;
    const m = CMAKE_FOUND.exec(line);
    if (m) add(m.groups?.lib, line, 'CMake found it');
  }
  return out;
}

/** A COPY --from with the stage BuildKit names (`--from=0` is `stage-0`). */
function copyOf(instruction: string): { from: string; sources: string[]; dest: string } | null {
  const copy = parseCopy(instruction);
  return copy === null ? null : { ...copy, from: stageName(copy.from) };
}

/** `/opt/site//` → `/opt/site` (a loop: a `/+$` pattern rescans every run of slashes). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/** Where the linked file lands in the copying stage, when the COPY carries it; undefined when it does not carry it. */
function landing(output: string | null, copy: { sources: string[]; dest: string }): string | null | undefined {
  if (output === null) return null;
  for (const source of copy.sources) {
    const src = withoutTrailingSlashes(source);
    if (output === src) return copy.dest.endsWith('/') ? `${copy.dest}${src.slice(src.lastIndexOf('/') + 1)}` : copy.dest;
    if (output.startsWith(`${src}/`)) return `${withoutTrailingSlashes(copy.dest)}${output.slice(src.length)}`;
  }
  return undefined;
}

/** `docker.io/library/debian:12` and `debian:12` are one image, as are `debian` and `debian:latest`. */
export function sameImage(a: string, b: string): boolean {
  const norm = (s: string): string => {
    const name = s.replace(/^(?:docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
    // no tag and no digest after the last `/`: Docker's default tag
    return name.includes('@') || name.slice(name.lastIndexOf('/') + 1).includes(':') ? name : `${name}:latest`;
  };
  return norm(a) === norm(b);
}

/**
 * A stage's base image as the log names it. BuildKit prints a FROM that two stages share once, under
 * the first stage: a stage with no FROM step of its own, in a log whose FROM steps all name one image,
 * starts from that image (a stage on another stage has no FROM step either: see the caveat below).
 */
function baseOf(stage: string, model: BuildModel, facts: BuildFacts): string | null {
  const bases = facts.baseImage ?? [];
  const own = bases.find((v) => v.stage === stage);
  if (own !== undefined) return own.value;
  const froms = model.steps.filter((s) => /^FROM\s/.test(s.instruction));
  if (froms.some((s) => s.stage === stage)) return null;
  const images = [...new Set(bases.map((v) => v.value))];
  const only = images[0];
  return images.length === 1 && only !== undefined && images.every((i) => sameImage(i, only)) ? only : null;
}

/** Why `image` lacks the library, as a clause, or null when it may hold it (or the log cannot tell). */
function lackOf(library: CudaLibrary, image: string, builderGotIt: Step | null, builderBase: string | null): string | null {
  const ref = parseImageRef(image);
  if (ref?.kind === 'nvidia-cuda') {
    if (ref.flavour === 'devel') return null;
    if (library === 'cudnn' && ref.cudnn === null) return `a CUDA ${ref.flavour} image without cuDNN (cuDNN comes with the cudnn tags)`;
    if (library === 'cupti') return `a CUDA ${ref.flavour} image, which has no CUPTI (only devel images do)`;
    if (library === 'nccl' && ref.flavour === 'base') return 'a CUDA base image, which holds the CUDA runtime alone (NCCL comes with the runtime images)';
    return null;
  }
  if (ref === null && PLAIN_IMAGE.test(image)) return 'a plain distro image, which holds no CUDA library';
  if (ref === null && builderGotIt !== null && builderBase !== null && sameImage(image, builderBase)) {
    return `the builder's own base image, to which the builder added it in step ${builderGotIt.index ?? '?'}/${builderGotIt.total ?? '?'}`;
  }
  return null;
}

/** A second way, fitted to an NVIDIA base: the image or the apt package that holds the library; null for other images. */
function remedy(library: CudaLibrary, image: string, builderImage: string | null): string | null {
  const ref = parseImageRef(image);
  if (ref?.kind !== 'nvidia-cuda') return null;
  if (library === 'cupti') {
    const cupti = cuptiFor(ref.cuda);
    return cupti === null ? null : `Or install ${cupti.aptLib} here from NVIDIA's apt repository (set up in nvidia/cuda images): it puts CUPTI in /usr/local/cuda/lib64.`;
  }
  if (library === 'nccl') return `Or start this stage from ${withFlavour(ref, 'runtime')} (NVIDIA's runtime images hold libnccl2), or install libnccl2 here.`;
  // cuDNN: the cudnn tag of this release, numbered as the builder's tag is when it has one.
  const builderRef = builderImage === null ? null : parseImageRef(builderImage);
  const cudnn: CudaImage['cudnn'] = builderRef?.kind === 'nvidia-cuda' && builderRef.cudnn !== null ? builderRef.cudnn : null;
  if (cudnn === null) return `Or start this stage from the cudnn runtime tag of CUDA ${ref.cudaFull} on ${ref.os}${ref.osRelease} (cudnn-runtime, or cudnn8-runtime for cuDNN 8: see the tags on Docker Hub).`;
  const pkg = cudnnFor(cudnn === 'yes' ? 9 : cudnn, Number(ref.cuda.split('.')[0]));
  return `Or start this stage from ${withFlavour({ ...ref, cudnn }, 'runtime')}, the builder's cuDNN on this stage's CUDA and OS${pkg === null ? '' : `, or install ${pkg.aptLib} here`}.`;
}

/** The stages some other stage copies from: not the image that ships. */
function copiedStages(model: BuildModel): Set<string> {
  const out = new Set<string>();
  for (const s of model.steps) {
    const copy = copyOf(s.instruction);
    if (copy !== null) out.add(copy.from);
  }
  return out;
}

/** The finished COPY steps that carry a program linked against a CUDA library into a stage that lacks it. */
export function missingLibraries(model: BuildModel, facts: BuildFacts): MissingLibrary[] {
  const links = model.steps.filter((s) => !s.internal && s.status !== 'error' && s.stage !== null).flatMap(linksOf);
  if (links.length === 0) return [];
  const feeders = copiedStages(model);
  const out: MissingLibrary[] = [];
  for (const step of model.steps) {
    if (step.internal || step.status === 'error' || step.stage === null || feeders.has(step.stage)) continue;
    const copy = copyOf(step.instruction);
    if (copy === null) continue;
    const stage = step.stage;
    const ownSteps = model.steps.filter((s) => s.stage === stage && s.id !== step.id);
    for (const link of links.filter((l) => l.step.stage === copy.from)) {
      const lib = LIBRARIES[link.library];
      const to = landing(link.output, copy);
      if (to === undefined) continue;
      if (copy.sources.some((s) => lib.provides.test(s)) || ownSteps.some((s) => lib.provides.test(s.instruction))) continue;
      const image = baseOf(stage, model, facts);
      if (image === null) continue;
      const builderBase = baseOf(copy.from, model, facts);
      const gotIt = model.steps.find((s) => s.stage === copy.from && s.id < link.step.id && lib.provides.test(s.instruction) && !/^FROM\s/.test(s.instruction)) ?? null;
      const lack = lackOf(link.library, image, gotIt, builderBase);
      if (lack === null) continue;
      const program = to ?? '<program>';
      const fix = remedy(link.library, image, builderBase);
      out.push({
        link,
        copy: step,
        values: {
          library: lib.name,
          file: lib.file,
          from: copy.from,
          linkedBy: link.how,
          image,
          lack,
          libDir: link.libDir ?? '<the directory the builder linked it from>',
          ...(fix === null ? {} : { remedy: fix }),
          program,
        },
      });
    }
  }
  return out;
}
