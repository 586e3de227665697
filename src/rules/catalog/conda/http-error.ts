// conda, mamba or micromamba could not download a channel's index or a package. The wordings:
// - conda: `CondaHTTPError: HTTP 000 CONNECTION FAILED for url <…>` (no HTTP answer at all: DNS, refused,
//   timed out; conda/exceptions.py CondaHTTPError writes status "000" and reason "CONNECTION FAILED" when
//   there was no response), `HTTP 500 INTERNAL SERVER ERROR for url <…>`, `HTTP 404 NOT FOUND …`, and
//   conda 4's `HTTP None None for url <…>`; a channel that answers 401 / 403 / 404 for its index is
//   `UnavailableInvalidChannel: HTTP 403 FORBIDDEN for channel intel <https://conda.anaconda.org/intel>`, or in
//   conda 4.6–4.x `UnavailableInvalidChannel: The channel is not accessible or is invalid.` with `  channel
//   url: …` and `  error code: 404` below (conda/gateways/repodata/__init__.py conda_http_errors).
// - libmamba (micromamba, mamba 2, and mamba 1's downloads): `Download error (28) Timeout was reached [url]`
//   followed by curl's own text (libmamba/src/download/downloader.cpp build_download_error), and for an
//   HTTP error `Transfer finalized, status: 503 [url] 19 bytes` (build_transfer_message), under
//   `critical libmamba Multiple errors occurred:` or `Multi-download failed. Reason:`.
// Not matched: libmamba's `info` lines (a verbose log prints `Transfer finalized, status: 200` for every
// download), curl errors that are not the network's (23 is a failed write, as when libmamba could not
// decompress: rapidsai/docker#648), certificate errors (60, `CondaSSLError`: a different fix).
// `retryable`: true for no answer, timeouts, DNS and 5xx (conda's own text for 5xx: "The problem may be
// spurious, and will resolve itself if you try your request again"); false for 401 / 403 / 404, which
// come back the same until the channel, the token or the network path changes.
// Advice facts:
// - retry and timeout settings, and which failures each tool retries: knowledge/conda-network-enricher.ts
//   (conda/base/context.py, libmamba configuration.cpp and curl.cpp); `~/.condarc` is read by both.
// - Docker passes HTTP_PROXY / HTTPS_PROXY / NO_PROXY (and lower-case) to RUN as predefined build args
//   (docs.docker.com, Dockerfile reference, "Predefined ARGs"); conda's requests and libmamba's curl read
//   them, and both take `proxy_servers` in `.condarc`.
// - A valid channel has `noarch/repodata.json` (conda's own 404 message: "a valid channel must contain a
//   `noarch/repodata.json`"), so asking for it tells a missing channel from a passing failure.
// - A token in a channel URL is `/t/TOKEN/` after the host (conda/common/url.py split_anaconda_token).
// - anaconda.org answered 403 for the withdrawn `intel` channel from July 2024 (mlcommons/inference#1795,
//   uxlfoundation/scikit-learn-intelex#1913, pinokiocomputer/pinokio#1001).
// - `conda clean --index-cache` (conda/cli/main_clean.py) and `micromamba clean --index-cache`
//   (micromamba/src/clean.cpp) drop cached channel indexes.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

type Place = 'image' | 'shell' | 'unknown';

/** One story told for each place: an image build, a shell (host or `docker run`), or a log that does not say. */
function forPlaces(when: string, story: { title?: string; message: string; retryable: boolean; fix: (place: Place) => string }): Variant[] {
  const make = (cond: string, place: Place): Variant => ({
    when: cond,
    ...(story.title === undefined ? {} : { title: story.title }),
    message: story.message,
    retryable: story.retryable,
    fix: story.fix(place),
  });
  return [
    make(`${when}&fact.place=image-build`, 'image'),
    make(`${when}&fact.place=host-shell`, 'shell'),
    make(`${when}&fact.place=docker-run`, 'shell'),
    make(when, 'unknown'),
  ];
}

/** The rc settings as a block for the place: a RUN before the install, or a shell line. */
function settingsBlock(place: Place, lowSpeed: boolean): string[] {
  const env = lowSpeed ? '{enrich.lowSpeedEnv}' : '';
  if (place === 'image') {
    return [
      'In the Dockerfile, before the step that installs (as the same user: the file is that user\'s `~/.condarc`):',
      '',
      '```dockerfile',
      'RUN {enrich.rcAppend}',
      ...(lowSpeed ? [`ENV ${env}`] : []),
      '```',
    ];
  }
  const lines = ['```sh', '{enrich.rcAppend}', ...(lowSpeed ? [`export ${env}`] : []), '```'];
  if (place === 'shell') return ['Where the install runs, as the user that runs it:', '', ...lines];
  return [
    `The log does not show where the install ran. In a shell, as the user that runs it (in a Dockerfile, ${lowSpeed ? 'the same lines as a `RUN` and an `ENV`' : 'the same line as a `RUN`'} before the install step):`,
    '',
    ...lines,
  ];
}

