// The README's rule table, generated from the catalog and the Dockerfile static checks so the
// documentation can never drift from the code (a test fails when the README is stale).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { staticCheckMeta } from '../dockerfile/checks/index.js';
import { builtinRuleSet } from '../rules/builtin-rules.js';

export const tableStart = '<!-- rules:start -->';
export const tableEnd = '<!-- rules:end -->';

export interface RuleMeta {
  id: string;
  title: string;
  severity: string;
  docs?: string;
  /** Repository-relative link to a finding as a user reads it (a fixture's expected output). */
  example?: string;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(rows: readonly RuleMeta[]): string[] {
  return [
    '| Rule | Severity | Recognises | Example |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.docs ? `[\`${r.id}\`](${r.docs})` : `\`${r.id}\``} | ${r.severity} | ${cell(r.title)} | ${r.example ? `[example](${r.example})` : '—'} |`),
  ];
}

/** The Markdown between the markers: log rules (catalog order), then the Dockerfile checks. */
export function renderRulesTable(rules: readonly RuleMeta[], checks: readonly RuleMeta[]): string {
  return [
    '_Generated from the catalog by `npm run rules:table`; do not edit by hand._',
    '',
    `### Build log rules (${rules.length})`,
    '',
    ...table(rules),
    '',
    `### Dockerfile checks, before the build (${checks.length})`,
    '',
    ...(checks.length > 0 ? table(checks) : ['_None yet._']),
  ].join('\n');
}

/**
 * The expected output of the first match fixture in `dir` (repository-relative), when it has been
 * recorded: `match-foo.log` → `match-foo.expected.md` (test/rules/expected-output.test.ts writes it).
 */
export function firstExample(repoRoot: string, dir: string, fixture: RegExp): string | undefined {
  const abs = path.join(repoRoot, dir);
  if (!existsSync(abs)) return undefined;
  const first = readdirSync(abs)
    .filter((f) => fixture.test(f))
    .sort()[0];
  const expected = first?.replace(/\.[^.]+$/, '.expected.md');
  return expected !== undefined && existsSync(path.join(abs, expected)) ? `${dir}/${expected}` : undefined;
}

const withExample = (meta: RuleMeta, example: string | undefined): RuleMeta => (example ? { ...meta, example } : meta);

/** The table for the built-in catalog and static checks as they are now, with examples from `repoRoot`'s fixtures. */
export function currentRulesTable(repoRoot: string): string {
  const rules = builtinRuleSet().map(({ id, title, severity, docs }) =>
    withExample({ id, title, severity, ...(docs ? { docs } : {}) }, firstExample(repoRoot, `fixtures/rules/${id}`, /^match-.+\.log$/)),
  );
  const checks = staticCheckMeta.map((meta) =>
    withExample(meta, firstExample(repoRoot, `fixtures/dockerfiles/${meta.id.replace(/^dockerfile\//, '')}`, /^match.*\.Dockerfile$/)),
  );
  return renderRulesTable(rules, checks);
}

/** `readme` with the text between the markers replaced; null when the markers are missing. */
export function withRulesTable(readme: string, tableText: string): string | null {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) return null;
  // The introduction names the catalog's size too (`catalog of [87 rules](#rules) and 7 Dockerfile checks`): kept
  // equal to the table's headings.
  const count = /### Build log rules \((\d+)\)/.exec(tableText)?.[1];
  const checks = /### Dockerfile checks, before the build \((\d+)\)/.exec(tableText)?.[1];
  let intro = readme.slice(0, start + tableStart.length);
  if (count !== undefined) intro = intro.replace(/catalog of \[\d+ rules\]\(#rules\)/, `catalog of [${count} rules](#rules)`);
  if (checks !== undefined) intro = intro.replace(/\(#rules\) and \d+ Dockerfile checks/, `(#rules) and ${checks} Dockerfile checks`);
  return `${intro}\n${tableText}\n${readme.slice(end)}`;
}
