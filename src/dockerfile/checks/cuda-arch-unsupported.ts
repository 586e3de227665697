// GPU architectures the base image's nvcc cannot compile (`sm_35` on CUDA 12, `sm_90` on CUDA
// 11.7): the build runs for an hour and dies with `nvcc fatal : Unsupported gpu architecture`.
// The arch lists come from TORCH_CUDA_ARCH_LIST, CMAKE_CUDA_ARCHITECTURES (ENV, ARG or a `-D`
// option), and nvcc's `-arch=` / `-gencode arch=…,code=…`; the accepted arches per CUDA release are
// the knowledge table in src/knowledge/cuda-arches.ts.
import { archSupport, normaliseCudaVersion, toolkitsSupporting, type ArchSupport } from '../../knowledge/cuda-arches.js';
import { archListFor, cmakeArchList, gencodeFlags, torchArchList } from '../../knowledge/arch-list-enricher.js';
import { cudaTagsUrl, develTagFor } from '../../knowledge/cuda-image-tags.js';
import { parseImageRef as parseCudaImage } from '../../knowledge/nvidia-images.js';
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { parseImageRef } from '../image-ref.js';
import { expandVariables } from '../variables.js';
import { baseImageOf, code, findingAt, runSource, type StaticCheck } from './check.js';

/** The CUDA version of a base image: `nvidia/cuda:12.4.0-devel-ubuntu22.04`, `pytorch/pytorch:2.3.0-cuda12.1-cudnn8-devel`. */
export function cudaVersionOfImage(image: string): string | null {
  const ref = parseImageRef(image);
  if (ref === null || ref.tag === null) return null;
  if (ref.repository === 'nvidia/cuda') return normaliseCudaVersion(ref.tag.split('-', 1)[0]!);
  const tagged = /(?:^|-)cuda(\d{1,2}\.\d{1,2})(?:-|$)/.exec(ref.tag);
  return tagged === null ? null : normaliseCudaVersion(tagged[1]!);
}

interface ArchMention {
  /** How it was written: `8.6+PTX`, `sm_35`, `compute_90`. */
  written: string;
  /** Where: `TORCH_CUDA_ARCH_LIST`, `-gencode`, … */
  source: string;
}

const LIST_VARIABLES = ['TORCH_CUDA_ARCH_LIST', 'CMAKE_CUDA_ARCHITECTURES', 'CUDA_ARCH_LIST'];

/** Arch values in a TORCH_CUDA_ARCH_LIST / CMAKE_CUDA_ARCHITECTURES value (`;`, `,` or blank separated). */
function listValues(value: string): string[] {
  return value
    .split(/[;,\s]+/)
    .map((v) => v.trim())
    .filter((v) => /^\d/.test(v)); // `native`, `all`, `Ampere`: not numbers, not checked
}

/** `NAME=value` settings of the arch variables in an ENV / ARG instruction, values expanded. */
function fromAssignments(instruction: DockerfileInstruction): ArchMention[] {
  const mentions: ArchMention[] = [];
  for (const name of LIST_VARIABLES) {
    const re = new RegExp(`(?:^|\\s)${name}[= ](?:"([^"]*)"|'([^']*)'|(\\S*))`, 'g');
    for (const m of instruction.args.matchAll(re)) {
      const raw = m[1] ?? m[2] ?? m[3] ?? '';
      const value = expandVariables(raw, instruction.variables, false).text;
      for (const written of listValues(value)) mentions.push({ written, source: name });
    }
  }
  return mentions;
}

