// The Markdown report of one analysed log, in parts: the verdict, the findings table, one folded
// `<details>` per finding, and the timeline. `--format markdown` joins them; the job summary and
// the PR comment (src/github/) pick and bound them to fit GitHub's size limits.
//
// Every string from the log goes through src/security/markdown-escape.ts: titles, step names and
// paths as escaped text or code, evidence in a fenced block no line can close, and a finding's
// message and fix (Markdown written by the rule, with log values in it) sanitised.
import { markdownTable } from 'markdown-table';
import type { Analysis } from './analysis.js';
import type { BuildModel, Step } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import { codeBlock, codeSpan, escapeText, sanitizeInline, sanitizeMarkdown } from '../security/markdown-escape.js';
import { renderTimelineMarkdown, type TimelineSurface } from './markdown-timeline.js';
import { firstSentence, locationLabel, nowrap, numberedStepLabel, plural, SEVERITY_MARK, shortStepLabel } from './markdown-words.js';
import { countBySeverity } from './severity.js';
import { failedWords, stopOf, subjectOf, verdictKind, type VerdictKind } from './recognised.js';
import { factsLine } from './facts-line.js';
import { groupByTarget } from './target-groups.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';

export interface MarkdownLimits {
  /** Rows of the findings table; the rest are counted in a line under it. */
  tableRows: number;
  /** Evidence lines shown per finding. */
  evidenceLines: number;
  /** Characters kept of one evidence line. */
  evidenceLineLength: number;
  /** Characters kept of a finding's message, fix or reproduce command. */
  textLength: number;
}

export const DEFAULT_LIMITS: MarkdownLimits = { tableRows: 50, evidenceLines: 20, evidenceLineLength: 400, textLength: 8000 };

export type { VerdictKind };

export interface Verdict {
  kind: VerdictKind;
  /** One line of Markdown: "❌ Build failed at `[builder 5/6] RUN nvcc …` (Dockerfile:14): …". */
  markdown: string;
}

export interface ReportParts {
  verdict: Verdict;
  /** The build facts in one line (`**Build:** CUDA 12.4 (nvcc) · Ubuntu 22.04 · …`), '' when the log shows none. */
  facts: string;
  /** The findings table ('' when there are none), with a "+N more" line when rows were left out. */
  table: string;
  /** One `<details>` block per finding, in the findings' order (most important first). */
  details: string[];
  /** The timeline section ('' when there is nothing timed). */
  timeline: string;
}

function stepsById(model: BuildModel): Map<number, Step> {
  return new Map(model.steps.map((s) => [s.id, s] as const));
}

/** The finding that explains the failure: the failed step's first error, else the first error. */
function culprit(findings: readonly Finding[], failedStep: number | null): Finding | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.find((f) => failedStep !== null && f.step === failedStep) ?? errors[0] ?? findings[0];
}

export function verdictOf(analysis: Analysis): Verdict {
  const { model, findings } = analysis;
  const kind = verdictKind(analysis);
  if (kind === 'failed') {
    // The output outside any build step is no step to name (text.ts).
    const failed = model.failedStep !== null && model.failedStep !== IMPLICIT_STEP_ID ? stepsById(model).get(model.failedStep) : undefined;
    const top = culprit(findings, model.failedStep);
    const at = top ? locationLabel(top) : null;
    const where = at ? ` (${escapeText(at)})` : '';
    const why = top ? `: ${escapeText(top.title)}` : '';
    const step = failed ? ` at ${codeSpan(shortStepLabel(failed))}` : '';
    const target = failed?.target ? ` in target ${codeSpan(failed.target)}` : '';
    return { kind, markdown: `${SEVERITY_MARK.error} ${failedWords(analysis)}${target}${step}${where}${why}` };
  }
  if (kind === 'unfinished') {
    const stop = stopOf(model);
    const what = stop.step ? codeSpan(shortStepLabel(stop.step) || `#${stop.step.id}`) : '';
    const why = findings[0] ? `: ${escapeText(findings[0].title)}` : '';
    return { kind, markdown: `⏹ ${stop.text.replace('{step}', () => what)}${why}` };
  }
  if (kind === 'unrecognised') return { kind, markdown: '❔ No build output recognised in this log' };
  if (kind === 'tool-output') {
    // A pasted tool log: its findings are worth reading, but it holds no build to call passed.
    return { kind, markdown: `🔎 No build steps recognised; ${plural(findings.length, 'finding')} in the text` };
  }
  const counts = countBySeverity(findings);
  const extras = [counts.warning ? plural(counts.warning, 'warning') : '', counts.notice ? plural(counts.notice, 'notice') : ''].filter(Boolean);
  return { kind, markdown: `✅ Build passed${extras.length ? ` with ${extras.join(' and ')}` : ''}` };
}

/** "Dockerfile:14<br>stage `builder` · `[builder 5/6] RUN nvcc …`": where a finding is, for a table cell. */
function whereCell(finding: Finding, steps: Map<number, Step>): string {
  const parts: string[] = [];
  const at = locationLabel(finding);
  if (at) parts.push(escapeText(at));
  const step = finding.step !== null ? steps.get(finding.step) : undefined;
  // With a Dockerfile line the place is known: only the log lost the step's header.
  if (finding.step === IMPLICIT_STEP_ID) {
    if (!at) parts.push('outside any build step');
  }
  else if (step) parts.push(codeSpan(shortStepLabel(step), { inTable: true }));
  return parts.join('<br>') || '—';
}

