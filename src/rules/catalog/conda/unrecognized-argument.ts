// conda's argument parser refused an option: `conda-env: error: unrecognized arguments: --copy` (old conda's
// `conda-env` entry point), `conda env create: error: unrecognized arguments: …` (argparse names the subcommand
// in newer conda). argparse prints the usage line and exits 2 before conda does anything, so the cause is the
// command line itself, not the environment or the network.
//
// The common case: `--copy` given to `conda env create` / `conda env update`. Their usage in conda's own docs
// (docs.conda.io commands/env/create.html for 23.7.x, 24.1.x and latest) lists `-f`, `-n`/`-p`, network,
// solver and output options, never `--copy`; `conda create` does take it ("Install all packages using copies
// instead of hard- or soft-linking", commands/create.html for 4.6.1, 4.11.x, 23.7.x, 26.5.x). conda's
// maintainers answered the same build this way (regro/conda-metachannel#7: "just be a `conda create`").
// `conda create` prompts before it installs, so a build needs `-y` (listed in the same usage).
import type { RuleInput } from '../../schema.js';

const CMD = '{context.command.cmd|conda}';

const COPY_TITLE = '`conda env create` takes no --copy';
const copyMessage =
  '`conda env create` takes no `--copy` option (conda\'s argument parser stopped at it, exit code 2, before anything ' +
  'was installed): `--copy` belongs to `conda create`. `conda env create` installs with the links ' +
  'conda uses by default.';

/** `target`: the command's own `-p` / `-n`; without it the environment takes the `name:` of the file. */
function copyFix(block: 'dockerfile' | 'sh', target: boolean): string {
  const run = block === 'dockerfile' ? 'RUN ' : '';
  const where = target ? ' {context.target.opt} {context.target.value}' : '';
  return [
    'Drop the flag and keep the environment file (`environment.yml` unless `-f` names another):',
    '',
    '```' + block,
    `${run}conda env create${where} -f environment.yml`,
    '```',
    '',
    'If the environment must hold copies instead of links, create it with `conda create --copy -y` and the same `-p` / ' +
      '`-n`, with the packages of the file\'s `dependencies:` on the command line ' +
      '(`conda create --help` in this image says whether its `--file` also reads an environment.yml; older conda reads ' +
      'only a package list there).',
  ].join('\n');
}

export const unrecognizedArgument: RuleInput = {
  id: 'conda/unrecognized-argument',
  title: 'conda refused an option its subcommand does not take',
  severity: 'error',
  match: [
    // `conda-env: error: unrecognized arguments: --copy`
    {
      literals: ['error: unrecognized arguments: '],
      pattern: '(?<prog>\\bconda(?:-env| env(?: [a-z]{2,20})?| [a-z]{2,20})?): error: unrecognized arguments: (?<args>\\S.{0,200})$',
    },
  ],
  context: [
    // the command the step ran: `The command '/bin/sh -c conda env create --copy -p /opt/env' returned …`, BuildKit's
    // `process "/bin/sh -c conda env create …"`, the `Step 3/9 : RUN …` / `[3/9] RUN …` header
    { name: 'command', keep: 'last', literals: ['conda '], pattern: '(?<cmd>\\bconda(?: env)? (?!-)[a-z][a-z-]{1,20})\\b' },
    // `--copy` on `conda env create`, which never took it (`conda env update` neither: the generic message names the subcommand)
    // the environment the command named: `-p /opt/env`, `--name base`
    {
      name: 'target',
      literals: ['conda env '],
      pattern: '\\bconda env (?:create|update)\\b[^\'"\\n]{0,300}?\\s(?<opt>-p|--prefix|-n|--name)[ =](?<value>[^\\s\'"]{1,200})',
    },
    { name: 'envCopy', literals: ['conda env '], pattern: '\\bconda env create\\b[^\'"\\n]{0,300}\\s--copy\\b' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{prog}` refused `{args}`: this conda\'s `{context.command.cmd|conda}` takes no such option, so its argument parser ' +
    'stopped before doing anything (the usage line above the error lists what it takes).',
  fix:
    `Run \`${CMD} --help\` with the same conda (options differ between subcommands, e.g. \`conda create\` and ` +
    '`conda env create`, and between conda releases), then drop the option or move it to the subcommand that takes it.',
  variants: [
    { when: 'envCopy&target&fact.place=image-build', title: COPY_TITLE, message: copyMessage, fix: copyFix('dockerfile', true) },
    { when: 'envCopy&fact.place=image-build', title: COPY_TITLE, message: copyMessage, fix: copyFix('dockerfile', false) },
    { when: 'envCopy&target', title: COPY_TITLE, message: copyMessage, fix: copyFix('sh', true) },
    { when: 'envCopy', title: COPY_TITLE, message: copyMessage, fix: copyFix('sh', false) },
  ],
  docs: 'https://docs.conda.io/projects/conda/en/latest/commands/env/create.html',
};
