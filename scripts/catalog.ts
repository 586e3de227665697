// The built-in catalog's registration, kept by tools rather than by hand: every rule file under
// src/rules/catalog/<family>/ is listed once in src/rules/catalog/index.ts, whose order is the one
// place a built-in rule's rank is decided. `npm run rules:table` rewrites that index from the
// files (a new rule is added, a deleted one dropped, the order of the rest kept) and
// `npm run new-rule -- family/name` scaffolds a rule. The registration test reads the same
// functions, so the tools and the test cannot disagree on what a rule file is.
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** Where the catalog lives, repository-relative. */
export const catalogDir = 'src/rules/catalog';
export const fixturesDir = 'fixtures/rules';

/**
 * The word every scaffolded text carries until an author replaces it. The registration test fails
 * on it anywhere in the catalog or its fixtures, and the advice lint on it in a finding, so a
 * scaffold cannot be committed as if it were a rule.
 */
export const SCAFFOLD = 'SCAFFOLD';

/** `family/name`: lower-case kebab on both sides, as rule ids are. */
export const ruleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A rule file of the catalog: `family/name` (its id and its path), its export and its specificity. */
export interface CatalogRule {
  id: string;
  exportName: string;
  specificity: number;
}

/** A `.ts` file in a family folder, by its repository-relative path and its `family/name`. */
export interface CatalogFile {
  id: string;
  file: string;
}

