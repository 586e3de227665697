// A registry, or a proxy in front of it, refused an upload with 413 Request Entity Too Large: a layer (one upload
// request) is larger than the body size it accepts. Wordings:
// - BuildKit's push (docker/build-push-action#634, Harbor behind nginx-proxy): `#21 ERROR: failed to copy: unexpected
//   status: 413 Request Entity Too Large` after `#21 pushing layers`;
// - `docker push` given an HTML error page (cloudflare/serverless-registry#67): `error parsing HTTP 413 response body:
//   invalid character '<' looking for beginning of value: "<html>…<title>413 Request Entity Too Large</title>…<center>cloudflare</center>…"`;
// - `docker push` printing the page itself (go-gitea/gitea#33646, nginx in front of Gitea): `unknown: <html>` then
//   `<head><title>413 Request Entity Too Large</title></head>` … `<hr><center>nginx/1.22.1</center>`;
// - the same BuildKit line with no step around it, as docker/build-push-action prints it (eclipse-archived/kuksa.val#623,
//   ttl.sh; its maintainers' fix, kuksa.val.services#107: layers over ~300 MB failed, smaller layers pushed):
//   `error: failed to solve: failed to copy: unexpected status: 413 Request Entity Too Large`;
// - containerd's newer wording, as nerdctl prints it (rancher-sandbox/rancher-desktop#3599, nginx in front of the
//   registry): `FATA[0000] failed to copy: unexpected status from PUT request to https://…/v2/…/blobs/uploads/…: 413 …`.
//   containerd's pusher writes `unexpected status from %s request to %s: %s` (remotes/errors/errors.go,
//   ErrUnexpectedStatus; older releases `unexpected status: %s`), and `failed to copy` is its content.Copy into the
//   registry's upload writer: that line is a push by itself.
// The page's footer names the server that refused (`nginx/1.22.1`, `cloudflare`). Where the advice comes from:
// - nginx: `client_max_body_size` defaults to 1m, a larger body gets 413, and 0 disables the check (nginx.org
//   ngx_http_core_module); the distribution registry's nginx recipe sets `client_max_body_size 0; # disable any limits
//   to avoid HTTP 413 for large image uploads` (distribution/distribution docs, recipes/nginx).
// - Cloudflare: a request body over the plan's limit is rejected with 413; Free and Pro 100 MB, Business 200 MB,
//   Enterprise 500 MB by default (developers.cloudflare.com/workers/platform/limits/, "Request limits").
//   cloudflare/serverless-registry's README (Known limitations): docker push is limited by that request size, and larger
//   layers need a client that uploads in chunks under the limit.
// Must not match: the same page from a `curl` upload in a RUN (no push around it): the rule needs a push context.
import type { RuleInput } from '../../schema.js';

const FIND_LIMIT = [
  'Find the server that refused and raise its limit for the registry\'s upload path (`/v2/`); the error page\'s footer',
  'names it when the log shows the page. Nothing in the Dockerfile is wrong, but a layer this large can be made smaller:',
  'split the step that writes it into several `RUN`s, or delete caches and downloads in the same `RUN` that makes them.',
  '',
  'A registry behind nginx (a self-hosted Harbor, Gitea, Nexus or `registry` image behind a reverse proxy) needs',
  '`client_max_body_size 0;` on the proxy (nginx\'s default is 1 MB). A registry behind Cloudflare is held to the plan\'s',
  'request size, 100 MB on Free and Pro. On a registry you do not run, make the layer smaller or push to another registry.',
].join('\n');

const NGINX_FIX = [
  'In the nginx configuration that proxies the registry (the `server` or `location /v2/` block), lift the body limit and',
  'reload nginx:',
  '',
  '```nginx',
  'client_max_body_size 0;   # no limit: layers can be gigabytes',
  '```',
  '',
  '`sudo nginx -t && sudo nginx -s reload` (or restart the nginx container). If several proxies are chained (nginx in front',
  'of Harbor\'s own nginx), each needs it. Then push again.',
].join('\n');

const CLOUDFLARE_FIX = [
  'Cloudflare limits the body of one request by plan: 100 MB on Free and Pro, 200 MB on Business, 500 MB by default on',
  'Enterprise. `docker push` sends each layer in one upload, so any layer over the limit is refused. Either push to the',
  'registry by a host name Cloudflare does not proxy (DNS only), or push with a client that uploads layers in chunks',
  'below the limit (cloudflare/serverless-registry\'s README names such a tool). Layers of your own can also be made',
  'smaller (split the `RUN` that writes them); a base image\'s layers cannot.',
].join('\n');

export const pushTooLarge: RuleInput = {
  id: 'buildkit/push-too-large',
  title: 'Registry refused a layer upload as too large (413)',
  severity: 'error',
  match: [
    // BuildKit / containerd: `failed to copy: unexpected status: 413 Request Entity Too Large`
    { literals: ['413 Request Entity Too Large'], pattern: 'unexpected status(?: from \\w{3,6} request to \\S{1,500})?: 413 Request Entity Too Large' },
    // docker push: `error parsing HTTP 413 response body: …`
    { literals: ['error parsing HTTP 413 response body'] },
    // docker push printing the HTML page: `<head><title>413 Request Entity Too Large</title></head>`
    { literals: ['<title>413 Request Entity Too Large</title>'] },
  ],
  context: [
    {
      name: 'push',
      literals: [
        'pushing layers', 'failed to push', 'The push refers to repository', ': Pushing [', 'error parsing HTTP 413 response body', 'unknown: <html>',
        // containerd's copy into the registry's upload (see above)
        'failed to copy: unexpected status',
      ],
    },
    { name: 'cloudflare', literals: ['<center>cloudflare</center>'] },
    { name: 'nginx', literals: ['<center>nginx'], pattern: '<center>(?<server>nginx(?:/[\\d.]{1,20})?)' },
  ],
  when: 'push',
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  message:
    'The image was built, but its push was refused with 413 Request Entity Too Large: one layer is bigger than the request ' +
    'body the registry, or a proxy in front of it, accepts. The limit belongs to that server, not to Docker.',
  fix: FIND_LIMIT,
  variants: [
    {
      when: 'cloudflare',
      message:
        'The push was refused with 413 Request Entity Too Large by Cloudflare, which sits in front of this registry: a layer is ' +
        'bigger than the request body Cloudflare lets through on this plan.',
      fix: CLOUDFLARE_FIX,
    },
    {
      when: 'nginx',
      message:
        'The push was refused with 413 Request Entity Too Large by {context.nginx.server}, a proxy in front of the registry: a layer ' +
        'is bigger than its `client_max_body_size` (nginx\'s default is 1 MB).',
      fix: NGINX_FIX,
    },
    {
      when: 'fact.runner',
      fix: [FIND_LIMIT, '', 'The registry\'s administrator sets either limit: the workflow cannot.'].join('\n'),
    },
  ],
  docs: 'https://distribution.github.io/distribution/recipes/nginx/',
};
