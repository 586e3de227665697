// The `memory-knobs` enricher: which variables lower the memory a compile step needs, for the package
// the step builds (knowledge/extension-knobs.ts: knobsFor), and what more memory means on this runner.
// Values are plain text (no backticks, one line).
//
// - torch.utils.cpp_extension reads MAX_JOBS (ninja -j); flash-attn and vllm add NVCC_THREADS (nvcc
//   --threads per job, flash-attn's default 4), so their peak is about MAX_JOBS x NVCC_THREADS
//   compiler threads: extension-knobs.ts, and flash-attn's README ("MAX_JOBS=4 pip install flash-attn
//   --no-build-isolation").
// - CMAKE_BUILD_PARALLEL_LEVEL: CMake's environment variable for `cmake --build` (CMake >= 3.12,
//   cmake-env-variables(7)), read only when the command gives no `-j` / `--parallel` of its own (cmake(1),
//   `--parallel [<jobs>]`: "a default parallel level when this option is not given"); PyTorch's own setup.py reads MAX_JOBS.
// - The runner: fact `runner` / FactView.githubHosted. No memory sizes are claimed.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { knobsFor } from './extension-knobs.js';

/** The package whose knobs apply, from the rule's context hits (`context.flashAttn`, …). */
export function packageOf(captures: Readonly<Record<string, string>>): string | null {
  if (captures['context.flashAttn'] !== undefined) return 'flash-attn';
  if (captures['context.vllm'] !== undefined) return 'vllm';
  if (captures['context.torchExtension'] !== undefined) return 'torch-cpp-extension';
  return null;
}

/** `MAX_JOBS=2 NVCC_THREADS=1` for a package that reads both, `MAX_JOBS=2` for torch extensions, else the generic pair. */
export function jobsEnv(pkg: string | null): string {
  const names = new Set((pkg === null ? [] : knobsFor(pkg)).map((k) => k.name));
  if (names.has('MAX_JOBS') && names.has('NVCC_THREADS')) return 'MAX_JOBS=2 NVCC_THREADS=1';
  if (names.has('MAX_JOBS')) return 'MAX_JOBS=2';
  return 'MAX_JOBS=2 CMAKE_BUILD_PARALLEL_LEVEL=2';
}

function knobNote(pkg: string | null): string {
  if (pkg === 'flash-attn' || pkg === 'vllm') {
    return `${pkg} runs MAX_JOBS compile jobs at once and passes NVCC_THREADS to each nvcc (flash-attn's default is 4), so memory grows with both.`;
  }
  if (pkg === 'torch-cpp-extension') return 'torch.utils.cpp_extension builds with ninja and reads MAX_JOBS for the number of parallel jobs.';
  return 'PyTorch-style setup.py builds read MAX_JOBS; cmake --build reads CMAKE_BUILD_PARALLEL_LEVEL when it is given no -j or --parallel of its own; a make or ninja called directly, or a -j / --parallel written in the command, needs that number lowered.';
}

export function memoryKnobsEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const pkg = packageOf(captures);
  const env = jobsEnv(pkg);
  const inImage = facts.place === 'image-build';
  // Where the build ran is unknown (an excerpt without builder framing): both forms, each labelled.
  const unknown = facts.place === null;
  return {
    jobsEnv: env,
    // The line to add where the build runs: Dockerfile `ENV` in an image build, `export` elsewhere.
    jobsLine: inImage ? `ENV ${env}` : `export ${env}`,
    // The language of the block that holds jobsLine.
    jobsFence: inImage ? 'dockerfile' : 'sh',
    jobsWhere: inImage
      ? 'Add before the RUN that compiles:'
      : unknown
        ? `The log does not show where the build ran: in a Dockerfile, add ENV ${env} before the RUN that compiles; in a shell:`
        : 'Set in the shell before the build command:',
    knobNote: knobNote(pkg),
    runnerNote: facts.githubHosted
      ? 'This job ran on a GitHub-hosted runner, whose memory is fixed by its size: a larger runner or a self-hosted one gives more.'
      : 'Or give the builder more memory (a larger machine, or more memory for Docker Desktop or the buildx builder node).',
  };
}
