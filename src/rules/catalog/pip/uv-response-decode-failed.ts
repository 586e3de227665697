// uv fetched an index page, a `--find-links` page or a file and could not decode the response body. uv prints the chain
// of causes (`error: Failed to read \`--find-links\` URL: …`, `Caused by: Failed to fetch: …`, `Caused by: error decoding
// response body`, `Caused by: there are extra bytes after body has been decompressed`). The last line is reqwest's
// (uv's HTTP client): reqwest 0.12.10 began to poll a body once more after its decompressor finished and to fail on bytes
// found there (seanmonstar/reqwest#2507, 2024-12-27: "the error was designed on purpose"; reverted and re-released).
// uv 0.5.12 shipped that reqwest (astral-sh/uv#10178, "Update reqwest"), and it broke fetches from servers that worked
// before: uv 0.5.11 works (astral-sh/uv#10186, #10190, #10196; charliermarsh: "a known issue in v0.5.12 due to a
// `reqwests` update"); uv 0.5.13 reverted it (changelogs/0.5.x.md, 0.5.13: `Revert "Update \`reqwest\` (#10178)" (#10187)`).
// onedr0p/containers#1160: a home-assistant image build that ran `pip install uv` (uv 0.5.12) failed reading the
// musllinux `--find-links` page; `pip install uv==0.5.11` got past it.
// The same line from another uv (later reqwest releases check again: seanmonstar/reqwest#2574, zstd bodies in 2025) is
// not this regression: the fix then says how to find out (the uv version, `--verbose`, another uv release, the server).
// How uv got into the build decides the pin: `pip install uv==…`, uv's Docker images
// (`COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/`, uv's Docker guide), or the installer script with the
// version in its URL (`https://astral.sh/uv/<version>/install.sh`, uv's installation docs).
import type { RuleInput } from '../../schema.js';

const FIX_VERSION = '0.5.13';

const pins = (version: string): string[] => [
  `- \`pip install uv\`: pin it, \`pip install "uv==${version}"\` (or \`"uv>=${FIX_VERSION}"\`).`,
  `- uv's image: \`COPY --from=ghcr.io/astral-sh/uv:${version} /uv /uvx /bin/\`.`,
  `- the installer script: \`curl -LsSf https://astral.sh/uv/${version}/install.sh | sh\`.`,
];

const REGRESSION =
  'uv {context.uv012.version} could not decode a response (`there are extra bytes after body has been decompressed`): a regression of uv 0.5.12, whose ' +
  'HTTP client (reqwest 0.12.10) rejected responses that uv 0.5.11 read (astral-sh/uv#10186, #10196); uv 0.5.13 reverted it. The index and the network are fine.';

export const uvResponseDecodeFailed: RuleInput = {
  id: 'pip/uv-response-decode-failed',
  title: 'uv could not decode a response from the index (`error decoding response body`)',
  severity: 'error',
  match: [
    // `16.11   Caused by: there are extra bytes after body has been decompressed`
    { literals: ['there are extra bytes after body has been decompressed'] },
  ],
  context: [
    // the uv of the step: `Successfully installed uv-0.5.12`, `ghcr.io/astral-sh/uv:0.5.12`, `uv 0.5.12 (351d602d8 2024-12-26)`
    {
      name: 'uv012',
      literals: ['uv-0.5.12', 'uv:0.5.12', 'uv 0.5.12', 'uv==0.5.12', 'uv/0.5.12/'],
      pattern: '(?:\\buv-|astral-sh/uv:|\\buv |\\buv==|astral\\.sh/uv/)(?<version>0\\.5\\.12)\\b',
    },
    { name: 'pipUv', literals: ['Successfully installed uv-', 'pip install uv', 'pip3 install uv'] },
    // `error: Failed to read `--find-links` URL: https://wheels.home-assistant.io/musllinux/`, `Failed to fetch: `https://…``
    { name: 'url', literals: ['Failed to '], pattern: 'Failed to (?:read `--find-links` URL:|fetch:) `?(?<url>https?://[^\\s`]{1,500})' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'uv fetched {context.url.url|a page or file from the index} but could not decode the response body (`error decoding response body`, ' +
    '`there are extra bytes after body has been decompressed`, from uv\'s HTTP client). uv 0.5.12 did this with servers that work with other uv releases.',
  fix: [
    'See which uv runs the step, and what it fetched:',
    '',
    '```sh',
    'uv --version',
    '```',
    '',
    '- uv 0.5.12: a known regression, fixed in 0.5.13 (astral-sh/uv#10187); install another uv release as below.',
    '- another uv: run the same command with `--verbose` to see the request and the response headers, and try it with another uv ' +
      'release; open the URL with `curl -sS --compressed -o /dev/null -w "%{{http_code}}\\n" URL` to see whether the server answers well; a proxy ' +
      'between the build and the index can mangle compressed responses.',
    '',
    `To install another uv release (${FIX_VERSION} or later, or 0.5.11):`,
    '',
    ...pins(FIX_VERSION),
  ].join('\n'),
  variants: [
    {
      when: 'uv012&pipUv',
      message: REGRESSION,
      fix: [
        'This step installs uv with pip and got 0.5.12. Pin a uv outside the regression in that install:',
        '',
        '```sh',
        `pip install "uv>=${FIX_VERSION}"`,
        '```',
        '',
        `(\`pip install uv==0.5.11\` also works, onedr0p/containers#1160.) Then \`uv --version\` in the next command shows ${FIX_VERSION} or later.`,
      ].join('\n'),
    },
    {
      when: 'uv012',
      message: REGRESSION,
      fix: [`Install a uv outside the regression (${FIX_VERSION} or later, or 0.5.11), in the way this build installs uv:`, '', ...pins(FIX_VERSION), '', 'Then `uv --version` shows it.'].join('\n'),
    },
  ],
  docs: 'https://github.com/astral-sh/uv/issues/10196',
};
