// `--format github`: for users who run the CLI in a script step of their own, one workflow command
// per finding (`::error file=Dockerfile,line=14,title=…::message`), so that findings show as
// annotations as they do from the action.
//
// Every value goes through the same escaping as @actions/core (`%` `\r` `\n` in the message, and
// `:` `,` too in properties), so a log line cannot end the command or start another one. Only the
// first line of a range is given (GitHub draws multi-line ranges badly). A finding with no
// Dockerfile line becomes an annotation on the job, without `file`; so does one on a file that is
// not a Dockerfile (a log can name `.github/workflows/ci.yml:1`): only the Dockerfile given with
// `--dockerfile` or a file named like one is annotated. Bidi and zero-width characters are removed
// (src/security/invisible.ts).
import type { Analysis } from '../analyze.js';
import type { Finding, Severity } from '../model/types.js';
import { escapeData, escapeProperty } from '../security/workflow-commands.js';
import { stripInvisible } from '../security/invisible.js';
import { isDockerfileName } from '../dockerfile/build-dockerfiles.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };
/** Evidence lines shown in one annotation (the JSON report has them all). */
const MAX_EVIDENCE = 5;

function annotationText(finding: Finding): string {
  const parts = [finding.message || finding.title];
  if (finding.evidence.length > 0) {
    parts.push(finding.evidence.slice(0, MAX_EVIDENCE).map((line) => `> ${line}`).join('\n'));
  }
  if (finding.fix) parts.push(`Fix: ${finding.fix}`);
  return parts.join('\n\n');
}

export interface GithubCommandOptions {
  /** The Dockerfile the user gave, annotated whatever its name. */
  dockerfile?: string | null;
}

/** One workflow command for one finding. */
export function findingCommand(finding: Finding, options: GithubCommandOptions = {}): string {
  const properties: [string, string][] = [];
  const file = finding.location?.file;
  if (finding.location && file !== undefined && (file === options.dockerfile || isDockerfileName(file))) {
    properties.push(['file', file], ['line', String(finding.location.line)]);
  }
  properties.push(['title', `${finding.title} (${finding.ruleId})`]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(stripInvisible(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${props}::${escapeData(stripInvisible(annotationText(finding)))}`;
}

export function renderGithubCommands(analysis: Analysis, options: GithubCommandOptions = {}): string {
  return analysis.findings.map((finding) => findingCommand(finding, options) + '\n').join('');
}
