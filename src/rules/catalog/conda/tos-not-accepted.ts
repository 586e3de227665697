// conda (with the conda-anaconda-tos plugin, shipped in Anaconda / Miniconda installers since mid-2025)
// refuses to read a channel whose Terms of Service nobody accepted, and a build cannot answer its prompt:
// `CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels.`,
// then the channels (`    - https://repo.anaconda.com/pkgs/main`, or `    • …` in older plugin
// releases). The class and its wording: anaconda/conda-anaconda-tos, conda_anaconda_tos/exceptions.py.
// The rejected sibling (`CondaToSRejectedError`: someone ran `conda tos reject`) is not matched.
// Advice, each fact from the plugin's own source (anaconda/conda-anaconda-tos):
// - `conda tos accept --override-channels --channel URL` accepts one channel (exceptions.py prints
//   exactly this); acceptance is stored per user by default (plugin.py: DEFAULT_TOS_ROOT =
//   USER_TOS_ROOT, `~/.conda/tos`), so it must run as the user that later runs conda;
// - `CONDA_PLUGINS_AUTO_ACCEPT_TOS=yes` (README, "Auto Acceptance"; the `plugins.auto_accept_tos`
//   setting of plugin.py) accepts at each command, whatever the user or the conda path;
// - Miniforge's only channel is conda-forge (conda-forge/miniforge README: "conda-forge set as the
//   default (and only) channel"), which is not one of the channels the plugin gates.
// Either way the terms are accepted on the builder's behalf: the fix says so. Without the channel lines
// (a clipped log) `conda tos accept` alone accepts every active channel (plugin.py, the `accept` help).
// Enforced since July 2025: Anaconda's notice on the plugin's page (anaconda.com/docs/getting-started/
// tos-plugin) and the Dockerfile fixes of that month (nv-morpheus/Morpheus#2260, mlrun/mlrun#8322).
import type { RuleInput } from '../../schema.js';

const ENV_LINE = 'ENV CONDA_PLUGINS_AUTO_ACCEPT_TOS=yes';
const CONDA = '{context.conda.exe|conda}';

/** One accept per listed channel, else every active channel. */
function accept(channels: boolean): string {
  return channels
    ? `for channel in {context.channel.url:words}; do ${CONDA} tos accept --override-channels --channel "$channel"; done`
    : `${CONDA} tos accept`;
}
const CONDA_FORGE =
  'Not willing to accept them: take packages from conda-forge alone (the Miniforge installer has it as its only channel) and drop these channels from the environment file and `.condarc`.';

function imageFix(channels: boolean): string {
  return [
    'Accept the terms in the image, before the first conda command of the stage (this accepts Anaconda\'s Terms of Service on your behalf). Either for every conda command that follows:',
    '',
    '```dockerfile',
    ENV_LINE,
    '```',
    '',
    'or for these channels only, in a step before this one, as the user that runs conda (the acceptance is stored in that user\'s `~/.conda/tos`):',
    '',
    '```dockerfile',
    `RUN ${accept(channels)}`,
    '```',
    '',
    CONDA_FORGE,
  ].join('\n');
}

function shellFix(channels: boolean): string {
  return [
    'Accept the terms where conda runs, before the conda command (this accepts Anaconda\'s Terms of Service on your behalf):',
    '',
    '```sh',
    accept(channels),
    '```',
    '',
    'or let conda accept them itself: `export CONDA_PLUGINS_AUTO_ACCEPT_TOS=yes` in the script or job (in a Dockerfile, `' + ENV_LINE + '` before the conda step).',
    '',
    CONDA_FORGE,
  ].join('\n');
}

export const tosNotAccepted: RuleInput = {
  id: 'conda/tos-not-accepted',
  title: 'conda channels\' Terms of Service not accepted',
  severity: 'error',
  match: [
    // `CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels. Please accept …`
    { literals: ['CondaToSNonInteractiveError'] },
  ],
  context: [
    // The channels the plugin listed: `    - https://repo.anaconda.com/pkgs/main`, `    • https://repo.anaconda.com/pkgs/r`.
    { name: 'channel', literals: ['- http', '• http'], pattern: '^\\s{0,12}[-•] (?<url>https?://[^\\s`\'"]{1,200})\\s{0,300}$', tally: true },
    // The conda the step ran, when it is named by its path (`RUN /u/home/.miniconda3/bin/conda env create …`).
    { name: 'conda', source: 'instruction', literals: ['/conda '], pattern: '(?<exe>/[\\w./-]{1,200}/conda) ' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'conda stopped before reading its channels: their Terms of Service ({context.channel.url:all|the channels conda listed}) were never accepted, ' +
    'and a build or script cannot answer conda\'s prompt. Anaconda enforces this since July 2025: a Dockerfile that built before then can fail here now.',
  fix: shellFix(false),
  variants: [
    { when: 'fact.place=image-build&channel', fix: imageFix(true) },
    { when: 'fact.place=image-build', fix: imageFix(false) },
    { when: 'channel', fix: shellFix(true) },
  ],
  docs: 'https://www.anaconda.com/docs/getting-started/tos-plugin',
};
