// How steps and counts are named in every report (text, Markdown): one wording everywhere.
import type { Step } from '../model/types.js';
import { withoutRunFlags } from '../grammar/run-command.js';
import { printedStepNumber, stepPlace } from '../model/step-header.js';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `[linux/arm64 builder 3/7] RUN …`, `[web builder 2/5] RUN …` (a bake / compose target first):
 * the step as BuildKit names it, white space folded.
 */
export function stepLabel(step: Pick<Step, 'stage' | 'index' | 'total' | 'instruction' | 'platform'> & { target?: string | null }): string {
  const where = stepPlace(step, true);
  const instruction = step.instruction.replace(/\s+/g, ' ').trim();
  return where ? `[${where}] ${instruction}` : instruction;
}

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with ` …`. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 2);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut} …`;
}

/**
 * A RUN instruction that must be cut, its flags left out (`RUN pip install …`): the command names
 * the step, and the Dockerfile line beside the label shows the rest.
 */
export function commandFirst(instruction: string, max: number): string {
  const flat = instruction.replace(/\s+/g, ' ').trim();
  // BuildKit prints a RUN's flags first: cut short, they would be all the label shows.
  return flat.length <= max ? flat : withoutRunFlags(flat);
}

/** What a step is called when the log never showed its header (a cut log): only its number is known. */
export const HEADER_NOT_IN_LOG = '(its header is not in the log)';

/**
 * `#12 [builder 5/6] RUN nvcc …`, or `#12 (its header is not in the log)`; `Step 3/9 : RUN …` for the
 * classic builder; `[builder 5/6] RUN nvcc …` when the log numbers no step (a pasted error box).
 */
export function numberedStepLabel(step: Step, max: number): string {
  const number = printedStepNumber(step);
  const label = shortStepLabel(step, max);
  return number === null ? label || HEADER_NOT_IN_LOG : `${number} ${label || HEADER_NOT_IN_LOG}`;
}

/** The step's number in the log's words: `#12`, the classic builder's `Step 3/9`, or null when the log numbers no step. */
export function stepNumberWord(step: Pick<Step, 'id' | 'numbering' | 'index' | 'total'>): string | null {
  return step.numbering === 'classic' ? classicStepHead(step).slice(0, -2) : printedStepNumber(step);
}

/** A step named in a short list (a critical path): `#12`, `Step 3/9`, or its name shortened when the log numbers no step. */
export function stepReference(step: Step): string {
  return stepNumberWord(step) ?? (shortStepLabel(step, 32) || HEADER_NOT_IN_LOG);
}

/** `Step 3/9 :` or `Step 2 :`: how the classic builder heads a step. */
function classicStepHead(step: Pick<Step, 'index' | 'total'>): string {
  return `Step ${step.index ?? '?'}${step.total !== null ? `/${step.total}` : ''} :`;
}

/** `[builder 5/6] RUN nvcc -O3 …`: the step as the log names it (BuildKit, or the classic `Step 5/6 : RUN …`), instruction shortened. */
export function shortStepLabel(step: Step, max = 48): string {
  const label = step.numbering === 'classic' ? classicStepHead(step) : stepLabel({ ...step, instruction: '' }).trim();
  const room = Math.max(16, max - label.length - 1);
  const instruction = shorten(commandFirst(step.instruction, room), room);
  return label ? `${label} ${instruction}`.trimEnd() : instruction;
}

