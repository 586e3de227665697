// Rules are registered by construction: every rule file is in the catalog index, every family and
// fixture folder belongs to a rule, every rule has a match and a nomatch fixture, the index ranks
// no less specific rule above a more specific one, and nothing scaffolded is left. The index is
// what `npm run rules:table` writes, and the tools that write it place rules as documented.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { builtinRuleSet } from '../../src/rules/builtin-rules.js';
import {
  catalogDir,
  catalogFiles,
  entryComments,
  listedIn,
  placeRules,
  registrationProblems,
  renderCatalogIndex,
  ruleExports,
  type CatalogRule,
} from '../../scripts/catalog.js';
import { scaffoldFiles, scaffoldLine } from '../../scripts/rule-scaffold.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const modules = new Map<string, Record<string, unknown>>(
  await Promise.all(catalogFiles(repoRoot).map(async (f) => [f.file, (await import(path.join(repoRoot, f.file))) as Record<string, unknown>] as const)),
);

describe('the catalog', () => {
  test('lists every rule file, every family and fixture folder is a rule, nothing is scaffolded', () => {
    const problems = registrationProblems(repoRoot, modules, builtinRuleSet());
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('index is what `npm run rules:table` writes from the rule files', () => {
    const exportOf = new Map([...modules.values()].flatMap((m) => ruleExports(m)).map((r) => [r.id, r.name]));
    const text = readFileSync(path.join(repoRoot, catalogDir, 'index.ts'), 'utf8');
    const rules = builtinRuleSet().map((r) => ({ id: r.id, exportName: exportOf.get(r.id) ?? '?', specificity: r.specificity }));
    expect(text).toBe(renderCatalogIndex(rules, entryComments(text)));
    expect(listedIn(text)).toEqual(builtinRules.map((r) => r.id));
  });
});

describe('the registration check', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A repository of `files` (path → text), as the check reads one. */
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    roots.push(root);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }
  const rule = (id: string) => ({ id, severity: 'error', message: 'm', fix: 'f', title: 't' });
  const fixtures = (id: string) => ({ [`fixtures/rules/${id}/match-a.log`]: 'x\n', [`fixtures/rules/${id}/nomatch-a.log`]: 'y\n' });

  test('fails on a rule file the catalog does not list, and on its folders', () => {
    const root = tree({ 'src/rules/catalog/index.ts': '', 'src/rules/catalog/fam/a.ts': '', 'src/rules/catalog/new/b.ts': '', ...fixtures('fam/a'), ...fixtures('new/b') });
    const problems = registrationProblems(root, new Map([['src/rules/catalog/fam/a.ts', { a: rule('fam/a') }], ['src/rules/catalog/new/b.ts', { b: rule('new/b') }]]), [
      { id: 'fam/a', specificity: 3 },
    ]);
    expect(problems).toEqual([
      'src/rules/catalog/new/b.ts: new/b is not in the catalog: run `npm run rules:table`',
      'src/rules/catalog/new/: a family folder without a rule',
      'fixtures/rules/new/b/: no rule new/b in the catalog',
    ]);
  });

  test('fails on missing fixtures, stray files, a stale expected output, a misnamed rule and a file no rule uses', () => {
    const root = tree({
      'src/rules/catalog/index.ts': '',
      'src/rules/catalog/fam/a.ts': "import { x } from './used.js';",
      'src/rules/catalog/fam/used.ts': '',
      'src/rules/catalog/fam/unused.ts': '',
      'src/rules/catalog/fam/misnamed.ts': '',
      'src/rules/catalog/fam/index.ts': '',
      'fixtures/rules/fam/a/match-a.log': 'x\n',
      'fixtures/rules/fam/a/match-a.Dockerfile': 'FROM x\n',
      'fixtures/rules/fam/a/match-gone.expected.md': 'x\n',
      'fixtures/rules/fam/a/match-gone.Dockerfile': 'FROM x\n',
      'fixtures/rules/fam/a/notes.txt': 'x\n',
      'fixtures/rules/fam/stray.log': 'x\n',
    });
    const problems = registrationProblems(root, new Map([['src/rules/catalog/fam/a.ts', { a: rule('fam/a') }], ['src/rules/catalog/fam/misnamed.ts', { m: rule('fam/other') }]]), [
      { id: 'fam/a', specificity: 3 },
    ]);
    expect(problems).toEqual([
      'src/rules/catalog/fam/misnamed.ts: exports rule fam/other; a rule lives in src/rules/catalog/<family>/<name>.ts after its id',
      'src/rules/catalog/fam/unused.ts: neither a rule nor imported by one',
      'src/rules/catalog/fam/index.ts: the catalog index lists every rule: run `npm run rules:table`',
      'fixtures/rules/fam/a/match-gone.Dockerfile: the Dockerfile of a fixture that is gone',
      'fixtures/rules/fam/a/match-gone.expected.md: the expected output of a fixture that is gone',
      'fixtures/rules/fam/a/notes.txt: a fixture is match-*.log, nomatch-*.log, match-*.expected.md, match-*.Dockerfile or README.md',
      'fixtures/rules/fam/stray.log: fixtures live in fixtures/rules/<family>/<name>/',
      'fixtures/rules/fam/a/: fam/a has no nomatch-*.log',
    ]);
  });

  test('fails on a less specific rule listed above a more specific one, and on a scaffold', () => {
    const files: Record<string, string> = { 'src/rules/catalog/index.ts': '', 'src/rules/catalog/fam/a.ts': '', ...fixtures('fam/a'), ...fixtures('fam/b') };
    for (const f of scaffoldFiles('fam/b')) files[f.file] = f.text;
    const root = tree(files);
    const problems = registrationProblems(root, new Map([['src/rules/catalog/fam/a.ts', { a: rule('fam/a') }], ['src/rules/catalog/fam/b.ts', { b: rule('fam/b') }]]), [
      { id: 'fam/a', specificity: 2 },
      { id: 'fam/b', specificity: 3 },
    ]);
    expect(problems[0]).toBe('src/rules/catalog/index.ts: fam/b (specificity 3) is listed below fam/a (specificity 2): move it up');
    expect(problems.slice(1).sort()).toEqual(
      ['src/rules/catalog/fam/b.ts', 'fixtures/rules/fam/b/README.md', 'fixtures/rules/fam/b/match-scaffold.log', 'fixtures/rules/fam/b/nomatch-scaffold.log']
        .map((f) => `${f}: scaffolded text left: replace every SCAFFOLD with the real thing`)
        .sort(),
    );
  });
});

