// The `cmake-notfound` enricher: whether a CMake log holds a NOTFOUND variable that cmake/notfound has
// to explain itself. CUPTI's library has a rule of its own (cmake/cupti-library-notfound), which reads
// its `-NOTFOUND` value and its entry in CMake's generate-time list ("The following variables are used
// in this project, but they are set to NOTFOUND"). When that list names CUPTI's library and no other
// variable, the list's error line is the only thing cmake/notfound would match there, and it would tell
// the same story as the CUPTI rule a second time. The rule's conditions are a conjunction, so "the list
// names CUPTI alone and nothing else is NOTFOUND" is decided here, from what the rule saw.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/**
 * `cuptiOnlyList`: CMake's generate-time list names CUPTI's library and no other variable the rule
 * reads as a list entry (`context.cuptiListed` seen, `context.listed` not). `ownVariables`: something
 * is left for cmake/notfound: a NOTFOUND variable other than CUPTI's (`variable`, captured by the
 * rule's matches, which leave CUPTI out), or a list that is not CUPTI's alone.
 */
export function cmakeNotfoundEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const cuptiOnlyList = captures['context.cuptiListed'] !== undefined && captures['context.listed'] === undefined;
  const otherVariable = (captures.variable ?? '') !== '';
  return {
    ...(cuptiOnlyList ? { cuptiOnlyList: 'yes' } : {}),
    ...(!cuptiOnlyList || otherVariable ? { ownVariables: 'yes' } : {}),
  };
}
