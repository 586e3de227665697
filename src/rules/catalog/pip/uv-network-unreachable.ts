// uv could not connect to an index or a file host. uv prints its error as a tree (`× Failed to download
// \`watchfiles==0.23.0\``, then `├─▶` or `Caused by:` lines), and when the underlying request failed to connect at all it
// inserts `Could not connect, are you offline?` (uv-client's error.rs, `WrappedReqwestError`: the hint is shown when the
// error is "likely offline"). The lines under it say why: `dns error: failed to lookup address information: …` (the host
// name did not resolve: astral-sh/uv-docker-example#37 in a Docker build; astral-sh/uv's "Offline mode is not automatic
// fallback" thread on a laptop), or a refused / timed-out connection. Not matched: uv's lock and resolver errors, which
// do not carry the hint.
//
// The advice, for a Docker build (the build container's network, not uv or the lock), is knowledge/build-network.ts's:
// uv's HTTP client (reqwest) reads `HTTP_PROXY` / `HTTPS_PROXY` from the environment (reqwest uses the system proxies
// by default: panamax-rs/panamax#37), so a proxy handed to the build reaches it.
// Not offered: `--offline` (it only works when every file is already in uv's cache) or a longer `UV_HTTP_TIMEOUT` (a
// lookup that fails is not a slow one).
import type { RuleInput } from '../../schema.js';
import { buildNetworkAdvice, engineLookup, shellProxyAdvice } from '../../../knowledge/build-network.js';

const BUILD_NETWORK = buildNetworkAdvice('uv');

export const uvNetworkUnreachable: RuleInput = {
  id: 'pip/uv-network-unreachable',
  title: 'uv could not connect to the package index (network)',
  severity: 'error',
  match: [
    // `21.47   ├─▶ Could not connect, are you offline?`, `  Caused by: Could not connect, are you offline?`
    { literals: ['Could not connect, are you offline?'] },
  ],
  context: [
    // `├─▶ dns error: failed to lookup address information: Temporary failure in name resolution`
    { name: 'dns', literals: ['dns error'], pattern: '\\bdns error\\b' },
    // The first URL uv names in the step: `https://files.pythonhosted.org/packages/…`, `https://pypi.org/simple/numpy/`
    {
      name: 'target',
      literals: ['http'],
      pattern: '(?:^|[\\s(`])(?<url>https?://(?<host>[A-Za-z0-9][\\w.-]{0,200})(?::\\d{1,5})?/[^\\s`)]{0,500})',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  retryable: true,
  message:
    'uv could not connect to `{context.target.host|the index}` (`Could not connect, are you offline?`): the request ' +
    'never reached the server. The lock and the package are not the problem.',
  fix: [
    'Retry; if it fails the same way, check that this machine reaches `{context.target.host|the index}` (DNS,',
    'firewall, proxy). Behind a proxy, export it before uv runs (`export HTTPS_PROXY=…`, the proxy your network uses);',
    'uv reads `HTTP_PROXY` and `HTTPS_PROXY`.',
  ].join('\n'),
  variants: [
    {
      when: 'dns&fact.place=image-build',
      title: 'uv could not resolve the package host inside the build (DNS)',
      message:
        'The build container could not resolve `{context.target.host|the index host}` (`dns error` under `Could not ' +
        'connect, are you offline?`), so uv could not download anything. A DNS or proxy problem of the build\'s network, ' +
        'not of uv or the lock.',
      fix: [
        'Build again first (a passing DNS outage clears). If it fails the same way, ' +
          engineLookup('busybox', '{context.target.host|files.pythonhosted.org}'),
        '',
        BUILD_NETWORK,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      message:
        'uv could not connect to `{context.target.host|the index}` from the build container (`Could not connect, are ' +
        'you offline?`): the request never reached the server. A network, firewall or proxy problem of the build, not ' +
        'of uv or the lock.',
      fix: ['Build again first (an outage passes). If it fails the same way:', '', BUILD_NETWORK].join('\n'),
    },
    {
      when: 'dns',
      title: 'uv could not resolve the package host (DNS)',
      message:
        'This machine could not resolve `{context.target.host|the index host}` (`dns error` under `Could not connect, ' +
        'are you offline?`): a DNS or network problem, not of uv or the lock.',
      fix: [
        'Retry; if it fails the same way, check the name (`nslookup {context.target.host|files.pythonhosted.org}`,',
        '/etc/resolv.conf). uv reads `HTTP_PROXY` and `HTTPS_PROXY`.',
        shellProxyAdvice('uv runs'),
      ].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/reference/cli/docker/buildx/build/#network',
};
