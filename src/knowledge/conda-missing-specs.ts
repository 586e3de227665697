// The `conda-missing-specs` enricher: every spec conda listed as not found (`ResolvePackageNotFound:` or
// `PackagesNotFoundError: …` followed by `  - spec` lines), as one search command over all of them, one PyPI check
// over their names, and the same specs in pip's syntax: for the `pip:` list of an environment file (`pipSpecs`) and
// for a `pip install` command line (`pipArgs`).
//
// Sources:
// - conda match specs (docs.conda.io/projects/conda/en/latest/user-guide/concepts/pkg-specs.html): `name=1.5` is
//   fuzzy, it matches 1.5, 1.5.0, 1.5.1…; `name==1.5` is exact; `channel::name` names a channel. pip has the same
//   fuzzy match as `==1.5.*` (PEP 440, "Version matching" with a trailing `.*`).
// - `conda search SPEC` takes one spec (docs.conda.io/projects/conda/en/latest/commands/search.html); micromamba
//   has the same `search` (used with `-c conda-forge` in public scripts).
// - `pip index versions NAME` lists the versions an index has (pip 21.2 and later; `pip index --help` of pip 23.2.1
//   on this machine); pypi.org/project/NAME/ shows the same.
// - An environment file's `dependencies:` takes a `pip:` entry whose list pip installs, with `pip` itself listed
//   (conda's "Managing environments", "Creating an environment file manually",
//   docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-environments.html).
// - `channel::name` matches the package from that channel only (conda's "Package match specifications" table:
//   "`conda-forge::numpy` Match numpy from the conda-forge channel", user-guide/concepts/pkg-specs.html); "The
//   `<channel>::<package>` syntax installs only the named package from the specified channel, with dependencies
//   resolved from your configured channels" (user-guide/tasks/manage-channels.html), and the channel "does not need to
//   be present in the `channels:` list" (manage-environments.html, "Specifying channels outside of channels"). So a
//   channel list (`-c`, `channels:`) does not widen the search for such a spec. `conda search` takes the same form
//   (`conda search "conda-forge::numpy=1.17.3[…]"`, user-guide/concepts/pkg-search.html).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { windowsOnlyNames } from './conda-windows-only.js';

