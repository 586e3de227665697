// The step's own pin in a classic-solver conflict. `RUN conda install -y joblib PyYAML==3.13` into the base environment
// of an Anaconda image fails with `UnsatisfiableError` chains that start at what the environment already holds
// (`anaconda==2019.03=py37_0 -> anaconda-client==1.7.2=py37_0 -> pyyaml`) and end in the pinned package: the pin of the
// step is the conflict, the packages the chains start at are only what it conflicts with. conda matches package names
// case-insensitively (MatchSpec lower-cases the name: conda/models/match_spec.py), so `PyYAML` is `pyyaml`.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { runInstructionOf } from '../grammar/run-command.js';

/** A solve command and the specs after it, up to the next shell operator. */
const installCommand = /\b(?:micromamba|mamba|conda)\s+(?:install|create)\b[^;&|\n]{0,600}/;
/** A pinned spec: `PyYAML==3.13`, `numpy=1.16`, `"scipy>=1.2"`. */
const pinnedSpec = /^["']?(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)(?<op>==|=|>=|<=|<|>)(?<version>\d[^\s"']{0,60})["']?$/;

export interface StepPin {
  /** The pin as written: `PyYAML==3.13`. */
  spec: string;
  name: string;
  /** The command with the pin's version dropped: `conda install -y joblib PyYAML`. */
  unpinned: string;
}

/** The pin on `pkg` (any case) in the solve command of `instruction`, or null. */
export function stepPinOf(instruction: string, pkg: string): StepPin | null {
  const command = installCommand.exec(instruction.replace(/\\\s+/g, ' '))?.[0].replace(/\s+/g, ' ').trim();
  if (command === undefined) return null;
  const words = command.split(' ');
  for (let i = 0; i < words.length; i++) {
    const m = pinnedSpec.exec(words[i]!);
    if (m === null || m.groups!.name!.toLowerCase() !== pkg.toLowerCase()) continue;
    const unpinned = [...words.slice(0, i), m.groups!.name!, ...words.slice(i + 1)].join(' ');
    return { spec: words[i]!.replace(/["']/g, ''), name: m.groups!.name!, unpinned };
  }
  return null;
}

/** `stepPin`, `stepPinName`, `stepUnpinned`: the failing step pins the package the first chain ends in. */
export function condaStepPinEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const end = captures['context.chainEnd.dep'];
  if (end === undefined) return {};
  const instruction = (step !== null && !step.internal ? step.instruction : '') || runInstructionOf(model.solveError?.message ?? '') || '';
  const pin = stepPinOf(instruction, end);
  return pin === null ? {} : { stepPin: pin.spec, stepPinName: pin.name, stepUnpinned: pin.unpinned };
}
