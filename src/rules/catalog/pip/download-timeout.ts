// pip gave up on a download that stalled: urllib3's `ReadTimeoutError: HTTPSConnectionPool(host='download.pytorch.org',
// port=443): Read timed out.` after its retries (QuentinFuxa/WhisperLiveKit#171: CUDA torch wheels of several GB from
// download.pytorch.org). pip waits 15 s for a read by default (`--timeout`, also `--default-timeout`, dest `timeout`,
// default 15 in pip 23.2's cli/cmdoptions.py) and retries a connection 5 times (`--retries`, `pip install --help`);
// as options they are also read from the environment (`PIP_DEFAULT_TIMEOUT`, `PIP_RETRIES`; this machine sets
// PIP_DEFAULT_TIMEOUT). The merged fix of that thread (WhisperLiveKit#173) raised both.
// Not matched: pip's `WARNING: Retrying (Retry(total=4, …)) after connection broken by 'ReadTimeoutError("…")'`, a
// retry that may still succeed (the quote and parenthesis after the name keep it out).
import type { RuleInput } from '../../schema.js';

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
    'Retry, and give pip more time and more retries for this install, in the same `RUN` (or as `ENV PIP_DEFAULT_TIMEOUT=120` ' +
      'and `ENV PIP_RETRIES=10` before it):',
    '',
    '```sh',
    'pip install --timeout 120 --retries 10 …',
    '```',
    'with the step\'s own arguments in place of `…`. A cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`) keeps ' +
      'what did download for the next attempt.',
  ].join('\n'),
  docs: 'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-timeout',
};
