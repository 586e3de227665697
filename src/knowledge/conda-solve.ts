// The `conda-solve` enricher: where the specs of a failed conda solve are written, and how to check
// a changed spec without installing, in the form of the command the log shows (conda, mamba or
// micromamba) and for the place it ran.
//
// Sources (read 2026 in the projects' own trees):
// - conda: `conda env create`, `conda create` and `conda install` take `-d/--dry-run` ("Only display
//   what would have been done", conda/cli/helpers.py add_output_and_prompt_options; in
//   conda_env/cli/main_create.py since conda 4.12 at least) and `-f/--file`.
// - mamba 2 / micromamba: `create`, `install` and `env create` take `-f/--file` and `--dry-run`
//   (micromamba/src/common_options.cpp init_install_options; env.cpp makes `env create` an alias of
//   `create`); mamba 1 delegates `mamba env create` to conda's parser.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { runInstructionOf } from '../grammar/run-command.js';
import { firstDriversFor } from './cuda-release-drivers.js';

/** A solve command that reads a spec file: `conda env create -f environment.yml`, `micromamba install -y -n base -f /tmp/env.yaml`. */
const solveCommand =
  /\b(?:micromamba|mamba|conda)(?:\s+env)?\s+(?:create|install|update)\b[^;&|\n]{0,300}?\s(?:-f|--file)(?:\s+|=)(?<file>[^\s;&|'"`$]{1,200})[^;&|\n]{0,300}/;

export interface SolveCommand {
  /** The command as written, up to the next shell operator. */
  command: string;
  /** The spec file it reads. */
  file: string;
}

/** The first solve command with a spec file in `text` (a shell line, a RUN instruction). */
export function solveCommandIn(text: string): SolveCommand | null {
  const m = solveCommand.exec(text);
  if (m === null) return null;
  // A `\` continuation of the RUN line is whitespace to the shell.
  const command = m[0].replace(/\\\s+/g, ' ').replace(/\s+/g, ' ').trim();
  return { command, file: m.groups!.file! };
}

/** The command with `--dry-run` added, unless it has it. */
export function dryRunOf(command: string): string {
  return /\s--dry-run\b/.test(command) ? command : `${command} --dry-run`;
}

/**
 * The `__cuda` virtual package (conda's docs, "Managing virtual packages": "Maximum version of CUDA supported by
 * the display driver", listed by `conda info`; `CONDA_OVERRIDE_CUDA` sets it, e.g. where no driver is present).
 * From a constraint such as `>=11.0` or `>=11.8`: `cudaWanted` (11.0) and the first Linux driver of that CUDA
 * release (`driver`, NVIDIA's release notes Table 3, cuda-release-drivers.ts).
 */
export function virtualCudaValues(constraint: string | undefined): Record<string, string> {
  const m = /(\d{1,2}\.\d{1,2})/.exec(constraint ?? '');
  if (m === null) return {};
  const drivers = firstDriversFor(m[1]!);
  return drivers === null ? { cudaWanted: m[1]! } : { cudaWanted: m[1]!, driver: drivers.linux };
}

/**
 * `file`: the spec file the solve read; `dryRun`: the same solve with `--dry-run`, only where it can be
 * run as printed (a shell, not a RUN line of an image build: there the fix is to rebuild). Keys are
 * absent when the log shows no solve command with a spec file. With a `__cuda` conflict, also `cudaWanted` and
 * `driver` (virtualCudaValues).
 */
export function condaSolveEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const cuda = virtualCudaValues(captures['context.virtualCuda.wanted'] ?? captures['context.noCuda.wanted']);
  return { ...cuda, ...solveValues(captures, step, model, facts) };
}

function solveValues(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const own = step !== null && !step.internal ? step.instruction : '';
  const instruction = own || runInstructionOf(model.solveError?.message ?? '') || '';
  const found = solveCommandIn(captures['context.solveCommand'] ?? '') ?? solveCommandIn(instruction);
  if (found === null) return {};
  const inImage = facts.place === 'image-build' || instruction !== '';
  return inImage ? { file: found.file } : { file: found.file, dryRun: dryRunOf(found.command) };
}