/** nvcc flags and `-DCMAKE_CUDA_ARCHITECTURES=` / `TORCH_CUDA_ARCH_LIST=…` inside a RUN. */
function fromRun(run: DockerfileInstruction): ArchMention[] {
  const source = expandVariables(runSource(run), run.variables, true).text;
  const mentions: ArchMention[] = [];
  for (const m of source.matchAll(/(?:^|\s)(?:-arch|--gpu-architecture|-code|--gpu-code)[= ](?:sm|compute|lto)_(\d{2,3}[af]?)/g)) {
    mentions.push({ written: `sm_${m[1]}`, source: 'nvcc -arch' });
  }
  for (const m of source.matchAll(/-gencode[= ]"?arch=compute_(\d{2,3}[af]?),code=\[?([a-z_0-9,]{1,200})/g)) {
    mentions.push({ written: `compute_${m[1]}`, source: '-gencode' });
    for (const code of m[2]!.split(',')) if (/^(?:sm|compute)_\d/.test(code)) mentions.push({ written: code, source: '-gencode' });
  }
  for (const m of source.matchAll(/(?:-D)?(TORCH_CUDA_ARCH_LIST|CMAKE_CUDA_ARCHITECTURES)=(?:"([^"]*)"|'([^']*)'|(\S*))/g)) {
    for (const written of listValues(m[2] ?? m[3] ?? m[4] ?? '')) mentions.push({ written, source: m[1]! });
  }
  return mentions;
}

/** The name nvcc prints in its error: `-arch=sm_35` → sm_35; arch lists become `-gencode arch=compute_35,…` → compute_35. */
function nvccName(mention: ArchMention, support: ArchSupport): string {
  const capability = support.arch.replace(/^sm_/, '');
  return mention.written.startsWith('sm_') ? `sm_${capability}` : `compute_${capability}`;
}

/**
 * The fix's example in the notation of the setting that was wrong, from the arches this instruction asked
 * for that the toolkit accepts (else common ones it accepts: archListFor), so it never names a rejected arch.
 * CMake's list is quoted: an unquoted `;` ends the shell command in a RUN line.
 */
function exampleSetting(source: string, caps: number[]): string {
  if (source === 'CMAKE_CUDA_ARCHITECTURES') return `-DCMAKE_CUDA_ARCHITECTURES="${cmakeArchList(caps)}"`;
  if (source === 'nvcc -arch' || source === '-gencode') return gencodeFlags(caps);
  return `ENV TORCH_CUDA_ARCH_LIST="${torchArchList(caps)}"`;
}

/** For arches newer than the toolkit: the first CUDA release that compiles them, as a devel tag of the stage's OS. */
function newerCudaNote(rejected: ArchSupport[], base: string): string | null {
  const tooNew = rejected.filter((r) => r.reason === 'too-new');
  if (tooNew.length === 0) return null;
  const needs = tooNew.map((r) => toolkitsSupporting(r.arch)[0]).filter((v): v is string => v !== undefined).sort((a, b) => Number(a.split('.')[0]) - Number(b.split('.')[0]) || Number(a.split('.')[1]) - Number(b.split('.')[1]));
  const cuda = needs[needs.length - 1];
  if (cuda === undefined) return null;
  const ref = parseCudaImage(base);
  const os = ref?.kind === 'nvidia-cuda' && ref.os === 'ubuntu' ? `Ubuntu ${ref.osRelease}` : null;
  const image = develTagFor(cuda, os);
  return image !== null
    ? `${tooNew.map((r) => r.arch).join(', ')} needs CUDA ${cuda} or newer: \`FROM ${image}\` (same OS as this stage).`
    : `${tooNew.map((r) => r.arch).join(', ')} needs CUDA ${cuda} or newer: a \`-devel\` tag of it for this OS (${cudaTagsUrl(cuda) ?? 'https://hub.docker.com/r/nvidia/cuda/tags'}).`;
}

/**
 * A toolkit the stage puts on its path: NVIDIA's installers (runfile, apt's `cuda-toolkit-X-Y`)
 * put it in `/usr/local/cuda-X.Y`, and the installation guide's post-installation step adds
 * `/usr/local/cuda-X.Y/bin` to PATH (https://docs.nvidia.com/cuda/cuda-installation-guide-linux/,
 * "Environment Setup"). CUDA_HOME names the same directory.
 */
const VERSIONED_TOOLKIT = /(?:^|:)\/usr\/local\/cuda-(\d{1,2}\.\d{1,2})(?:\/bin)?\/?(?=:|$)/;

/** The CUDA version the stage compiles with, and what says so: its base image's tag, else a versioned toolkit on its PATH or in CUDA_HOME. */
function stageCuda(stage: DockerfileStage, dockerfile: Dockerfile): { version: string; from: string } | null {
  const base = baseImageOf(stage, dockerfile);
  const tagged = cudaVersionOfImage(base);
  if (tagged !== null) return { version: tagged, from: base };
  for (const name of ['PATH', 'CUDA_HOME']) {
    const value = stage.env.get(name);
    const m = value === undefined ? null : VERSIONED_TOOLKIT.exec(value);
    const version = m === null ? null : normaliseCudaVersion(m[1]!);
    if (version !== null) return { version, from: `${name}=/usr/local/cuda-${m![1]}` };
  }
  return null;
}

export const cudaArchUnsupported: StaticCheck = {
  id: 'dockerfile/cuda-arch-unsupported',
  title: "GPU architecture the base image's CUDA cannot compile",
  severity: 'error',
  sameProblemAs: ['cuda/unsupported-arch', 'cuda/invalid-arch-list'],
  docs: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/#gpu-feature-list',
  check(dockerfile) {
    const findings = [];
    for (const stage of dockerfile.stages) {
      const toolkit = stageCuda(stage, dockerfile);
      if (toolkit === null) continue;
      const cuda = toolkit.version;
      for (const instruction of stage.instructions) {
        const mentions =
          instruction.keyword === 'RUN' ? fromRun(instruction) : instruction.keyword === 'ENV' || instruction.keyword === 'ARG' ? fromAssignments(instruction) : [];
        const rejected = new Map<string, { support: ArchSupport; mention: ArchMention }>();
        for (const mention of mentions) {
          const support = archSupport(cuda, mention.written);
          if (support.supported === false && support.reason !== 'not-an-arch') rejected.set(support.arch, { support, mention });
        }
        if (rejected.size === 0) continue;
        const list = [...rejected.values()];
        const { support } = list[0]!;
        const base = baseImageOf(stage, dockerfile);
        const names = list.map((r) => `${code(r.mention.written)} (${r.mention.source})`).join(', ');
        const caps = archListFor(cuda, mentions.map((m) => m.written)) ?? [];
        const newer = newerCudaNote(list.map((r) => r.support), base);
        findings.push(
          findingAt(cudaArchUnsupported, dockerfile, instruction, {
            message: `The stage builds on CUDA ${support.cudaVersion} (${code(toolkit.from)}), whose nvcc accepts ${support.min} … ${support.max}; ${names} ${list.length === 1 ? 'is' : 'are'} not among them, so compiling stops with ${code(`nvcc fatal   : Unsupported gpu architecture '${nvccName(list[0]!.mention, support)}'`)}.`,
            fix: [
              `Keep the architectures CUDA ${support.cudaVersion} accepts (it takes ${support.accepted.join(', ')}); from this list that leaves:`,
              '```',
              exampleSetting(list[0]!.mention.source, caps),
              '```',
              ...(newer !== null ? [newer] : []),
            ].join('\n'),
          }),
        );
      }
    }
    return findings;
  },
};
