// pip's resolver backtracking: it prints "pip is looking at multiple versions of X" after the
// first rejected candidate of X, "pip is still looking …" after the 8th and "This is taking longer
// than usual" after the 13th (pip 23.2.1 resolvelib/reporter.py `_messages_at_reject_count`
// {1, 8, 13}). One finding per step; the first message alone (one rejection, routine) is not
// enough: at least two of them are. A warning: the build may pass, but it is spending minutes to
// hours trying old releases.
// When the resolver gives up it is the error the build died of: `pip._vendor.resolvelib.resolvers.
// ResolutionTooDeep: 2000000` at the end of a traceback (older pip; cocktailpeanut/fluxgym#509), or
// pip's diagnostic `error: resolution-too-deep` / `× Dependency resolution exceeded maximum depth`
// (NousResearch/hermes-agent#7052, with its link to pip's "Handling ResolutionTooDeep errors" section).
//
// What helps is giving the resolver the answer: pin the release pip settled on (the
// `Successfully installed` line), or find one (`pip index versions X`, experimental in pip's help;
// `pip install --dry-run --report -`, pip ≥ 22.2; both in pip 23.2.1's help on this machine). A
// `timeout` around pip only makes the failure come sooner, so it is not offered. A constraints file
// frozen from the base image only helps when the base ships the packages (NVIDIA's NGC images): on a
// bare python image `pip freeze` is nearly empty, so that advice is limited to `imageFlavour=ngc`.
import type { RuleInput } from '../../schema.js';

// Every package pip backtracked on is named (not only the first), and the set can be pinned at once: a constraints file
// frozen from an environment where the same install worked fixes versions without adding packages (pip's user guide,
// "Constraints Files"; `pip freeze --exclude-editable` leaves out a project installed with `-e`, pip 23.2.1's help).
const findRelease =
  'Give the resolver the answer instead of letting it search: pin {package:all} to releases that fit together. For each, ' +
  '`pip index versions NAME` (experimental in pip) lists the releases, and `pip install --dry-run --quiet --report - NAME` shows ' +
  'what pip would pick without installing; pin them with `==` in the ' +
  'requirements. To pin the whole set at once, freeze an environment where this install worked (the last image that built, or a ' +
  'working virtualenv): `pip freeze --exclude-editable > constraints.txt`, committed and passed to the same install with ' +
  '`-c constraints.txt` (it fixes versions without adding packages).';

export const resolverBacktracking: RuleInput = {
  id: 'pip/resolver-backtracking',
  title: 'pip resolver backtracking',
  severity: 'warning',
  match: [
    { literals: ['pip is looking at multiple versions of'], pattern: 'pip is looking at multiple versions of (?<package>[^\\s]{1,200}) to' },
    { literals: ['pip is still looking at multiple versions of'], pattern: 'still looking at multiple versions of (?<package>[^\\s]{1,200}) to' },
    { literals: ['This is taking longer than usual'] },
    // The traceback's last frame and its exception line: two lines, so a traceback cut to its end is enough.
    { literals: ['raise ResolutionTooDeep('] },
    { literals: ['ResolutionTooDeep: '], pattern: 'ResolutionTooDeep: (?<rounds>\\d{1,12})' },
    { literals: ['error: resolution-too-deep', 'Dependency resolution exceeded maximum depth'] },
  ],
  context: [
    { name: 'looking', literals: ['pip is looking at multiple versions of'] },
    { name: 'tooDeep', literals: ['ResolutionTooDeep: ', 'error: resolution-too-deep', 'Dependency resolution exceeded maximum depth'] },
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
    // How it ended: a release was installed, or nothing fits.
    { name: 'installed', literals: ['Successfully installed '] },
    { name: 'impossible', literals: ['ResolutionImpossible', 'conflicting dependencies'] },
  ],
  scope: 'step',
  minCount: 2,
  specificity: 3,
  message:
    'pip backtracked through older releases of {package:all} (resolver messages per package: {package:counts}){enrich.rejectNote}. ' +
    'Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. {enrich.durationNote}',
  fix: findRelease,
  variants: [
    {
      when: 'tooDeep&looking',
      severity: 'error',
      title: 'pip resolver gave up (resolution too deep)',
      message:
        'pip gave up resolving the requirements: its resolver reached its limit of rounds (ResolutionTooDeep) while backtracking ' +
        'through older releases of {package:all}{enrich.rejectNote}. Versions it fetched, per package: ' +
        '{context.fetched.candidate:repeats|not shown in the log}. {enrich.durationNote}',
    },
    {
      // Lower bounds: pip's own hint after `error: resolution-too-deep` ("Try adding lower bounds to constrain your
      // dependencies", NousResearch/hermes-agent#7052).
      when: 'tooDeep',
      severity: 'error',
      title: 'pip resolver gave up (resolution too deep)',
      message:
        'pip gave up resolving the requirements: its resolver reached its limit of rounds (ResolutionTooDeep) while backtracking ' +
        'through older releases. Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. ' +
        '{enrich.durationNote}',
      fix:
        'Give the resolver the answer instead of letting it search: the packages pip fetched many versions of (above, or the ' +
        '`Collecting` / `Downloading` lines before the error) are the ones to pin. `{enrich.dryRunCmd|pip install --dry-run --quiet --report - -r requirements.txt}` (pip 22.2 or later; name the requirements this step installs) shows what pip picks ' +
        'once they are pinned; put the pins (`==`, or lower bounds such as `>=2.0`) in the requirements or in a constraints file ' +
        'passed with `-c`.',
    },
    {
      when: '!still&!looking',
      message:
        'pip backtracked through older releases: it printed "This is taking longer than usual" (after rejecting 13 candidate ' +
        'versions of one package). Versions it fetched, per package: {context.fetched.candidate:repeats|not shown in the log}. ' +
        '{enrich.durationNote}',
      fix:
        'Give the resolver the answer instead of letting it search: the package pip fetched many versions of (above, or the ' +
        '`Collecting` / `Downloading` lines before the message) is the one to pin. `{enrich.dryRunCmd|pip install --dry-run --quiet --report - -r requirements.txt}` (pip 22.2 or later; name the requirements this step installs) shows what pip picks ' +
        'once it is pinned; put the pin (`==`) in the requirements or in a constraints file passed with `-c`.',
    },
    {
      when: 'impossible',
      fix:
        'Pinning {package} does not help here: the search ended in "conflicting dependencies" (ResolutionImpossible), so no ' +
        'release of it fits the other requirements. The conflict finding for this step names the two requirements that disagree; ' +
        'the backtracking goes away with the conflict.',
    },
    {
      when: 'installed',
      fix:
        '{enrich.settledNote} Pin it so the next build does not search again: `{enrich.pinCmd}` (or put the pin in the requirements ' +
        'or constraints file the step uses).',
    },
    {
      when: 'fact.imageFlavour=ngc',
      fix: [
        findRelease,
        '',
        'This NGC image ships its Python packages: freeze them into a constraints file before installing, so pip cannot wander ' +
          'through their history (it then fails at once if {package} needs another version of one of them):',
        '',
        '```dockerfile',
        "RUN pip freeze | grep -v -E '@ |^-e |^file:|^\\.' > /opt/base-constraints.txt",
        'RUN {enrich.constrainedCmd}',
        '```',
      ].join('\n'),
    },
  ],
  enrich: ['step-duration', 'pip-advice'],
  docs: 'https://pip.pypa.io/en/stable/topics/dependency-resolution/#possible-ways-to-reduce-backtracking',
};
