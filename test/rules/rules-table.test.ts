import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { currentRulesTable, firstExample, renderRulesTable, withRulesTable } from '../../src/report/rules-table.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the README rule table', () => {
  test('is up to date with the catalog (run `npm run rules:table` when this fails)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const expected = withRulesTable(readme, currentRulesTable(repoRoot));
    expect(expected, 'README.md lacks the <!-- rules:start --> / <!-- rules:end --> markers').not.toBeNull();
    expect(readme).toBe(expected);
  });

  test("the introduction's rule count is the table's", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const listed = /### Build log rules \((\d+)\)/.exec(readme)?.[1];
    expect(listed).toBeDefined();
    expect(/catalog of \[(\d+) rules\]\(#rules\)/.exec(readme)?.[1]).toBe(listed);
    const checks = /### Dockerfile checks, before the build \((\d+)\)/.exec(readme)?.[1];
    expect(checks).toBeDefined();
    expect(/\(#rules\) and (\d+) Dockerfile checks/.exec(readme)?.[1]).toBe(checks);
  });

  test('lists every built-in id and escapes table syntax in titles', () => {
    const table = renderRulesTable(
      [{ id: 'a/b', title: 'pipes | and \\ backslashes', severity: 'error', docs: 'https://example.com/a', example: 'fixtures/rules/a/b/match-x.expected.md' }],
      [{ id: 'dockerfile/c', title: 'C', severity: 'notice' }],
    );
    expect(table).toContain('| [`a/b`](https://example.com/a) | error | pipes \\| and \\\\ backslashes | [example](fixtures/rules/a/b/match-x.expected.md) |');
    expect(table).toContain('| `dockerfile/c` | notice | C | — |');
    expect(currentRulesTable(repoRoot)).toContain('`buildkit/step-failed`');
  });

  test("links every rule's and check's example to an expected output that exists", () => {
    const links = [...currentRulesTable(repoRoot).matchAll(/\[example\]\(([^)]+)\)/g)].map((m) => m[1]!);
    const rows = currentRulesTable(repoRoot).split('\n').filter((l) => /^\| \[?`/.test(l));
    expect(links).toHaveLength(rows.length);
    for (const link of links) {
      expect(link).toMatch(/^fixtures\/(?:rules|dockerfiles)\/.+\/match[^/]*\.expected\.md$/);
      expect(existsSync(path.join(repoRoot, link)), link).toBe(true);
    }
  });

  test("takes the first match fixture's expected output, and none before it is recorded", () => {
    expect(firstExample(repoRoot, 'fixtures/rules/buildkit/step-failed', /^match-.+\.log$/)).toBe('fixtures/rules/buildkit/step-failed/match-dockerfile-not-found.expected.md');
    expect(firstExample(repoRoot, 'fixtures/dockerfiles/nvidia-ps1-unset', /^match.*\.Dockerfile$/)).toBe('fixtures/dockerfiles/nvidia-ps1-unset/match-bash-c.expected.md');
    expect(firstExample(repoRoot, 'fixtures/rules/no/such-rule', /^match-.+\.log$/)).toBeUndefined();
    expect(firstExample(repoRoot, 'fixtures/dockerfiles/parser', /^match.*\.Dockerfile$/)).toBeUndefined();
  });

  test('replaces only the text between the markers', () => {
    const readme = 'intro\n<!-- rules:start -->\nold\n<!-- rules:end -->\noutro\n';
    expect(withRulesTable(readme, 'new')).toBe('intro\n<!-- rules:start -->\nnew\n<!-- rules:end -->\noutro\n');
    expect(withRulesTable('no markers', 'new')).toBeNull();
  });
});
