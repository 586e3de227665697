// The house's floor plan, checked: src/ is layered along the data flow (DESIGN.md), each folder
// may import only from the folders below it, no two modules import each other through any path,
// and only the CLI's entry reaches into cli/. A new folder must be given its place here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

/**
 * Lowest first. A module may import from its own place and from places listed before it. The
 * pipeline (text helpers, the prefilter, redaction, lines → grammar → model → facts → knowledge →
 * rules → Dockerfile checks and locating → timeline → reporters) comes before what wires it
 * (analyze, run), the host-neutral layer (core), the two hosts (github, cli) and their entries.
 */
const LAYERS = [
  'version.ts',
  'text',
  'match',
  'security',
  'lines',
  'grammar',
  'model',
  'facts',
  'knowledge',
  'rules',
  'dockerfile',
  'timeline',
  'report',
  'analyze.ts',
  'run',
  'core',
  'github',
  'cli',
  'main.ts',
  'pre.ts',
  'index.ts',
  'cli.ts',
] as const;

/** `src/rules/engine.ts` → `rules`; `src/analyze.ts` → `analyze.ts`. */
function placeOf(file: string): string {
  return relative(src, file).split(/[\\/]/)[0]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports, static, re-exports and dynamic `import()` alike, resolved to .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(src);
type Graph = ReadonlyMap<string, readonly string[]>;
const graph: Graph = new Map(files.map((file) => [file, importsOf(file)]));
const show = (file: string) => relative(root, file);

/** Every cycle's modules, by Tarjan's strongly connected components (one with more than one module is a cycle). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(show(w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const rank = (file: string) => (LAYERS as readonly string[]).indexOf(placeOf(file));

/** Imports from a module to a place above its own. */
function upwardImports(graph: Graph): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets.filter((target) => graph.has(target) && placeOf(target) !== placeOf(file) && rank(target) > rank(file)).map((target) => `${show(file)} → ${show(target)}`),
  );
}

describe('the import graph of src/', () => {
  it('names a layer for every folder and top-level module', () => {
    const unplaced = [...new Set(files.map(placeOf))].filter((place) => !(LAYERS as readonly string[]).includes(place));
    expect(unplaced, 'give each new folder its place in LAYERS').toEqual([]);
  });

  it('resolves every relative import to a module of src/', () => {
    const dangling = files.flatMap((file) => graph.get(file)!.filter((target) => !graph.has(target)).map((target) => `${show(file)} → ${show(target)}`));
    expect(dangling).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downward along the data flow', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('keeps cli/ to the CLI: only its entry imports it', () => {
    const intoCli = files.flatMap((file) =>
      placeOf(file) === 'cli' || placeOf(file) === 'cli.ts' ? [] : graph.get(file)!.filter((target) => placeOf(target) === 'cli').map((target) => `${show(file)} → ${show(target)}`),
    );
    expect(intoCli).toEqual([]);
  });

  it('would see an upward import and the cycle it closes', () => {
    // The checks pass on this tree; here they are shown not to be vacuous on the real graph.
    const engine = join(src, 'rules', 'engine.ts');
    const parser = join(src, 'grammar', 'log-parser.ts');
    expect(graph.has(engine) && graph.has(parser)).toBe(true);
    const edited = new Map(graph);
    edited.set(parser, [...graph.get(parser)!, engine]);
    expect(upwardImports(edited)).toEqual([`${show(parser)} → ${show(engine)}`]);
    edited.set(engine, [...graph.get(engine)!, parser]);
    expect(cycles(edited).some((c) => c.includes(show(engine)) && c.includes(show(parser)))).toBe(true);
  });
});
