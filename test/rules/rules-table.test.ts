import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { currentRulesTable, renderRulesTable, withRulesTable } from '../../src/rules/rules-table.js';

describe('the README rule table', () => {
  test('is up to date with the catalog (run `npm run rules:table` when this fails)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const expected = withRulesTable(readme, currentRulesTable());
    expect(expected, 'README.md lacks the <!-- rules:start --> / <!-- rules:end --> markers').not.toBeNull();
    expect(readme).toBe(expected);
  });

  test('lists every built-in id and escapes table syntax in titles', () => {
    const table = renderRulesTable(
      [{ id: 'a/b', title: 'pipes | and \\ backslashes', severity: 'error', docs: 'https://example.com/a' }],
      [{ id: 'dockerfile/c', title: 'C', severity: 'notice' }],
    );
    expect(table).toContain('| [`a/b`](https://example.com/a) | error | pipes \\| and \\\\ backslashes |');
    expect(table).toContain('| `dockerfile/c` | notice | C |');
    expect(currentRulesTable()).toContain('`buildkit/step-failed`');
  });

  test('replaces only the text between the markers', () => {
    const readme = 'intro\n<!-- rules:start -->\nold\n<!-- rules:end -->\noutro\n';
    expect(withRulesTable(readme, 'new')).toBe('intro\n<!-- rules:start -->\nnew\n<!-- rules:end -->\noutro\n');
    expect(withRulesTable('no markers', 'new')).toBeNull();
  });
});
