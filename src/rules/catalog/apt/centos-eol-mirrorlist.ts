// yum on CentOS Linux asks mirrorlist.centos.org for its mirrors; the CentOS project took that host (and
// mirror.centos.org) offline when CentOS Linux 7 reached its end of life on 2024-06-30, and the packages of every
// ended release live on at vault.centos.org (blog.centos.org, "End dates are coming for CentOS Stream 8 and CentOS
// Linux 7", quoted in epics-base/epics-base#524; https://vault.centos.org/7.9.2009/ in ansible/ansible#83525). The log:
// `Could not retrieve mirrorlist http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=os&infra=container error was`
// then `14: curl#6 - "Could not resolve host: mirrorlist.centos.org; Unknown error"` (pytorch/builder#1905,
// dod-advana/gamechanger-crawlers#236, epics-base/epics-base#524). It is not transient: the host is gone for good, so
// the rule fires also in a log cut before the step's error (yum's "fix this" help text is all that follows).
//
// The stopgap, pointing the repo files at the vault: uncomment `baseurl`, comment out `mirrorlist`, and replace
// mirror.centos.org by vault.centos.org (the serverfault answer "mirrorlist-centos-org-no-longer-resolve" that
// pytorch/builder#1904 applied; the same three edits in pypa/cibuildwheel#1915 and AtlasGondal/centos7-eol-repo-fix#1).
// Packages that install repo files of their own (centos-release-scl) bring the old URLs back: run the edit again after
// installing them (gravitational/teleport#43785).
import type { RuleInput } from '../../schema.js';

const VAULT_SED =
  "sed -i -e 's/mirror.centos.org/vault.centos.org/g' -e 's/^#.*baseurl=http/baseurl=http/g' -e 's/^mirrorlist=http/#mirrorlist=http/g' /etc/yum.repos.d/*.repo";

const SCL_NOTE =
  'A package that installs repo files of its own (`centos-release-scl`) brings the old URLs back: run the same edit again after installing it.';

const MOVE_ON =
  'The lasting fix is a supported base: a maintained Enterprise Linux rebuild (Rocky Linux, AlmaLinux) or CentOS Stream, where ' +
  'package names may differ.';

/** The vault edit as a Dockerfile step, and the SCL repositories' note. */
const VAULT_STOPGAP = ['', '```dockerfile', `RUN ${VAULT_SED}`, '```', SCL_NOTE];

export const centosEolMirrorlist: RuleInput = {
  id: 'apt/centos-eol-mirrorlist',
  title: 'CentOS Linux past its end of life: mirrorlist.centos.org is gone',
  severity: 'error',
  match: [
    {
      // `Could not retrieve mirrorlist http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=os&infra=container error was`
      literals: ['Could not retrieve mirrorlist'],
      pattern: 'Could not retrieve mirrorlist https?://mirrorlist\\.centos\\.org/\\S{0,300}',
    },
    // `14: curl#6 - "Could not resolve host: mirrorlist.centos.org; Unknown error"`
    { literals: ['Could not resolve host: mirrorlist.centos.org'] },
  ],
  context: [
    // The release yum asked for: `?release=7&arch=…`.
    { name: 'release', literals: ['mirrorlist.centos.org/?release='], pattern: 'mirrorlist\\.centos\\.org/\\?release=(?<release>\\d{1,2})\\b' },
    { name: 'centos7', literals: ['mirrorlist.centos.org/?release=7'], pattern: 'mirrorlist\\.centos\\.org/\\?release=7\\b' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'yum could not reach mirrorlist.centos.org, the host that lists CentOS Linux mirrors: the CentOS project took it offline ' +
    'when CentOS Linux reached its end of life (CentOS 7 on 2024-06-30), and the packages of ended releases are now only on ' +
    'vault.centos.org. This is not a network glitch: every build on this base fails the same way.',
  fix: [
    `${MOVE_ON} As a stopgap that keeps the old release (it gets no updates), point yum's repo files at the vault, as root,`,
    'before the first `yum` command (in a Dockerfile, as a `RUN` before it):',
    '',
    '```sh',
    VAULT_SED,
    '```',
    SCL_NOTE,
  ].join('\n'),
  variants: [
    {
      when: 'centos7&fact.place=image-build',
      message:
        'yum could not reach mirrorlist.centos.org for CentOS 7 (`release=7`): CentOS Linux 7 reached its end of life on ' +
        '2024-06-30, the CentOS project took its mirror list and mirror.centos.org offline, and its packages are now only on ' +
        'vault.centos.org. This is not a network glitch: every build on this base fails the same way.',
      fix: [
        `Move the base image off CentOS 7. ${MOVE_ON} As a stopgap that keeps CentOS 7 (it gets no updates), point yum at`,
        'the vault in a `RUN` before the first `yum` command:',
        ...VAULT_STOPGAP,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        `Move the base image to a supported release. ${MOVE_ON} As a stopgap that keeps the old release (no updates), point yum`,
        'at the vault in a `RUN` before the first `yum` command:',
        ...VAULT_STOPGAP,
      ].join('\n'),
    },
  ],
  docs: 'https://www.centos.org/centos-linux-eol/',
};
