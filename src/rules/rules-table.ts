// The README's rule table, generated from the catalog and the Dockerfile static checks so the
// documentation can never drift from the code (a test fails when the README is stale).
import { staticCheckMeta } from '../dockerfile/checks/index.js';
import { builtinRuleSet } from './load-rules.js';

export const tableStart = '<!-- rules:start -->';
export const tableEnd = '<!-- rules:end -->';

export interface RuleMeta {
  id: string;
  title: string;
  severity: string;
  docs?: string;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(rows: readonly RuleMeta[]): string[] {
  return [
    '| Rule | Severity | Recognises |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.docs ? `[\`${r.id}\`](${r.docs})` : `\`${r.id}\``} | ${r.severity} | ${cell(r.title)} |`),
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

/** The table for the built-in catalog and static checks as they are now. */
export function currentRulesTable(): string {
  const rules = builtinRuleSet().map(({ id, title, severity, docs }) => ({ id, title, severity, ...(docs ? { docs } : {}) }));
  return renderRulesTable(rules, staticCheckMeta);
}

/** `readme` with the text between the markers replaced; null when the markers are missing. */
export function withRulesTable(readme: string, tableText: string): string | null {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) return null;
  return `${readme.slice(0, start + tableStart.length)}\n${tableText}\n${readme.slice(end)}`;
}
