// A build with more steps than the model keeps (MAX_STEPS) is still read to the end (its lines go
// through the rules), but its later steps are not listed in the report. That is said in the report,
// as a notice on the line where the listing stops, not left for the reader to guess from a count.
import { MAX_STEPS } from '../grammar/framing.js';
import type { BuildModel } from '../model/types.js';
import type { Finding } from './finding.js';

export const STEPS_NOT_LISTED_RULE_ID = 'report/steps-not-listed';

export function stepsNotListedFinding(model: BuildModel): Finding | null {
  const cut = model.stepsNotListed;
  if (!cut) return null;
  const count = cut.count >= MAX_STEPS ? `at least ${cut.count.toLocaleString('en-US')}` : cut.count.toLocaleString('en-US');
  return {
    ruleId: STEPS_NOT_LISTED_RULE_ID,
    severity: 'notice',
    title: `Steps after the first ${MAX_STEPS.toLocaleString('en-US')} are not listed`,
    message:
      `The log has more than ${MAX_STEPS.toLocaleString('en-US')} steps: the report lists the first ${MAX_STEPS.toLocaleString('en-US')} and stops at log line ${cut.fromLine}. ` +
      `${count} more step${cut.count === 1 ? ' is' : 's are'} not listed (their timing and status are not in the report); their output was still read for the other findings.`,
    fix: 'Analyse each build of a log on its own (one log per `docker buildx build`, or `buildkit-doctor history` for one build record).',
    step: null,
    location: null,
    evidence: [],
    retryable: false,
  };
}