function proxyNote(place: Place): string {
  return place === 'image'
    ? 'If the builder reaches the internet through a proxy, pass it to the build: `docker build --build-arg HTTPS_PROXY=… --build-arg HTTP_PROXY=…` (Docker hands these to every `RUN`; conda and libmamba read them).'
    : 'If this machine reaches the internet through a proxy, export `HTTPS_PROXY` / `HTTP_PROXY` before the install, or set `proxy_servers` in `~/.condarc`.';
}

const passing: Variant[] = [
  ...forPlaces('dns', {
    title: 'conda channel host could not be resolved',
    message:
      '{enrich.tool} could not resolve `{enrich.host|the channel host}` and never reached `{url|the channel}`: a DNS or network failure where the install ran, not a problem of the channel or the packages.',
    retryable: true,
    fix: (place) =>
      [
        place === 'image'
          ? 'Retry the build. If it fails again, it is the builder\'s network: DNS inside the build (`docker build --network=host` uses the host\'s), a builder or `RUN --network=none` without network, or a proxy the build was not given.'
          : 'Retry. If it fails again, check that this machine resolves the host (`getent hosts {enrich.host|conda.anaconda.org}`) and its proxy.',
        '',
        proxyNote(place),
      ].join('\n'),
  }),
  ...forPlaces('lowSpeed', {
    title: 'conda download too slow',
    message:
      '{enrich.tool} cancelled the download of `{url|a package}`: it moved less than 30 bytes/s for 60 s, and libmamba gives up on such a download instead of waiting. A slow or stalled connection to `{enrich.host|the channel}`, often passing.',
    retryable: true,
    fix: (place) =>
      ['Retry. To let libmamba wait on a slow download and try more often:', '', ...settingsBlock(place, true), '', '{enrich.retryNote}'].join('\n'),
  }),
  ...forPlaces('libmamba', {
    message:
      '{enrich.tool} could not download `{url|a file of the channel}` ({enrich.status}): `{enrich.host|the server}` failed or did not answer in time. A server error or a lost connection is usually passing.',
    retryable: true,
    fix: (place) =>
      [
        'Retry. To ride out the next one, {enrich.settingsIntro}:',
        '',
        ...settingsBlock(place, false),
        '',
        '{enrich.retryNote} ' + proxyNote(place),
      ].join('\n'),
  }),
];

const refused: Variant[] = [
  {
    when: 'notFound&enrich.packageFile',
    title: 'conda package file not found',
    message:
      '`{enrich.host|The server}` answered 404 for the package file `{enrich.packageFile}`: the channel no longer has that build, but the index ' +
      '{enrich.tool} worked from still listed it (an index cached earlier, or a lock file or explicit list that pins the build).',
    retryable: false,
    fix: [
      'Solve against the channel\'s current index: drop the cached indexes before the install (`{enrich.cleanIndex}`), or regenerate the lock',
      'file. A pin on exactly this build needs a build the channel still has.',
    ].join('\n'),
  },
  ...forPlaces('notFound', {
    title: 'conda channel not found',
    message:
      '`{enrich.host|The server}` answered 404 for the channel `{enrich.channel|in the log}`: there is no such channel at that address. Its name is ' +
      'misspelt, its owner removed it, or the mirror the URL points to does not carry it. This fails the same way on every try.',
    retryable: false,
    fix: (place) =>
      [
        'Check the channel: a channel that exists serves `noarch/repodata.json`, so this prints 200 for it and 404 here:',
        '',
        '```sh',
        'curl -sI {enrich.channel|https://conda.anaconda.org/conda-forge}/noarch/repodata.json | head -n 1',
        '```',
        '',
        place === 'image'
          ? 'Then correct or remove the channel where the build names it: a `-c` option of the install, `channels:` of the environment file, or a `conda config --add channels` step earlier in the Dockerfile. Packages of a removed channel are often on conda-forge.'
          : 'Then correct or remove the channel where it is named: a `-c` option of the command, `channels:` of the environment file, or an rc file (`{enrich.sourcesCmd}` lists the rc files and the channels each sets). Packages of a removed channel are often on conda-forge.',
      ].join('\n'),
  }),
  ...forPlaces('denied', {
    title: 'conda channel refused access',
    message:
      '`{enrich.host|The server}` refused `{url|the channel}` with {enrich.status}: it will not serve it to this client. A private channel needs ' +
      'a token; a proxy or firewall on the way can refuse; anaconda.org also answers 403 for channels their owners withdrew (the `intel` ' +
      'channel since July 2024). Retrying does not change it.',
    retryable: false,
    fix: (place) =>
      [
        'See who refuses, from the same network:',
        '',
        '```sh',
        'curl -sI {enrich.channel|https://conda.anaconda.org/conda-forge}/noarch/repodata.json',
        '```',
        '',
        '- A private channel: put its token in the channel URL, after the host (`/t/` then the token, then the channel path), ' +
          (place === 'image' ? 'passed in with a build secret rather than a build arg, which stays in the image history.' : 'or log in with the tool the channel\'s host documents.'),
        '- A proxy\'s error page or headers: ' + (place === 'image' ? 'pass the proxy to the build (`--build-arg HTTPS_PROXY=…`) or ask for the host to be allowed.' : 'set `HTTPS_PROXY` or `proxy_servers` in `~/.condarc`, or ask for the host to be allowed.'),
        '- A withdrawn channel: take its packages from conda-forge and drop the channel from the command, the environment file and `.condarc`.',
      ].join('\n'),
  }),
];