/** The `.ts` files of the family folders, the family indexes of an older layout left out. */
export function catalogFiles(root: string): CatalogFile[] {
  const dir = path.join(root, catalogDir);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((family) =>
      readdirSync(path.join(dir, family.name))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => ({ id: `${family.name}/${f.slice(0, -3)}`, file: `${catalogDir}/${family.name}/${f}` })),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The exports of a module that are rules (an object with an id, a severity and a message). */
export function ruleExports(module: Record<string, unknown>): { name: string; id: string; input: object }[] {
  return Object.entries(module).flatMap(([name, value]) => {
    if (typeof value !== 'object' || value === null) return [];
    const { id, severity, message } = value as { id?: unknown; severity?: unknown; message?: unknown };
    return typeof id === 'string' && typeof severity === 'string' && typeof message === 'string' ? [{ name, id, input: value }] : [];
  });
}

/** The rules an index imports, `family/name` by imported name (`family` resolves `./name.js`). */
function importedRules(indexText: string, family?: string): Map<string, string> {
  const pathOf = new Map<string, string>();
  for (const m of indexText.matchAll(/^import \{ (\w+) \} from '\.\/([a-z0-9-]+(?:\/[a-z0-9-]+)?)\.js';$/gm)) {
    const target = m[2]!;
    const id = target.includes('/') ? target : family === undefined ? null : `${family}/${target}`;
    if (id !== null && ruleIdPattern.test(id) && !id.endsWith('/index')) pathOf.set(m[1]!, id);
  }
  return pathOf;
}

/**
 * The `family/name` entries an index lists, in its order. An index is read as its imports plus the
 * names of its list; any other line (a merge's conflict markers, the spread of a family index) is
 * skipped, so an index in the middle of a merge still reads. `family` resolves the `./name.js`
 * imports of a family index.
 */
export function listedIn(indexText: string, family?: string): string[] {
  const pathOf = importedRules(indexText, family);
  const list = indexText.slice(Math.max(0, indexText.search(/RuleInput\[\] = \[/)));
  const out: string[] = [];
  for (const m of list.matchAll(/\b\w+\b/g)) {
    const id = pathOf.get(m[0]);
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The comment lines written in the catalog's list just above an entry (why it ranks where it
 * does), by the entry's `family/name`, so that rewriting the index keeps them.
 */
export function entryComments(indexText: string): Map<string, string[]> {
  const ids = listedIn(indexText);
  const nameOf = importedRules(indexText);
  const out = new Map<string, string[]>();
  let pending: string[] = [];
  const list = indexText.slice(Math.max(0, indexText.search(/RuleInput\[\] = \[/)));
  for (const line of list.split('\n').slice(1)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) pending.push(trimmed);
    else {
      const id = nameOf.get(trimmed.replace(/,$/, ''));
      if (id !== undefined && ids.includes(id) && pending.length > 0) out.set(id, pending);
      pending = [];
    }
  }
  return out;
}

const familyOf = (id: string): string => id.slice(0, id.indexOf('/'));

/**
 * The catalog's order after adding the rules `listed` lacks and dropping those no file defines.
 * The rules already listed keep their order. A new rule goes where `hints` (the order of a family
 * index from a branch that still had them) put it, next to a rule it was listed beside; otherwise
 * after the last rule of its family of the same specificity, or at the end of the rules of its
 * specificity. Either way a rule never lands above a more specific one or below a less specific one.
 */
export function placeRules(listed: readonly string[], rules: ReadonlyMap<string, CatalogRule>, hints: readonly (readonly string[])[] = []): string[] {
  const out = [...new Set(listed)].filter((id) => rules.has(id));
  const spec = (id: string): number => rules.get(id)!.specificity;
  const fits = (at: number, s: number): boolean => (at === 0 || spec(out[at - 1]!) >= s) && (at === out.length || spec(out[at]!) <= s);
  const hinted = (id: string): number | null => {
    for (const hint of hints) {
      const i = hint.indexOf(id);
      if (i < 0) continue;
      const before = hint.slice(0, i).reverse().find((h) => out.includes(h));
      if (before !== undefined) return out.indexOf(before) + 1;
      const after = hint.slice(i + 1).find((h) => out.includes(h));
      if (after !== undefined) return out.indexOf(after);
    }
    return null;
  };
  const fallback = (id: string): number => {
    const s = spec(id);
    const sameFamily = out.map((o, i) => (familyOf(o) === familyOf(id) && spec(o) === s ? i : -1)).filter((i) => i >= 0);
    if (sameFamily.length > 0) return sameFamily[sameFamily.length - 1]! + 1;
    const band = out.map((o, i) => (spec(o) >= s ? i : -1)).filter((i) => i >= 0);
    return band.length > 0 ? band[band.length - 1]! + 1 : 0;
  };
  const hintOrder = hints.flat();
  const unlisted = [...rules.keys()]
    .filter((id) => !out.includes(id))
    .sort((a, b) => (hintOrder.includes(a) ? hintOrder.indexOf(a) : Infinity) - (hintOrder.includes(b) ? hintOrder.indexOf(b) : Infinity) || a.localeCompare(b));
  for (const id of unlisted) {
    const at = hinted(id);
    out.splice(at !== null && fits(at, spec(id)) ? at : fallback(id), 0, id);
  }
  return out;
}

/** The catalog index for rules in this order, with the comments kept above their entries. */
export function renderCatalogIndex(rules: readonly CatalogRule[], comments: ReadonlyMap<string, readonly string[]> = new Map()): string {
  return [
    '// Every built-in rule, in priority order: this list is the one place that ranks them. Findings of',
    '// one failure are ranked by severity and by whether they caused the others (rank-findings.ts),',
    "// then by their rule's line here, the line nearer the top first. The list keeps a less specific rule",
    '// (`specificity`, which also decides which findings a more specific one replaces) below every',
    '// more specific one (a test checks), so the order read here is the order findings take.',
    '//',
    '// Written by `npm run rules:table` from the rule files under catalog/<family>/: a new file is',
    '// added (after its family\'s rules of the same specificity), a deleted one dropped, the order of',
    '// the rest kept. To change a rule\'s rank, move its line; the imports follow the list.',
    "import type { RuleInput } from '../schema.js';",
    ...rules.map((r) => `import { ${r.exportName} } from './${r.id}.js';`),
    '',
    'export const builtinRules: RuleInput[] = [',
    ...rules.flatMap((r) => [...(comments.get(r.id) ?? []).map((c) => `  ${c}`), `  ${r.exportName},`]),
    '];',
    '',
  ].join('\n');
}

/** The export name of a scaffolded rule: `cuda/cuda-home-not-set` → `cudaHomeNotSet`. */
export function exportNameOf(id: string): string {
  return id
    .slice(id.indexOf('/') + 1)
    .replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
    .replace(/^(\d)/, '_$1');
}

/** A built-in rule as the catalog loads it: its id and its specificity (default applied). */
export interface ListedRule {
  id: string;
  specificity: number;
}

/** A folder's entries by name, so that problems are listed in the same order everywhere. */
function sortedEntries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every file under `dir` (repository-relative), recursively. */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(path.join(root, dir))) return [];
  return sortedEntries(path.join(root, dir)).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, `${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

const fixtureFile = /^(?:match-[^/]+\.(?:log|expected\.md|Dockerfile)|nomatch-[^/]+\.log|README\.md)$/;

/**
 * What keeps the catalog from being registered by construction, one line per problem: a rule file
 * the catalog does not list (or lists under another id), a file that is neither a rule nor used by
 * one, a family folder without a rule, a fixture folder or file no rule owns, a rule without a
 * match and a nomatch fixture, a less specific rule listed above a more specific one, and any
 * scaffolded text left. `modules` are the catalog files' exports by repository-relative path;
 * `listed` the catalog as loaded, in its order.
 */
export function registrationProblems(root: string, modules: ReadonlyMap<string, Record<string, unknown>>, listed: readonly ListedRule[]): string[] {
  const problems: string[] = [];
  const files = catalogFiles(root);
  const listedIds = new Set(listed.map((r) => r.id));
  const ruleFiles = new Set<string>();
  const source = (file: string): string => readFileSync(path.join(root, file), 'utf8');

  for (const f of files) {
    const found = ruleExports(modules.get(f.file) ?? {});
    if (found.length === 0) {
      const [family, name] = f.id.split('/') as [string, string];
      const used = files.some((o) => {
        if (o === f) return false;
        const text = source(o.file);
        return text.includes(`'../${family}/${name}.js'`) || (o.id.startsWith(`${family}/`) && text.includes(`'./${name}.js'`));
      });
      if (!used) problems.push(`${f.file}: neither a rule nor imported by one`);
      continue;
    }
    if (found.length > 1) problems.push(`${f.file}: exports ${found.length} rules; a rule file holds one`);
    for (const r of found) {
      if (r.id !== f.id) problems.push(`${f.file}: exports rule ${r.id}; a rule lives in ${catalogDir}/<family>/<name>.ts after its id`);
      else if (!listedIds.has(r.id)) problems.push(`${f.file}: ${r.id} is not in the catalog: run \`npm run rules:table\``);
      else ruleFiles.add(r.id);
    }
  }
  for (const r of listed) if (!ruleFiles.has(r.id)) problems.push(`${catalogDir}/index.ts lists ${r.id}, which no ${catalogDir}/${r.id}.ts defines`);

  for (const entry of sortedEntries(path.join(root, catalogDir))) {
    if (!entry.isDirectory()) {
      if (entry.name !== 'index.ts') problems.push(`${catalogDir}/${entry.name}: not a family folder`);
      continue;
    }
    if (![...ruleFiles].some((id) => id.startsWith(`${entry.name}/`))) problems.push(`${catalogDir}/${entry.name}/: a family folder without a rule`);
    for (const { name } of sortedEntries(path.join(root, catalogDir, entry.name))) {
      if (name === 'index.ts') problems.push(`${catalogDir}/${entry.name}/index.ts: the catalog index lists every rule: run \`npm run rules:table\``);
      else if (!name.endsWith('.ts')) problems.push(`${catalogDir}/${entry.name}/${name}: not a TypeScript file`);
    }
  }

  const fixtureFolders = new Set<string>();
  for (const file of filesUnder(root, fixturesDir)) {
    const parts = file.slice(fixturesDir.length + 1).split('/');
    if (parts.length !== 3) {
      problems.push(`${file}: fixtures live in ${fixturesDir}/<family>/<name>/`);
      continue;
    }
    const [family, name, base] = parts as [string, string, string];
    const id = `${family}/${name}`;
    if (!fixtureFolders.has(id)) {
      fixtureFolders.add(id);
      if (!listedIds.has(id)) problems.push(`${fixturesDir}/${id}/: no rule ${id} in the catalog`);
    }
    if (!fixtureFile.test(base)) problems.push(`${file}: a fixture is match-*.log, nomatch-*.log, match-*.expected.md, match-*.Dockerfile or README.md`);
    else if (base.endsWith('.expected.md') && !existsSync(path.join(root, file.replace(/\.expected\.md$/, '.log')))) {
      problems.push(`${file}: the expected output of a fixture that is gone`);
    } else if (base.endsWith('.Dockerfile') && !existsSync(path.join(root, file.replace(/\.Dockerfile$/, '.log')))) {
      problems.push(`${file}: the Dockerfile of a fixture that is gone`);
    }
  }
  for (const { id } of listed) {
    const dir = path.join(root, fixturesDir, id);
    const names = existsSync(dir) ? readdirSync(dir) : [];
    for (const kind of ['match', 'nomatch']) {
      if (!names.some((n) => n.startsWith(`${kind}-`) && n.endsWith('.log'))) problems.push(`${fixturesDir}/${id}/: ${id} has no ${kind}-*.log`);
    }
  }

  listed.forEach((r, i) => {
    const above = listed.slice(0, i).find((o) => o.specificity < r.specificity);
    if (above !== undefined) problems.push(`${catalogDir}/index.ts: ${r.id} (specificity ${r.specificity}) is listed below ${above.id} (specificity ${above.specificity}): move it up`);
  });

  for (const file of [...filesUnder(root, catalogDir), ...filesUnder(root, fixturesDir)]) {
    if (source(file).includes(SCAFFOLD)) problems.push(`${file}: scaffolded text left: replace every ${SCAFFOLD} with the real thing`);
  }
  return problems;
}
