// pip gave up on a download that stalled: urllib3's `ReadTimeoutError: HTTPSConnectionPool(host='download.pytorch.org',
// port=443): Read timed out.` after its retries (QuentinFuxa/WhisperLiveKit#171: CUDA torch wheels of several GB from
// download.pytorch.org). pip waits 15 s for a read by default (`--timeout`, also `--default-timeout`, dest `timeout`,
// default 15 in pip 23.2's cli/cmdoptions.py) and retries a connection 5 times (`--retries`, `pip install --help`);
// as options they are also read from the environment (`PIP_DEFAULT_TIMEOUT`, `PIP_RETRIES`; this machine sets
// PIP_DEFAULT_TIMEOUT). The merged fix of that thread (WhisperLiveKit#173) raised both.
// Not matched: pip's `WARNING: Retrying (Retry(total=4, …)) after connection broken by 'ReadTimeoutError("…")'`, a
// retry that may still succeed (the quote and parenthesis after the name keep it out).
// Where it ran: `RUN` / `ENV` advice alone only when the log shows an image build; otherwise (a host shell, a container,
// a log that does not say) the shell's `export` and the Dockerfile's way, each named by its place.
import type { RuleInput } from '../../schema.js';

const RETRY_CMD = ['```sh', 'pip install --timeout 120 --retries 10 …', '```'].join('\n');

/** root's pip cache (/root/.cache/pip) kept across builds by a BuildKit cache mount: only a Dockerfile has one. */
const CACHE_MOUNT = 'cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`) keeps what did download for the next attempt.';

export const downloadTimeout: RuleInput = {
  id: 'pip/download-timeout',
  title: 'pip download timed out',
  severity: 'error',
  match: [
    {
      // HTTPConnectionPool for an index or mirror served over plain http
      literals: ['ReadTimeoutError: HTTP'],
      pattern: "ReadTimeoutError: HTTPS?ConnectionPool\\(host='(?<host>[^']{1,200})', port=\\d{1,5}\\): Read timed out",
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  retryable: true,
  message:
    'pip stopped downloading from {host}: a read waited longer than its timeout (15 s unless set) on every retry. Large ' +
    'wheels (CUDA builds of torch are gigabytes) and busy mirrors stall like this; the package itself is fine.',
  fix: [
    'Retry, and give pip more time and more retries for this install:',
    '',
    RETRY_CMD,
    '',
    'with the failing command\'s own arguments in place of `…`. In a shell (or a container), `export PIP_DEFAULT_TIMEOUT=120 PIP_RETRIES=10` ' +
      'sets both for every pip run there. In a Dockerfile, the options go in the same `RUN` (or `ENV PIP_DEFAULT_TIMEOUT=120` and ' +
      '`ENV PIP_RETRIES=10` before it), and a ' + CACHE_MOUNT,
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build',
      fix: [
        'Retry, and give pip more time and more retries for this install, in the same `RUN` (or as `ENV PIP_DEFAULT_TIMEOUT=120` ' +
          'and `ENV PIP_RETRIES=10` before it):',
        '',
        RETRY_CMD,
        'with the step\'s own arguments in place of `…`. A ' + CACHE_MOUNT,
      ].join('\n'),
    },
  ],
  docs: 'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-timeout',
};