export function findingsTable(findings: readonly Finding[], model: BuildModel, rows: number): string {
  if (findings.length === 0) return '';
  const steps = stepsById(model);
  // A bake / compose log of several targets: a Target column, each target's rows together (groups
  // in the order of their best finding, rank order inside one).
  const groups = groupByTarget(findings, model);
  const ordered: { f: Finding; target?: string | null }[] = groups === null ? findings.map((f) => ({ f })) : groups.flatMap((g) => g.findings.map((f) => ({ f, target: g.target })));
  const shown = ordered.slice(0, rows).map(({ f, target }) => {
    const cells = [
      nowrap(`${SEVERITY_MARK[f.severity]} ${f.severity}`),
      `**${escapeText(f.title)}**<br>${codeSpan(f.ruleId, { inTable: true })}`,
      whereCell(f, steps),
      f.fix ? sanitizeInline(firstSentence(f.fix)) : '',
    ];
    if (target !== undefined) cells.unshift(target === null ? '—' : codeSpan(target, { inTable: true }));
    return cells;
  });
  const header = groups === null ? ['Severity', 'Problem', 'Where', 'Fix'] : ['Target', 'Severity', 'Problem', 'Where', 'Fix'];
  const table = markdownTable([header, ...shown], { alignDelimiters: false });
  const more = findings.length - shown.length;
  return more > 0 ? `${table}\n\n+${more} more ${more === 1 ? 'finding' : 'findings'} not in this table.` : table;
}

function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n\n… (cut at ${max} characters)`;
}

/** One finding, folded: the summary line names it, the body explains it. */
export function findingDetails(finding: Finding, model: BuildModel, limits: MarkdownLimits = DEFAULT_LIMITS): string {
  const steps = stepsById(model);
  const step = finding.step !== null ? steps.get(finding.step) : undefined;
  const at = locationLabel(finding);
  // <summary> is HTML: escaped text only (entities work there too), no Markdown.
  const head = [`${SEVERITY_MARK[finding.severity]} <b>${escapeText(finding.title)}</b>`, `<code>${escapeText(finding.ruleId)}</code>`];
  if (at) head.push(escapeText(at));
  const out = ['<details>', `<summary>${head.join(' · ')}</summary>`, ''];
  if (finding.step === IMPLICIT_STEP_ID) {
    if (!at) out.push('In the output outside any build step.', '');
  }
  // The classic builder's label is `Step 3/9 : RUN …` already.
  else if (step) out.push(`${step.numbering === 'classic' ? '' : 'Step '}${codeSpan(numberedStepLabel(step, 120))}`, '');
  if (finding.message) out.push(sanitizeMarkdown(bounded(finding.message, limits.textLength)), '');
  if (finding.retryable) out.push('_A retry can help: the cause is passing (network, registry, runner)._', '');
  if (finding.evidence.length > 0) {
    const lines = finding.evidence.slice(0, limits.evidenceLines).map((l) => (l.length > limits.evidenceLineLength ? `${l.slice(0, limits.evidenceLineLength)} …` : l));
    const more = finding.evidence.length - lines.length;
    out.push('**Evidence from the log**', '', codeBlock(lines, 'text'), '');
    if (more > 0) out.push(`+${more} more ${more === 1 ? 'line' : 'lines'} in the JSON report.`, '');
  }
  if (finding.fix) out.push('**Fix**', '', sanitizeMarkdown(bounded(finding.fix, limits.textLength)), '');
  if (finding.reproduce) {
    out.push('**Reproduce locally**', '', codeBlock(bounded(finding.reproduce, limits.textLength).split('\n'), 'sh'), '');
  }
  // A docs link is the rule's: only a plain https URL becomes a link.
  if (finding.docs && /^https:\/\/[^\s()<>"'`]+$/.test(finding.docs)) out.push(`[About this rule](${finding.docs})`, '');
  out.push('</details>');
  return out.join('\n');
}

const FACTS_LABEL = { build: 'Build', container: 'Container', command: 'Environment', output: 'Environment' } as const;

/** The facts line as Markdown: the values come from the log, so they are escaped as text. */
function factsMarkdown(analysis: Analysis): string {
  const line = factsLine(analysis.facts, analysis.model);
  return line === '' ? '' : `**${FACTS_LABEL[subjectOf(analysis)]}:** ${escapeText(line)}`;
}

export interface PartsOptions {
  surface: TimelineSurface;
  limits?: MarkdownLimits;
}

export function reportParts(analysis: Analysis, options: PartsOptions): ReportParts {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { model, findings } = analysis;
  return {
    verdict: verdictOf(analysis),
    facts: factsMarkdown(analysis),
    table: findingsTable(findings, model, limits.tableRows),
    details: findings.map((f) => findingDetails(f, model, limits)),
    timeline: renderTimelineMarkdown(model, { surface: options.surface, findings, dockerfiles: analysis.dockerfiles }),
  };
}

/** Joins the parts: verdict as a heading, table, details, timeline, blank lines between blocks. */
export function joinParts(parts: ReportParts, headingLevel = 3, details: readonly string[] = parts.details): string {
  const blocks = [`${'#'.repeat(headingLevel)} ${parts.verdict.markdown}`];
  if (parts.facts) blocks.push(parts.facts);
  if (parts.table) blocks.push(parts.table);
  blocks.push(...details);
  if (parts.timeline) blocks.push(parts.timeline);
  return blocks.join('\n\n') + '\n';
}

/** `--format markdown`: the whole report of one log. */
/** `heading` (plain text) stands in place of the verdict on a build, when there was none (`lint`). */
export function renderMarkdown(analysis: Analysis, heading?: string): string {
  const parts = reportParts(analysis, { surface: 'markdown' });
  if (heading !== undefined) parts.verdict = { ...parts.verdict, markdown: escapeText(heading) };
  return joinParts(parts);
}
