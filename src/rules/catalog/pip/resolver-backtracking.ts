// pip's resolver backtracking: it prints "pip is looking at multiple versions of X" after the
// first rejected candidate of X, "pip is still looking …" after the 8th and "This is taking longer
// than usual" after the 13th (pip's PipReporter thresholds). One finding per step; the first
// message alone (one rejection, routine) is not enough: at least two of them are. A warning: the
// build may pass, but it is spending minutes to hours trying old releases.
import type { RuleInput } from '../../schema.js';

export const resolverBacktracking: RuleInput = {
  id: 'pip/resolver-backtracking',
  title: 'pip resolver backtracking',
  severity: 'warning',
  match: [
    { literals: ['pip is looking at multiple versions of'], pattern: 'pip is looking at multiple versions of (?<package>[^\\s]{1,200}) to' },
    { literals: ['pip is still looking at multiple versions of'], pattern: 'still looking at multiple versions of (?<package>[^\\s]{1,200}) to' },
    { literals: ['This is taking longer than usual'] },
  ],
  context: [
    { name: 'still', literals: ['pip is still looking at multiple versions of'], pattern: 'versions of (?<package>[^\\s]{1,200}) to' },
    { name: 'longer', literals: ['This is taking longer than usual'] },
    // The candidates pip fetched: `Processing /wheels/lightning-2.14.0-py3-none-any.whl`,
    // `  Downloading lightning-2.14.0-py3-none-any.whl.metadata (11 kB)`, `  Using cached lm_eval-0.4.8.tar.gz (…)`,
    // older pip's full URLs. Each distinct (name, version) counts once.
    {
      name: 'fetched',
      literals: ['Processing ', 'Downloading ', 'Using cached '],
      pattern:
        '(?:^|[ /])(?<candidate>[A-Za-z0-9][A-Za-z0-9_.]{0,100})-(?<version>\\d[\\w.!+]{0,60})(?:-[\\w.+-]{1,200}\\.whl|\\.tar\\.gz|\\.zip)\\b',
      tally: true,
    },
  ],
  scope: 'step',
  minCount: 2,
  specificity: 3,
  message:
    'pip backtracked through older releases of {package:all} (resolver messages per package: {package:counts}). ' +
    'Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. {enrich.durationNote}',
  fix: [
    'Give the resolver the versions instead of letting it search:',
    '',
    '- pin the package that backtracks to a release that fits: `pip install "{package}==X.Y.Z"`, or bound it (`"{package}>=A,<B"`);',
    '- keep the base image\'s packages fixed with a constraints file, so pip cannot wander through their history:',
    '',
    '```dockerfile',
    "RUN pip freeze | grep -v -E '@ |^-e |^file:|^\\.' > /opt/base-image-constraints.txt",
    'RUN pip install --constraint /opt/base-image-constraints.txt {package}',
    '```',
    '',
    '- bound the time a known-slow install may take: `timeout 300 pip install …`.',
  ].join('\n'),
  variants: [
    {
      when: 'longer',
      message:
        'pip backtracked through older releases of {package:all} (resolver messages per package: {package:counts}): ' +
        'it rejected at least 13 candidate versions of {context.still.package|one of them} and printed "This is taking longer than usual". ' +
        'Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. {enrich.durationNote}',
    },
    {
      when: 'still',
      message:
        'pip backtracked through older releases of {package:all} (resolver messages per package: {package:counts}): ' +
        'it rejected at least 8 candidate versions of {context.still.package|one of them}. ' +
        'Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. {enrich.durationNote}',
    },
  ],
  enrich: 'step-duration',
  docs: 'https://pip.pypa.io/en/stable/topics/dependency-resolution/#possible-ways-to-reduce-backtracking',
};
