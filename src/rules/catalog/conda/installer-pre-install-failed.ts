// A conda installer built by constructor (Miniforge3, Mambaforge, Miniconda) stopped before it installed anything:
// `ERROR: executing pre_install.sh failed`. constructor's shell installer runs the installer's pre-install script first and
// stops with that line when the script exits non-zero, so the prefix is never created and every later `conda` / `mamba` is
// "command not found".
//
// The common case is the Mambaforge sunset. conda-forge/miniforge's README ("Mambaforge (Deprecated as of July 2024)"):
// "As of July 2024, `Mambaforge` is deprecated … These installers will be retired from new releases after January 2025 …
// we will be introducing rolling brownouts to the latest Mambaforge installer … The installer will refuse to proceed in
// 2025+". The script is Miniforge3/mambaforge_deprecation.sh (conda-forge/miniforge 7365c71, "Enable brownouts and update
// to the correct tags", 2024-09-07): it prints `!!!!!! Mambaforge is now deprecated !!!!!`, the sunsetting notice, and
// "If you require this Mambaforge installer you may pin to https://github.com/conda-forge/miniforge/releases/tag/24.7.1-0",
// then exits 1 on the brownout days of October-December 2024 and on every day of 2025 (`2025-*)`), so the `latest`
// Mambaforge download fails for good. The README's answer: "We recommend users switch to Miniforge3 immediately";
// Miniforge3 and Mambaforge have been identical but for the installer's name and default prefix since 23.3.1 (README,
// "What's the difference between Mambaforge and Miniforge?"), so the same `-b -p PREFIX` keeps the same install. Its
// download: `https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-$(uname)-$(uname -m).sh`
// (README, "Unix-like platforms (macOS, Linux, & WSL)"). The release the message names, 24.7.1-0, has the brownout commented out in its
// mambaforge_deprecation.sh (it only warns), and each release carries its installers also under the name without the
// version, `Mambaforge-Linux-x86_64.sh` (scripts/build.sh: `cp …/${MINIFORGE_NAME}-*-${OS_NAME}-${ARCH}.${EXT}
// …/${MINIFORGE_NAME}-${OS_NAME}-${ARCH}.${EXT}`). Miniforge3 from 25.1.1-0 on ships mamba 2 (see conda/mamba2-cli-changed);
// 24.11.3-2 is the last release with mamba 1.5 (Miniforge3/construct.yaml at those tags).
import type { RuleInput } from '../../schema.js';

const MINIFORGE_URL = 'https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-$(uname)-$(uname -m).sh';
const MAMBA1_MINIFORGE = '24.11.3-2';

const SUNSET_MESSAGE =
  'The Mambaforge installer refused to install: conda-forge retired Mambaforge, and the latest Mambaforge installer\'s ' +
  'pre-install script stops on purpose (on brownout days in late 2024, on every day from 2025 on), so ' +
  '`ERROR: executing pre_install.sh failed` and nothing was installed. Every later `conda` / `mamba` of this build is ' +
  '"command not found" because of it.';

const sunsetFix = (prefix: boolean): string =>
  [
    'Download Miniforge3 in place of Mambaforge and run it with the same flags and prefix: since 23.3.1 the two install the ' +
      'same packages and differ only in the installer\'s name and default prefix' +
      (prefix ? ` (this build installs into \`{context.prefix.dir}\`):` : ':'),
    '',
    '```sh',
    `wget -O Miniforge3.sh "${MINIFORGE_URL}"`,
    `bash Miniforge3.sh -b -p ${prefix ? '{context.prefix.dir}' : '<the prefix the Mambaforge install used>'}`,
    '```',
    '',
    'Miniforge3 from 25.1.1-0 on (and 24.11.0-1) brings mamba 2, whose command line changed (`mamba init` is gone); to keep mamba 1.5, take ' +
      `release ${MAMBA1_MINIFORGE}: \`https://github.com/conda-forge/miniforge/releases/download/${MAMBA1_MINIFORGE}/Miniforge3-$(uname)-$(uname -m).sh\`.`,
    '',
    'Or pin the Mambaforge installer to the release the message names, {context.pin.tag|24.7.1-0}, which installs (it gets no ' +
      'further releases):',
    '',
    '```sh',
    'wget -O Mambaforge.sh "https://github.com/conda-forge/miniforge/releases/download/{context.pin.tag|24.7.1-0}/Mambaforge-$(uname)-$(uname -m).sh"',
    '```',
  ].join('\n');

export const installerPreInstallFailed: RuleInput = {
  id: 'conda/installer-pre-install-failed',
  title: 'conda installer stopped in its pre-install script',
  severity: 'error',
  match: [
    { literals: ['Mambaforge is now deprecated'], pattern: '^!+ ?Mambaforge is now deprecated' },
    { literals: ['ERROR: executing pre_install.sh failed'], pattern: '^ERROR: executing pre_install\\.sh failed' },
  ],
  context: [
    { name: 'failed', required: true, literals: ['ERROR: executing pre_install.sh failed'] },
    { name: 'sunset', literals: ['Mambaforge is now deprecated'] },
    // `If you require this Mambaforge installer you may pin to ` + the next line, `https://github.com/conda-forge/miniforge/releases/tag/24.7.1-0`
    {
      name: 'pin',
      keep: 'last',
      literals: ['/conda-forge/miniforge/releases/tag/'],
      pattern: '^https://github\\.com/conda-forge/miniforge/releases/tag/(?<tag>[0-9][0-9.]{2,20}-\\d{1,3})\\s*$',
    },
    // the prefix a later step sources: `./install-mamba.sh: line 14: /opt/mamba/etc/profile.d/conda.sh: No such file or directory`
    { name: 'prefix', literals: ['/etc/profile.d/conda.sh: No such file'], pattern: '(?<dir>/[^\\s:]{1,200})/etc/profile\\.d/conda\\.sh: No such file' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A conda installer stopped before installing anything: its pre-install script failed (`ERROR: executing pre_install.sh ' +
    'failed`), so its prefix was never created, and any later `conda` / `mamba` is "command not found" because of it.',
  fix: [
    'Read the lines the installer printed just above the error: its pre-install script says why it refused (a retired ' +
      'installer, an unsupported system, an existing prefix). Run the same installer by hand in the same image to see all of it:',
    '',
    '```sh',
    'bash ./installer.sh -b -p /tmp/test-prefix',
    '```',
  ].join('\n'),
  variants: [
    { when: 'sunset&prefix', title: 'Mambaforge installer retired: it refuses to install', message: SUNSET_MESSAGE, fix: sunsetFix(true) },
    { when: 'sunset', title: 'Mambaforge installer retired: it refuses to install', message: SUNSET_MESSAGE, fix: sunsetFix(false) },
  ],
  docs: 'https://conda-forge.org/news/2024/07/29/sunsetting-mambaforge/',
};
