// `--format github`: for users who run the CLI in a script step of their own, one workflow command
// per finding (`::error file=Dockerfile,line=14,title=…::message`), so that findings show as
// annotations as they do from the action.
//
// Every value goes through the same escaping as @actions/core (`%` `\r` `\n` in the message, and
// `:` `,` too in properties), so a log line cannot end the command or start another one. Only the
// first line of a range is given (GitHub draws multi-line ranges badly). A finding with no
// Dockerfile line becomes an annotation on the job, without `file`.
import type { Analysis } from '../analyze.js';
import type { Finding, Severity } from '../model/types.js';
import { escapeData, escapeProperty } from '../security/workflow-commands.js';

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

/** One workflow command for one finding. */
export function findingCommand(finding: Finding): string {
  const properties: [string, string][] = [];
  if (finding.location) {
    properties.push(['file', finding.location.file], ['line', String(finding.location.line)]);
  }
  properties.push(['title', `${finding.title} (${finding.ruleId})`]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${COMMANDS[finding.severity]} ${props}::${escapeData(annotationText(finding))}`;
}

export function renderGithubCommands(analysis: Analysis): string {
  return analysis.findings.map((finding) => findingCommand(finding) + '\n').join('');
}
