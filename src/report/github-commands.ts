// `--format github`: for users who run the CLI in a script step of their own, the action's own
// annotation plan (report/annotations.ts: the same limits, order, paths, titles and bodies) printed
// as workflow commands (`::error file=Dockerfile,line=14,title=…::message`).
//
// Every value goes through the same escaping as @actions/core (`%` `\r` `\n` in the message, and
// `:` `,` too in properties), so a log line cannot end the command or start another one. With no
// job summary to list them, findings with no Dockerfile line (or on a file that is not a Dockerfile
// of the build, such as `.github/workflows/ci.yml:1`) are annotations of the job, without `file`;
// those GitHub would drop past its per-step limit are counted in one last notice.
import type { Finding } from '../rules/finding.js';
import { escapeData, escapeProperty } from '../security/workflow-commands.js';
import { isDockerfileName } from '../dockerfile/build-dockerfiles.js';
import { omittedCount, planAnnotations, type Annotation } from './annotations.js';

export interface GithubCommandOptions {
  /** The Dockerfile the user gave, annotated whatever its name. */
  dockerfile?: string | null;
  /** GITHUB_WORKSPACE: annotation paths are relative to it (default: the working directory). */
  workspace?: string;
  /** The directory relative finding paths are relative to (default: the working directory). */
  cwd?: string;
}

/** One workflow command for one planned annotation. */
export function annotationCommand(annotation: Annotation): string {
  const { title, file, startLine } = annotation.properties;
  const properties: [string, string][] = [];
  if (file !== undefined && startLine !== undefined) properties.push(['file', file], ['line', String(startLine)]);
  properties.push(['title', title]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${annotation.level} ${props}::${escapeData(annotation.message)}`;
}

/** The workflow commands of a build's findings (of one log or several), one line each. */
export function renderGithubCommands(findings: readonly Finding[], options: GithubCommandOptions = {}): string {
  const cwd = options.cwd ?? '.';
  const plan = planAnnotations(findings, {
    workspace: options.workspace ?? cwd,
    cwd,
    unlocated: 'annotate',
    isBuildDockerfile: (file) => file === options.dockerfile || isDockerfileName(file),
  });
  const lines = plan.annotations.map(annotationCommand);
  const left = omittedCount(plan);
  if (left > 0) {
    const note = `${left} more finding${left === 1 ? '' : 's'} not annotated (GitHub shows 10 annotations of each level per step): run with --format text or json to read them all.`;
    lines.push(`::notice title=${escapeProperty('buildkit-doctor')}::${escapeData(note)}`);
  }
  return lines.map((line) => line + '\n').join('');
}
