// The conda solver found packages for every spec but no set of them that fits together, or a
// package's dependency that no channel provides. Wordings (fixtures/real-world/uv-conda/):
// - libmamba (micromamba, mamba, conda ≥ 23.10 with the libmamba solver): `Encountered problems while
//   solving:` / `  - nothing provides requested quarto` / `  - nothing provides libmamba 0.23.1 h1566912_0
//   needed by libmambapy-0.23.1-py310hd09550d_0` / `critical libmamba UnsatisfiableError` (micromamba,
//   geocompx/docker#29) or ` LibMambaUnsatisfiableError: Encountered problems while solving:`
//   (conda-libmamba-solver, clinical-ai/omop-etl#1);
// - the classic solver: `UnsatisfiableError: The following specifications were found to be incompatible
//   with each other:`.
// `nothing provides requested X` is a missing package (like conda/packages-not-found); `nothing provides
// X needed by Y` is a candidate whose own dependency is in no listed channel; `requires python …, but
// none of the providers can be installed` is a Python pin. Commands: conda search (docs.conda.io
// …/commands/search.html: `-c`, `--platform`), micromamba search (public scripts, code corpus),
// `conda config --set channel_priority strict` and "it is not recommended to mix channels in a single
// environment" (docs.conda.io …/user-guide/tasks/manage-channels.html).
import type { RuleInput } from '../../schema.js';

type Variant = NonNullable<RuleInput['variants']>[number];

function searchBlock(tool: 'conda' | 'micromamba', what: string): string[] {
  const cmd = tool === 'micromamba' ? `micromamba search -c conda-forge '${what}'` : `conda search -c conda-forge '${what}'`;
  return ['```sh', cmd, '```'];
}

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({
      when: `${pre}requested`,
      message:
        'The conda solver found no package `{context.requested.package}` at all in the channels it used ("nothing provides ' +
        'requested"): the environment cannot be solved because one requested package does not exist there for this platform.',
      fix: [
        'Ask a channel for it (the platform is the one of the build; add `--platform linux-aarch64` to check ARM64):',
        '',
        ...searchBlock(tool, '{context.requested.package}'),
        '',
        'Listed there: add that channel (`-c conda-forge`, or under `channels:` in the environment file). Not listed: the',
        'name is wrong for conda or the package is published elsewhere (a pip-only package goes in a `pip:` section;',
        'a tool such as quarto may ship its own installer).',
      ].join('\n'),
    });
  }
  out.push({
    when: 'neededBy',
    message:
      'The conda solver has no way to satisfy the environment: `{context.neededBy.by}` needs `{context.neededBy.dep}`, and no ' +
      'channel it used provides that ("nothing provides … needed by"). The candidate comes from a channel whose dependencies ' +
      'live in a channel not listed, or a pinned old build whose dependency build is no longer published.',
    fix: [
      'Relax the pin that pulls in `{context.neededBy.by}` (let the solver pick a version whose dependencies exist), and take',
      'related packages from one channel: list it first and make priority strict, e.g.',
      '',
      '```sh',
      "conda config --set channel_priority strict",
      '```',
      '',
      '(conda\'s docs advise against mixing channels in one environment). When this is conda updating itself in the base',
      'environment (conda, libmamba, libmambapy in the list), start from a newer base image (miniconda / miniforge) instead of',
      'updating conda in place.',
    ].join('\n'),
  });
  out.push({
    when: 'python&fact.python',
    message:
      'The conda solver found no combination that fits: a package requires a Python other than the environment\'s ' +
      '(Python {fact.python} in this build; `{context.python}`).',
    fix: [
      'Either pin a Python that every package has builds for, or versions of the packages built for Python {fact.python}:',
      '`conda search -c conda-forge \'{context.python.package}\'` shows each build with its Python (`py310`, `py311`).',
    ].join('\n'),
  });
  out.push({
    when: 'python',
    message:
      'The conda solver found no combination that fits: a package requires a Python other than the one the environment pins ' +
      '(`{context.python}`).',
    fix: [
      'Pin a Python that every package has builds for, or versions of the packages built for this Python:',
      '`conda search -c conda-forge \'{context.python.package}\'` shows each build with its Python (`py310`, `py311`).',
    ].join('\n'),
  });
  return out;
}

export const unsatisfiable: RuleInput = {
  id: 'conda/unsatisfiable',
  title: 'conda environment cannot be solved',
  severity: 'error',
  match: [
    // `critical libmamba UnsatisfiableError`, ` LibMambaUnsatisfiableError: Encountered problems while solving:`,
    // `UnsatisfiableError: The following specifications were found to be incompatible with each other:`
    { literals: ['UnsatisfiableError'] },
    // libmamba's explanation lines: `  - nothing provides requested quarto`, `  - nothing provides X needed by Y`
    { literals: ['nothing provides '], pattern: '^\\s{0,12}- nothing provides ' },
  ],
  context: [
    { name: 'requested', literals: ['nothing provides requested '], pattern: 'nothing provides requested (?<package>[A-Za-z0-9_][A-Za-z0-9_.:=<>*-]{0,120})' },
    {
      name: 'neededBy',
      literals: [' needed by '],
      pattern: 'nothing provides (?<dep>[^\\n]{1,200}?) needed by (?<by>[A-Za-z0-9_][A-Za-z0-9_.=+-]{0,200})',
    },
    {
      // `package foo-1.0-py36_0 requires python >=3.6,<3.7.0a0, but none of the providers can be installed`
      name: 'python',
      literals: ['requires python '],
      pattern: 'package (?<package>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)-\\d[^\\s]{0,100} requires python [^,\\n]{1,60}',
    },
    { name: 'micromamba', literals: ['micromamba'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The conda solver found no set of packages that satisfies all the specs of this environment (the lines under ' +
    '`Encountered problems while solving` / `UnsatisfiableError` name the conflicting packages).',
  fix: [
    'Read the solver\'s list above the error: each line names a package and the requirement that cannot be met. Relax the',
    'pins of those packages (a version range instead of an exact version), take them from one channel with strict',
    'priority (`conda config --set channel_priority strict`), and solve again.',
  ].join('\n'),
  variants: variants(),
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-channels.html',
};