describe('placing rules in the catalog', () => {
  const rules = (...specs: [string, number][]): Map<string, CatalogRule> => new Map(specs.map(([id, specificity]) => [id, { id, exportName: id, specificity }]));

  test('keeps the listed order, drops what no file defines, adds a new rule after its family of the same specificity', () => {
    const all = rules(['a/x', 3], ['b/x', 3], ['a/y', 3], ['c/z', 2], ['a/new', 3], ['d/new', 3], ['a/low', 1]);
    expect(placeRules(['a/x', 'b/x', 'a/y', 'gone/rule', 'c/z'], all)).toEqual(['a/x', 'b/x', 'a/y', 'a/new', 'd/new', 'c/z', 'a/low']);
  });

  test('puts a rule where a family index from a merged branch listed it, unless that breaks the specificity order', () => {
    const all = rules(['a/x', 3], ['a/y', 3], ['b/x', 3], ['a/w', 2], ['a/new', 3], ['a/first', 3], ['a/late', 3]);
    const listed = ['a/x', 'a/y', 'b/x', 'a/w'];
    expect(placeRules(listed, all, [['a/first', 'a/x', 'a/new', 'a/y', 'a/w', 'a/late']])).toEqual(['a/first', 'a/x', 'a/new', 'a/y', 'a/late', 'b/x', 'a/w']);
  });

  test('reads the entries and the comments of an index, also in the middle of a merge', () => {
    const index = [
      "import { aX } from './a/x.js';",
      '<<<<<<< ours',
      "import { bY } from './b/y.js';",
      '=======',
      "import { aRules } from './a/index.js';",
      '>>>>>>> theirs',
      'export const builtinRules: RuleInput[] = [',
      '  // why b/y leads',
      '  bY,',
      '  ...aRules,',
      '  aX,',
      '];',
    ].join('\n');
    expect(listedIn(index)).toEqual(['b/y', 'a/x']);
    expect(entryComments(index)).toEqual(new Map([['b/y', ['// why b/y leads']]]));
    expect(listedIn("import { p } from './p.js';\nimport { q } from './q.js';\nexport const famRules: RuleInput[] = [q, p];", 'fam')).toEqual(['fam/q', 'fam/p']);
  });
});

describe('a scaffolded rule', () => {
  test('is a rule file, a match and a nomatch fixture and their provenance, all marked as scaffold', () => {
    const files = scaffoldFiles('fam/some-rule');
    expect(files.map((f) => f.file)).toEqual([
      'src/rules/catalog/fam/some-rule.ts',
      'fixtures/rules/fam/some-rule/match-scaffold.log',
      'fixtures/rules/fam/some-rule/nomatch-scaffold.log',
      'fixtures/rules/fam/some-rule/README.md',
    ]);
    expect(files[0]!.text).toContain("export const someRule: RuleInput = {\n  id: 'fam/some-rule',");
    expect(files[1]!.text).toContain(scaffoldLine);
    expect(files[2]!.text).not.toContain(scaffoldLine);
    for (const f of files) expect(f.text).toContain('SCAFFOLD');
    expect(() => scaffoldFiles('Fam/x')).toThrow('lower-case kebab');
  });
});