/** `  - pyglet=1.5`, `  - bioconda::bowtie2=2.4.5` (a listed spec; channel URLs have no `=` and are dropped below). */
const specLine = /^(?:> ?)?\s{0,12}- ((?:[A-Za-z0-9_.-]{1,60}::)?[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}(?:[=<>!~][^\s:'"`$\\]{0,100})?)\s{0,5}$/;
const header = /ResolvePackageNotFound:|PackagesNotFoundError|The following packages are not available/;

/** The specs listed under conda's not-found header, in order, without duplicates. */
export function missingSpecs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inList = false;
  for (const line of lines) {
    if (header.test(line)) {
      inList = true;
      continue;
    }
    if (!inList) continue;
    const m = specLine.exec(line);
    if (m === null) {
      // conda prints a blank line after the list; the channel list that follows (`Current channels:`) ends it too.
      if (line.trim() === '' && out.length > 0) inList = false;
      if (/Current channels:|To search for alternate channels/.test(line)) inList = false;
      continue;
    }
    if (!out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/**
 * A conda spec in pip's syntax, or null when it has no PyPI reading (a channel-qualified spec, a build string,
 * conda's own or Python's pin).
 */
export function pipSpecOf(spec: string): string | null {
  if (spec.includes('::')) return null;
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]{0,200})([=<>!~][^\s]{0,200})?$/.exec(spec);
  if (m === null) return null;
  const name = m[1]!;
  const rest = m[2] ?? '';
  if (/^(?:python|conda|pip)$/i.test(name)) return null;
  if (rest === '') return name;
  if (/^={1,2}[^=<>!]+=/.test(rest)) return null; // `name=1.0=build`, `name==1.0=build`
  const fuzzy = /^=(\d[\w.]*?)(?:\.?\*)?$/.exec(rest);
  if (fuzzy !== null) return `${name}==${fuzzy[1]}.*`;
  if (/^(?:==|>=|<=|!=|~=|>|<)\S+$/.test(rest)) return `${name}${rest}`;
  return null;
}

export function condaMissingSpecsEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const listed = missingSpecs([...(step?.tail ?? []), ...(model.outsideLines ?? [])]);
  // The list not in the lines kept here (a step's output read elsewhere): the rule's own `- spec` hit.
  const captured = captures['context.spec.spec'];
  const specs = listed.length > 0 ? listed : captured !== undefined ? [captured] : [];
  if (specs.length === 0) return {};
  const quoted = specs.map((s) => `'${s}'`).join(' ');
  const micromamba = captures['context.micromamba'] !== undefined || facts.value('installer') === 'micromamba';
  const search = micromamba ? 'micromamba search -c conda-forge "$spec"' : 'conda search -c conda-forge "$spec"';
  const out: Record<string, string> = {
    // The specs read under the not-found header only: the `Channels:` list conda ≥ 23.11 prints above the solve
    // (` - defaults`, ` - conda-forge`) has the same `- name` shape and is no spec (MangaNinjia's win-64 log, fixtures/rules/conda/packages-not-found).
    firstSpec: specs[0]!,
    firstName: /^(?:[A-Za-z0-9_.-]{1,60}::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)/.exec(specs[0]!)?.[1] ?? specs[0]!,
    allSpecs: specs.join(', '),
    allNames: specs.map((s) => /^(?:[A-Za-z0-9_.-]{1,60}::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)/.exec(s)?.[1] ?? s).join(' '),
    missingSearch: specs.length === 1 ? search.replace('"$spec"', quoted) : `for spec in ${quoted}; do ${search}; done`,
  };
  // Packages built for Windows only (knowledge/conda-windows-only.ts): the list was exported on Windows. Not said when
  // the solve itself ran for Windows (a `win-64` / `win-32` channel subdir, or `Platform: win-64` in conda 23.11+'s `Channels:` list).
  const lines = [...(step?.tail ?? []), ...(model.outsideLines ?? [])];
  const windows = windowsOnlyNames(out.allNames!.split(' '));
  if (windows.length > 0 && !lines.some((l) => /(?:\/|Platform: )win-(?:64|32)\b/.test(l))) out.windowsOnly = windows.join(', ');
  const pinned = specs.map((s) => /^([A-Za-z0-9_.-]{1,60})::(.+)$/.exec(s)).filter((m): m is RegExpExecArray => m !== null);
  if (pinned.length > 0) {
    const channels = [...new Set(pinned.map((m) => m[1]!))];
    const bare = pinned.map((m) => m[2]!);
    const names = pinned.map((m) => /^[A-Za-z0-9_][A-Za-z0-9_.-]*/.exec(m[2]!)![0]);
    out.pinnedChannel = channels.join('`, `');
    out.pinnedSpecs = pinned.map((m) => m[0]).join(', ');
    out.pinnedFirst = pinned[0]![0];
    out.pinnedFirstBare = bare[0]!;
    const others = specs.filter((s) => !s.includes('::'));
    if (others.length > 0) out.otherSpecs = ` It found none for ${others.join(', ')} either, in any channel it searched.`;
    if (micromamba) {
      const byChannel = pinned.map((m, i) => `micromamba search -c ${m[1]} '${names[i]}'`);
      out.pinnedSearch = byChannel.join('\n');
    } else {
      const q = pinned.map((m) => `'${m[0]}'`).join(' ');
      const qb = bare.map((b) => `'${b}'`).join(' ');
      out.pinnedSearch = pinned.length === 1 ? `conda search ${q}` : `for spec in ${q}; do conda search "$spec"; done`;
      out.bareSearch = pinned.length === 1 ? `conda search ${qb}` : `for spec in ${qb}; do conda search "$spec"; done`;
    }
  }
  const pip = specs.map((s) => [s, pipSpecOf(s)] as const).filter((p): p is readonly [string, string] => p[1] !== null);
  if (pip.length === 0) return out;
  const names = pip.map(([, p]) => /^[A-Za-z0-9_.-]+/.exec(p)![0]);
  out.pypiCheck = names.length === 1 ? `pip index versions ${names[0]}` : `for name in ${names.join(' ')}; do pip index versions "$name"; done`;
  out.pipSpecs = pip.map(([, p]) => `"${p}"`).join(', ');
  out.pipArgs = pip.map(([, p]) => `'${p}'`).join(' ');
  out.pipNames = names.join(', ');
  return out;
}
