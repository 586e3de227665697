// A conda solve under strict channel priority that did not solve, in a log cut before the solver's own list of problems.
// libsolv's rule for a package left out by strict repo priority is SOLVER_RULE_STRICT_REPO_PRIORITY (its own text: `package …
// is excluded by strict repo priority`). libmamba 1.x has no explanation of its own for that rule: while it builds the
// problems graph of an unsolvable attempt it warns `Problem type not implemented SOLVER_RULE_STRICT_REPO_PRIORITY`, once per
// such problem (the `default:` case of ProblemsGraphCreator::parse_problems, mamba-org/mamba
// libmamba/src/core/satisfiability_error.cpp), conda's libmamba solver included (`warning  libmamba Problem type not
// implemented …` after `Solving environment:`). An attempt that failed may still be followed by a solve that succeeds (the
// same warnings are seen before `done` and a package plan), so the rule holds only when the log shows no such end, and
// leaves the full report (`UnsatisfiableError`, `Could not solve for environment specs`) to conda/unsatisfiable.
// gentzkow/template_archive#99: `conda env create -f setup/conda_env.yaml` with channels conda-forge, r, defaults and a
// `.condarc` setting `channel_priority strict`; the fix (PR #100) is `conda config --set channel_priority flexible` when the
// file's channels do not carry every pinned version; conda/conda-libmamba-solver#206: "I can reproduce with strict
// priority, but it does solve with flexible". `channel_priority` is strict, flexible or disabled (docs.conda.io
// …/user-guide/tasks/manage-channels.html, "Strict channel priority": with strict, a package of a name a higher-priority
// channel has is not considered from a lower one). conda reads each setting from a `CONDA_` variable too
// (`CONDA_CHANNEL_PRIORITY`, so set in conda's own tests, tests/test_resolve.py).
import type { RuleInput } from '../../schema.js';

const STRICT_RULE = 'SOLVER_RULE_STRICT_REPO_PRIORITY';

const fix = (command: string): string =>
  [
    'A version the specs need is only in a lower-priority channel. Solve with flexible priority, for this command only:',
    '',
    '```sh',
    command,
    '```',
    '',
    'or for every solve with `conda config --set channel_priority flexible`. Or keep strict priority and list the channel',
    'that has the pinned versions first (the order of `channels:` in the environment file, or of the `-c` options). The',
    'packages left out are named when the solve runs to its end: the `excluded by strict repo priority` lines of its',
    'problem list (`conda config --show channel_priority` shows the setting in force).',
  ].join('\n');

export const strictPriorityUnsolved: RuleInput = {
  id: 'conda/strict-priority-unsolved',
  title: 'conda solve failed under strict channel priority',
  severity: 'error',
  match: [{ literals: [STRICT_RULE], pattern: `libmamba Problem type not implemented ${STRICT_RULE}` }],
  context: [
    // the command that solved: `conda env create -f setup/conda_env.yaml`, `mamba install -c bioconda prokka`
    { name: 'solve', literals: ['conda ', 'mamba '], pattern: '(?<cmd>\\b(?:micromamba|mamba|conda)(?:\\s+env)?\\s+(?:create|install|update)\\b[^`\\n]{0,300})' },
  ],
  unless: [
    // the solve ended well after all: conda's package plan and transaction
    { literals: ['## Package Plan ##', 'Preparing transaction: done', 'Executing transaction: done'] },
    // the solver's full report, which conda/unsatisfiable (and conda/packages-not-found) read
    { literals: ['UnsatisfiableError', 'Could not solve for environment specs', 'is excluded by strict repo priority', 'PackagesNotFoundError'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'A conda solve failed under strict channel priority: libmamba warns `' + STRICT_RULE + '` while it explains an attempt that ' +
    'could not be solved, for a package left out because a higher-priority channel has one of the same name. The log shows no ' +
    'solve that ended well, and stops before the solver\'s list of problems, which names the packages left out.',
  fix: fix('CONDA_CHANNEL_PRIORITY=flexible conda env create -f <the environment file>   # the command that failed'),
  variants: [{ when: 'solve', fix: fix('CONDA_CHANNEL_PRIORITY=flexible {context.solve.cmd}') }],
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-channels.html',
};
