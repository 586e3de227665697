// micromamba (or mamba 2) was told to work in an environment at a prefix that is not one: `ERROR   Expected environment not
// found at prefix: /env`. libmamba's target-prefix check (libmamba/src/api/configuration.cpp, `target_prefix_checks_hook`,
// the same since mamba-org/mamba 3fae90f, 2021-04-16) prints it when the prefix exists as a directory but has no
// `conda-meta` (what makes a directory an environment), for a command that does not create one: `micromamba install`
// installs into an existing environment only (its subcommand: "Install packages in active environment",
// micromamba/src/umamba.cpp). A Dockerfile's WORKDIR or COPY creates such a directory; an absent prefix gets "No prefix
// found at" instead.
//
// The fix is to create the environment: `micromamba create -p PREFIX SPECS` (the docs' example,
// docs/source/user_guide/micromamba.rst: `micromamba create -p /tmp/env 'pytest>=8.0'`). `create` takes a prefix that is
// missing or an empty folder ("Using existing empty folder as target prefix"), and refuses one that holds files
// ("Non-conda folder exists at prefix - aborting.", libmamba/src/api/create.cpp). Or install into `base`, the one
// environment a micromamba image already has (the micromamba-docker maintainers, mamba-org/micromamba-docker#151:
// "`micromamba install` requires an existing environment and `base` is the only environment that already exists in the
// image"; pythonspeed/python-build-benchmarks#1 built with `micromamba install -y -n base …`).
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  '`{prefix}` is not a conda environment: micromamba found a directory there without the `conda-meta` of an environment, and ' +
  '`install` works only in an existing environment and never creates one. Nothing was installed.';

const installFix = (block: string, run: string): string =>
  [
    'Create the environment with `create` instead of `install`, the same packages and channels (`create` takes a prefix that ' +
      'is missing or an empty folder):',
    '',
    '```' + block,
    `${run}{context.install.tool} create -y {context.install.args}`,
    '```',
    '',
    'Or install into `base`, the environment micromamba already has: `{context.install.tool} install -y -n base` with the ' +
      'same packages and channels, without `-p {prefix}`. If `{prefix}` holds files (a `WORKDIR` or `COPY` made it), `create` ' +
      'refuses it too ("Non-conda folder exists at prefix"): put the environment at another path.',
  ].join('\n');

export const prefixNotAnEnvironment: RuleInput = {
  id: 'conda/prefix-not-an-environment',
  title: 'micromamba: the prefix is not an environment',
  severity: 'error',
  match: [
    {
      literals: ['Expected environment not found at prefix: '],
      pattern: 'Expected environment not found at prefix: (?<prefix>\\S{1,300})',
    },
  ],
  context: [
    // the command: `RUN micromamba install -p /env python=3.9 pip -c defaults`, `executor failed running [/bin/sh -c micromamba install …]`
    {
      name: 'install',
      literals: ['mamba install '],
      // a colon ends the command only as the header's (`RUN micromamba install …:`), not inside a spec (`conda-forge::pydot`)
      pattern: '(?<![\\w-])(?<tool>micromamba|mamba) install(?: -y| --yes)? (?<args>[^\\]\'"&;|\\n]{1,300}?)(?=\\s{0,20}(?:[\\]\'"&;|]|:(?!\\S)|$))',
    },
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Create the environment first, with the packages at once (`create` takes a prefix that is missing or an empty folder):',
    '',
    '```sh',
    'micromamba create -y -p {prefix} <the packages and channels of the install>',
    '```',
    '',
    'Or install into `base`, the environment micromamba already has: `micromamba install -y -n base …`. If `{prefix}` holds ' +
      'files (a `WORKDIR` or `COPY` made it), `create` refuses it too: use another path for the environment.',
  ].join('\n'),
  variants: [
    { when: 'install&fact.place=image-build', fix: installFix('dockerfile', 'RUN ') },
    { when: 'install', fix: installFix('sh', '') },
  ],
  docs: 'https://mamba.readthedocs.io/en/latest/user_guide/micromamba.html',
};
