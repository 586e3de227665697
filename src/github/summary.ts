// The job summary (GITHUB_STEP_SUMMARY): the verdict first, the findings table, every finding
// folded with its evidence, fix and reproduce command, then where the time went. Pure: returns the
// Markdown; src/main.ts appends it. Under GitHub's limit of 1 MiB per step, cut between whole
// blocks with a note when needed.
import type { NamedAnalysis } from '../report/multi-log.js';
import { DEFAULT_LIMITS, type MarkdownLimits } from '../report/markdown.js';
import { plural } from '../report/markdown-words.js';
import { VERSION } from '../version.js';
import { omittedCount, type AnnotationPlan } from '../report/annotations.js';
import { composeReport, type Composed } from './compose.js';
import { utf8Bytes } from './fit.js';

/** GitHub refuses a step summary over 1 MiB; stay a little under it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4 * 1024;

export interface SummaryOptions {
  /** The annotation plan, to say how many findings are not drawn on the Dockerfile. */
  annotations?: AnnotationPlan | null;
  limitBytes?: number;
  limits?: MarkdownLimits;
}

export function annotationNote(plan: AnnotationPlan | null | undefined): string | null {
  if (!plan) return null;
  const omitted = omittedCount(plan);
  if (omitted === 0) return null;
  const levels = (['error', 'warning', 'notice'] as const)
    .filter((l) => plan.omitted[l] > 0)
    .map((l) => plural(plan.omitted[l], l))
    .join(', ');
  return `> [!NOTE]\n> ${plural(omitted, 'more finding')} (${levels}) ${omitted === 1 ? 'is' : 'are'} not drawn as annotations on the Dockerfile: GitHub shows at most 10 per level in a step. All are listed below.`;
}

export function renderJobSummary(logs: readonly NamedAnalysis[], options: SummaryOptions = {}): Composed {
  const note = annotationNote(options.annotations);
  return composeReport(logs, {
    surface: 'summary',
    limits: options.limits ?? DEFAULT_LIMITS,
    maxDetails: Number.POSITIVE_INFINITY,
    limit: options.limitBytes ?? SUMMARY_LIMIT_BYTES,
    measure: utf8Bytes,
    preface: note ? [note] : [],
    footer: [`<sub>buildkit-doctor ${VERSION}</sub>`],
    moreNote: (n, unit) =>
      `**+${plural(n, `more ${unit}`)} left out to stay under GitHub's 1 MiB summary limit.** The JSON report (the \`report-file\` output) has every finding.`,
  });
}
