// A finding rendered as a user reads it, for the expected-output files kept beside each fixture
// (`match-foo.log` → `match-foo.expected.md`). Pure: the same finding always gives the same text, so
// a change of wording shows up as a diff of that file in review.
import type { Finding } from '../../../src/rules/finding.js';

/** `retryable` is read optionally: findings made before the field existed have none (→ unknown). */
type FindingWithExtras = Omit<Finding, 'retryable'> & { retryable?: boolean };

export interface ExpectedOutputInput {
  ruleId: string;
  /** The fixture's file name, as the header names it. */
  fixture: string;
  /** Every finding of the rule on the fixture, in report order. */
  findings: readonly FindingWithExtras[];
  /** The report's one line of build facts (`CUDA 12.4 (nvcc) · Ubuntu 22.04`); none for static checks. */
  factsLine?: string;
}

export const reRecordCommand = 'npx vitest run test/rules/expected-output.test.ts -u';

/** A fence longer than any backtick run inside `text`, so the block cannot be closed early. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function codeBlock(lang: string, text: string): string {
  const fence = fenceFor(text);
  return `${fence}${lang}\n${text}\n${fence}`;
}

function where(f: FindingWithExtras): string {
  const location = f.location ? `${f.location.file}:${f.location.line}` : 'no Dockerfile line';
  const step = f.step === null ? 'none' : String(f.step);
  const retryable = f.retryable === undefined ? 'unknown' : f.retryable ? 'yes' : 'no';
  return `Where: ${location} · step ${step} · retryable: ${retryable}`;
}

function renderOne(f: FindingWithExtras, factsLine: string | undefined): string {
  return [
    `# ${f.severity} · ${f.title}`,
    ...(factsLine ? [`Build: ${factsLine}`] : []),
    where(f),
    '## What happened',
    f.message,
    '## Evidence',
    codeBlock('text', f.evidence.join('\n')),
    '## Fix',
    f.fix,
    '## Reproduce',
    f.reproduce ? codeBlock('sh', f.reproduce) : 'none',
  ].join('\n\n');
}

/** The expected-output file: a header naming the rule, the fixture and how to re-record, then each finding. */
export function renderExpectedOutput(input: ExpectedOutputInput): string {
  const header = `<!-- expected output of ${input.ruleId} on ${input.fixture}; re-record: ${reRecordCommand} -->`;
  const body = input.findings.map((f) => renderOne(f, input.factsLine));
  return `${[header, ...body].join('\n\n')}\n`;
}