/** conda's own downloader: a server error or no answer. */
const condaPassing = (place: Place): string =>
  [
    'Retry: conda\'s own text says these failures are often passing. To ride out the next one, {enrich.settingsIntro}:',
    '',
    ...settingsBlock(place, false),
    '',
    '{enrich.retryNote} ' + proxyNote(place),
  ].join('\n');

export const httpError: RuleInput = {
  id: 'conda/http-error',
  title: 'conda download failed',
  severity: 'error',
  match: [
    {
      // `CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/linux-64/current_repodata.json>`
      literals: ['CondaHTTPError: HTTP '],
      pattern: 'CondaHTTPError: HTTP (?<status>\\d{3}|None) [A-Za-z -]{1,60} for url <(?<url>[^>\\s]{1,500})>',
    },
    {
      // `UnavailableInvalidChannel: HTTP 403 FORBIDDEN for channel intel <https://conda.anaconda.org/intel>`
      literals: ['UnavailableInvalidChannel: HTTP '],
      pattern: 'UnavailableInvalidChannel: HTTP (?<status>\\d{3}) [A-Za-z -]{1,60} for channel \\S{1,200} <(?<url>[^>\\s]{1,500})>',
    },
    // conda 4.6–4.x: the channel and the code follow on their own lines (contexts channelUrl, errorCode)
    { literals: ['UnavailableInvalidChannel: The channel is not accessible or is invalid.'] },
    {
      // `    Transfer finalized, status: 503 [https://conda.anaconda.org/rapidsai-nightly/noarch/repodata.json] 19 bytes`,
      // `Multi-download failed. Reason: Transfer finalized, status: 404 […]`; not libmamba's `info` lines.
      literals: ['Transfer finalized, status: '],
      pattern: '(?:^\\s{0,40}|: )Transfer finalized, status: (?<status>[45]\\d\\d) \\[(?<url>[^\\]\\s]{1,500})\\]',
    },
    {
      // `RuntimeError: Download error (28) Timeout was reached [https://conda.anaconda.org/…/repodata.json]`: curl's
      // network failures only (resolve, connect, partial file, timeout, TLS connect, empty reply, send, receive).
      literals: ['Download error ('],
      pattern: '(?:^\\s{0,40}|: |critical +libmamba |error +libmamba )Download error \\((?<curl>5|6|7|18|28|35|52|55|56)\\) [^\\[\\n]{1,100} \\[(?<url>[^\\]\\s]{1,500})\\]',
    },
  ],
  context: [
    { name: 'libmamba', literals: ['libmamba', 'Download error (', 'Transfer finalized, status: ', 'Multi-download failed'] },
    { name: 'condaError', literals: ['CondaHTTPError', 'UnavailableInvalidChannel'] },
    // conda 4.6–4.x's UnavailableInvalidChannel block: `  channel url: https://conda.anaconda.org/opendrift`, `  error code: 404`
    { name: 'channelUrl', literals: ['channel url: '], pattern: '^\\s{0,8}channel url: (?<url>\\S{1,500})\\s{0,20}$' },
    { name: 'errorCode', literals: ['error code: '], pattern: '^\\s{0,8}error code: (?<code>\\d{3})\\s{0,20}$' },
    { name: 'notFound', literals: ['HTTP 404 ', 'status: 404 ', 'error code: 404'] },
    { name: 'denied', literals: ['HTTP 401 ', 'HTTP 403 ', 'status: 401 ', 'status: 403 ', 'error code: 401', 'error code: 403'] },
    {
      // conda's urllib3 (`Failed to resolve 'conda.anaconda.org' ([Errno -2] Name or service not known)`), curl's text
      // under libmamba's error (`Could not resolve host: conda.anaconda.org`), curl error 6 itself.
      name: 'dns',
      literals: ['Could not resolve host', "Couldn't resolve host", 'Failed to resolve', 'Name or service not known', 'Temporary failure in name resolution'],
    },
    // curl's text for libmamba's low-speed limit: `Operation too slow. Less than 30 bytes/sec transferred the last 60 seconds`
    { name: 'lowSpeed', literals: ['Operation too slow'] },
  ],
  scope: 'step',
  specificity: 3,
  retryable: true,
  message:
    'conda could not download `{url|a file of the channel}` ({enrich.status}): `{enrich.host|the server}` failed or could not be reached. ' +
    'A server error or a lost connection is usually passing.',
  variants: [
    ...refused,
    ...passing,
    { when: 'fact.place=image-build', fix: condaPassing('image') },
    { when: 'fact.place=host-shell', fix: condaPassing('shell') },
    { when: 'fact.place=docker-run', fix: condaPassing('shell') },
  ],
  fix: condaPassing('unknown'),
  enrich: 'conda-network',
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/configuration/settings.html',
};
