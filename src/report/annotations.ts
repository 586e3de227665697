// Findings → the annotations GitHub draws on the Dockerfile in the pull request's "Files changed".
// The one plan both hosts use: the action emits it with core.error / core.warning / core.notice,
// `--format github` prints it as workflow commands (report/github-commands.ts); both escape `%`,
// CR, LF, `:` and `,` so that no log text can end or start a workflow command.
//
// GitHub shows at most 10 annotations of each level per step and 50 per job; the rest are dropped
// silently. So: the most important first (errors, then warnings, then notices, each in the
// findings' ranked order), never more than fit, and the count of what was left out goes into the
// summary, which lists every finding. One slot per level is kept for the action's own message at
// that level (the `fail-on` failure, a "cannot comment" notice), so that one is never the one
// dropped.
import path from 'node:path';
import type { Finding, Severity } from '../rules/finding.js';
import { isDockerfileName } from '../dockerfile/build-dockerfiles.js';
import { stripInvisible } from '../security/invisible.js';

export interface AnnotationLimits {
  /** Annotations of one level the action may emit for findings (GitHub: 10 per step, one kept for us). */
  perLevel: number;
  /** Annotations in all (GitHub: 50 per job, shared with the job's other steps). */
  total: number;
}

export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { perLevel: 9, total: 27 };

export interface Annotation {
  level: Severity;
  /** The body: the finding's message, its first evidence lines, then its fix. */
  message: string;
  properties: {
    /** The finding's title and rule id. */
    title: string;
    /** Workspace-relative, `/`-separated; absent on an annotation of the job (no Dockerfile line). */
    file?: string;
    /** 1-based; only the first line of a range (GitHub draws ranges badly). */
    startLine?: number;
  };
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings with a Dockerfile line that did not fit, by level. */
  omitted: Record<Severity, number>;
  /** Findings without a Dockerfile line that were not annotated: in the summary and comment only. */
  unlocated: number;
}

export interface AnnotationContext {
  /** GITHUB_WORKSPACE; paths are made relative to it. */
  workspace: string;
  /** Directory that relative finding paths are relative to (the action's working directory). */
  cwd: string;
  limits?: AnnotationLimits;
  /**
   * Whether a file is a Dockerfile of the build (src/dockerfile/build-dockerfiles.ts): a finding on
   * any other file the log names (`.github/workflows/ci.yml:1`, `.env`) is not drawn, it stays in
   * the summary. Default: only files named like a Dockerfile.
   */
  isBuildDockerfile?: (file: string) => boolean;
  /**
   * A finding without a Dockerfile line: counted (the action's job summary lists it), or drawn as
   * an annotation of the job, with no file (the CLI's `--format github` has no summary). Default: counted.
   */
  unlocated?: 'count' | 'annotate';
}

const ORDER: Severity[] = ['error', 'warning', 'notice'];

/** Characters kept of one annotation's body; GitHub shows a few lines of it anyway. */
const MAX_BODY = 4000;
/** Evidence lines quoted in one annotation (the summary and the JSON report have them all). */
const MAX_EVIDENCE = 5;

/** The Dockerfile path as GitHub wants it: relative to the workspace, `/`-separated; null outside it. */
export function workspacePath(file: string, context: Pick<AnnotationContext, 'workspace' | 'cwd'>): string | null {
  const absolute = path.resolve(context.cwd, file);
  const relative = path.relative(path.resolve(context.workspace), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

function body(finding: Finding): string {
  const parts = [finding.message || finding.title];
  if (finding.evidence.length > 0) parts.push(finding.evidence.slice(0, MAX_EVIDENCE).map((line) => `> ${line}`).join('\n'));
  if (finding.fix) parts.push(`Fix: ${finding.fix}`);
  const text = stripInvisible(parts.join('\n\n'));
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)} …` : text;
}

function title(finding: Finding): string {
  return stripInvisible(`${finding.title} (${finding.ruleId})`);
}

export function planAnnotations(findings: readonly Finding[], context: AnnotationContext): AnnotationPlan {
  const limits = context.limits ?? GITHUB_ANNOTATION_LIMITS;
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  let unlocated = 0;
  const isBuildDockerfile = context.isBuildDockerfile ?? isDockerfileName;

  for (const level of ORDER) {
    let used = 0;
    for (const finding of findings) {
      if (finding.severity !== level) continue;
      const file = finding.location && isBuildDockerfile(finding.location.file) ? workspacePath(finding.location.file, context) : null;
      if ((finding.location === null || file === null) && context.unlocated !== 'annotate') {
        unlocated++;
        continue;
      }
      const properties = finding.location && file !== null ? { title: title(finding), file, startLine: finding.location.line } : { title: title(finding) };
      const annotation: Annotation = { level, message: body(finding), properties };
      // The same finding from several logs of one build (a Dockerfile check, once per log) is drawn once.
      const key = JSON.stringify([level, file, annotation.properties.startLine, finding.ruleId, annotation.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      if (used >= limits.perLevel || annotations.length >= limits.total) {
        omitted[level]++;
        continue;
      }
      annotations.push(annotation);
      used++;
    }
  }
  return { annotations, omitted, unlocated };
}

export function omittedCount(plan: AnnotationPlan): number {
  return plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
}
