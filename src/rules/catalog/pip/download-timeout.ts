// pip gave up on a download that stalled: urllib3's `ReadTimeoutError: HTTPSConnectionPool(host='download.pytorch.org',
// port=443): Read timed out.` after its retries (QuentinFuxa/WhisperLiveKit#171: CUDA torch wheels of several GB from
// download.pytorch.org). pip waits 15 s for a read by default (`--timeout`, also `--default-timeout`, dest `timeout`,
// default 15 in pip 23.2's cli/cmdoptions.py) and retries a connection 5 times (`--retries`, `pip install --help`);
// as options they are also read from the environment (`PIP_DEFAULT_TIMEOUT`, `PIP_RETRIES`; this machine sets
// PIP_DEFAULT_TIMEOUT). The merged fix of that thread (WhisperLiveKit#173) raised both.
// Not matched: pip's `WARNING: Retrying (Retry(total=4, …)) after connection broken by 'ReadTimeoutError("…")'`, a
// retry that may still succeed (the quote and parenthesis after the name keep it out).
// A connect timeout is another story: `ConnectTimeoutError(<…HTTPSConnection object at 0x…>, 'Connection to
// files.pythonhosted.org timed out. (connect timeout=15)')` (InternLM/lmdeploy#1297, whose maintainer called it a network
// problem) means the host never answered, on pip's retry warnings and in the final `Max retries exceeded … (Caused by
// ConnectTimeoutError(…))` alike. In a failed step (or a paste that shows nothing else) it is matched on either: more time
// rarely helps, a route to the index does. `--proxy scheme://[user:passwd@]proxy.server:port` and `--index-url` are pip
// options (`pip install --help`, pip 23.2); `HTTPS_PROXY` is read by pip's requests.
// Where it ran: `RUN` / `ENV` advice alone only when the log shows an image build; otherwise (a host shell, a container,
// a log that does not say) the shell's `export` and the Dockerfile's way, each named by its place.
import type { RuleInput } from '../../schema.js';

const RETRY_CMD = ['```sh', 'pip install --timeout 120 --retries 10 …', '```'].join('\n');

/** root's pip cache (/root/.cache/pip) kept across builds by a BuildKit cache mount: only a Dockerfile has one. */
const CACHE_MOUNT = 'cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`) keeps what did download for the next attempt.';

/** urllib3's connect timeout, as pip prints it in a retry warning and in the final error. */
const CONNECT_TIMEOUT =
  "ConnectTimeoutError\\(<[^>]{1,200}>, 'Connection to (?<host>[^\\s']{1,200}) timed out\\. \\(connect timeout=(?<seconds>\\d{1,5}(?:\\.\\d{1,3})?)\\)'";

const CONNECT_MESSAGE =
  'pip could not open a connection to {host}: it did not answer within {seconds} s, and pip retried. The index is ' +
  'unreachable from where pip runs (no route, a firewall, a proxy pip does not use); the package itself is fine.';

/** How to tell a blocked host from a slow one, and what to do about each. */
function connectFix(whereToRun: string, setting: string): string {
  return [
    `Check the route ${whereToRun}: \`curl -sSI -m 30 https://{host}/\` (or \`pip download --no-deps -d /tmp/probe\` with the same requirement). ` +
      'A timeout again means this network cannot reach the host:',
    '',
    "- behind a proxy, give pip the proxy: `--proxy` with the proxy's `scheme://host:port`, or `HTTPS_PROXY`;",
    "- otherwise use an index mirror you can reach: `--index-url` (or `PIP_INDEX_URL`) set to the mirror's `/simple` URL.",
    '',
    `If it does answer, the failure came and went: retry, and ${setting}`,
  ].join('\n');
}

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
    { literals: ['ConnectTimeoutError('], pattern: CONNECT_TIMEOUT },
  ],
  context: [{ name: 'connect', literals: ['ConnectTimeoutError('], pattern: CONNECT_TIMEOUT }],
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
      when: 'connect&fact.place=image-build',
      title: 'pip could not connect to the index',
      message: CONNECT_MESSAGE,
      fix: connectFix(
        'from the build (a `RUN` in the same stage sees the same network; `docker build --network=host` uses the host\'s)',
        'give pip more retries in the same `RUN` (`--retries 10`). In a Dockerfile, pass a proxy with `--build-arg HTTPS_PROXY=…`.',
      ),
    },
    {
      when: 'connect',
      title: 'pip could not connect to the index',
      message: CONNECT_MESSAGE,
      fix: connectFix('from the same shell or container', 'give pip more retries (`--retries 10`, or `export PIP_RETRIES=10`).'),
    },
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
