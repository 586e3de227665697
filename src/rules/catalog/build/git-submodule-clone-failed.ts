// `git submodule update --init` (or `git clone --recursive`) could not clone one submodule, so the checkout of the
// sources, and the image build, CI job or script around it, stops. The wordings are git's own
// (builtin/submodule--helper.c):
// - `clone of '%s' into submodule path '%s' failed` (die() in clone_submodule: `fatal: clone of '<url>' into submodule
//   path '<path>' failed`; older releases spell it `Clone of …`, as the earlier git-submodule.sh's `die "Clone of '$url'
//   into submodule path '$path' failed"` did). It names the URL git tried.
// - `Failed to clone '%s'. Retry scheduled`, then, when the one retry fails too, `Failed to clone '%s' a second time,
//   aborting` (update_clone_task_finished); the update then stops.
// - `Failed to recurse into submodule path '%s'` (update_submodule, after the nested `git submodule update` failed; a
//   patch on the git list lower-cases it, hence `[Ff]`): the parent submodule inside which the failure happened. With --recursive, the path in
//   `Failed to clone '…'` is relative to that parent: triton-inference-server/tensorrtllm_backend#717 shows
//   `Failed to clone '3rdparty/NVTX' a second time, aborting` then `Failed to recurse into submodule path 'tensorrt_llm'`
//   (3rdparty/NVTX is a submodule of TensorRT-LLM, checked out at tensorrt_llm in the backend); it was an upstream
//   breakage of that commit, fixed on main ("Yeah it's resolved in main now").
// Causes, and how to tell them apart: the lines above the `fatal: clone of` line carry git's transport error (network:
// `Could not resolve host`, `Connection refused`; credentials: `could not read Username … terminal prompts disabled`,
// `Permission denied (publickey)`; gone: `Repository not found`). A cut log often lacks them: GIT_TRACE=1 and
// GIT_CURL_VERBOSE=1 make git print what it runs and the HTTP exchange (git(1), ENVIRONMENT VARIABLES). The recorded commit
// of a submodule is the gitlink entry of its parent (`git ls-tree HEAD <path>` prints it, mode 160000); `git ls-remote
// <url>` shows whether the URL answers. A recorded commit gone upstream reads `Fetched in submodule path '…', but it did not
// contain <sha>. Direct fetching of that commit failed.` (stripe/stripe-mock#143, bosagora/agora#1569).
// - `git://` URLs: GitHub turned the unencrypted Git protocol off for good on 2022-03-15 ("Improving Git protocol security
//   on GitHub", github.blog 2021-09-01; Read the Docs' "Deprecation of the git:// protocol on GitHub" names submodules as a
//   place such URLs hide); git's `url.<base>.insteadOf` (git-config(1)) rewrites them without editing .gitmodules.
//   zalando/spilo#384 (2019, before the shutdown: port 9418 refused) is such a submodule in a Dockerfile RUN.
// - A private submodule inside an image build: Docker's build docs ("Build secrets", SSH mounts) give `RUN
//   --mount=type=ssh` in the Dockerfile with `docker buildx build --ssh default .`, "Cloning private Git repositories is a
//   common use case for SSH mounts"; over HTTPS, a token passed as a secret (`--secret id=…`, `RUN --mount=type=secret`).
// - In GitHub Actions, actions/checkout's `submodules: recursive` checks them out with the job's `token` (default the
//   workflow's GITHUB_TOKEN, which reads only its own repository) or an `ssh-key` (its action.yml).
// Lines it must not take: git's `Submodule path '…': checked out '…'` (a clone that worked), a lone `Failed to clone '…'.
// Retry scheduled` (the retry may work), `Failed to recurse into submodule path` alone (a nested update can fail for other
// reasons, e.g. `Unable to find current origin/master revision` with --remote).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const PARENT = '{context.recurse.parent|.}';

/**
 * How to look, as commands that run as printed: the submodule as the update names it (`Failed to clone '3rdparty/NVTX'`,
 * relative to its parent) or as the clone line does; its URL from the log, or from the parent's `.gitmodules` (a
 * submodule's name there is its path unless the project chose another: the `--get-regexp` line lists both).
 */
function check(sub: string, urlKnown: boolean): string {
  const lsRemote = urlKnown
    ? 'git ls-remote {context.cloneOf.url:sh} | head -3'
    : 'git ls-remote "$(git config -f .gitmodules --get "submodule.$sub.url")" | head -3';
  return [
    "Find out why git could not fetch it (the lines just above the `clone of` line carry git's own error; a cut log lacks them):",
    '',
    '```sh',
    `cd ${PARENT}   # the repository that holds the submodule (the checkout itself unless it is nested)`,
    `sub=${sub}`,
    "git config -f .gitmodules --get-regexp '^submodule\\.'   # each submodule's path and URL",
    'git ls-tree HEAD "$sub"   # the commit recorded for it (mode 160000)',
    `${lsRemote}   # does the URL answer?`,
    'GIT_TRACE=1 GIT_CURL_VERBOSE=1 git submodule update --init --recursive   # retry, printing the network error',
    '```',
  ].join('\n');
}

const CAUSES = [
  'Then, by what it shows:',
  '- the URL or the recorded commit is gone upstream (`Repository not found`, `Direct fetching of that commit failed`): that',
  '  commit of the parent is broken; move to a newer commit or release of it whose submodules resolve (then',
  '  `git submodule sync --recursive` if `.gitmodules` changed);',
  '- a network error (`Could not resolve host`, `Connection refused`, a timeout): the build has no route to that host; retry, or',
  '  give it the proxy the host needs;',
  '- `could not read Username`, `terminal prompts disabled`, `Permission denied (publickey)`: the submodule is private and the',
  '  build has no credential for it.',
].join('\n');

const PLACE_IMAGE = [
  'In a Dockerfile `RUN`, a failure only here (the same update works on your machine) is usually a missing network route or',
  'credential in the builder. For a private submodule, give the build your SSH agent (Docker\'s build secrets docs) instead of',
  'copying a key in:',
  '',
  '```dockerfile',
  '# syntax=docker/dockerfile:1',
  'RUN --mount=type=ssh git submodule update --init --recursive',
  '```',
  '',
  'and build with `docker buildx build --ssh default .` (the `.gitmodules` URL must then be an SSH one, `git@host:org/repo.git`).',
  'Or fetch the submodules in the checkout before `docker build` and COPY them in.',
].join('\n');

const PLACE_CI = [
  'In GitHub Actions, let actions/checkout fetch them; a private submodule needs a `token` (a PAT or app token that can read it:',
  'the default GITHUB_TOKEN reads only this repository) or an `ssh-key`:',
  '',
  '```yaml',
  '- uses: actions/checkout@v7',
  '  with:',
  '    submodules: recursive',
  '    token: ${{ secrets.SUBMODULES_TOKEN }}   # only for a private submodule',
  '```',
].join('\n');

const GIT_PROTOCOL = [
  'The submodule URL `{context.cloneOf.url}` uses the unencrypted `git://` protocol, which GitHub turned off for good on 2022-03-15',
  '(and which many networks block, port 9418). Point such URLs at HTTPS, without editing `.gitmodules`, before the update (in a Dockerfile,',
  'in the same `RUN`):',
  '',
  '```sh',
  'git config --global url."https://github.com/".insteadOf git://github.com/',
  'git submodule update --init --recursive',
  '```',
  '',
  'or change the URL in `.gitmodules` (then `git submodule sync --recursive`). The URL may sit in a dependency\'s own',
  '`.gitmodules`: the rewrite covers those too.',
].join('\n');

type Place = 'image' | 'ci' | 'shell';

function fix(place: Place, sub: string, urlKnown: boolean): string {
  const parts = [check(sub, urlKnown), '', CAUSES];
  if (place === 'image') parts.push('', PLACE_IMAGE);
  if (place === 'ci') parts.push('', PLACE_CI);
  return parts.join('\n');
}

const PLACES: [Place, string][] = [
  ['ci', 'fact.runner'],
  ['image', 'fact.place=image-build'],
  ['shell', ''],
];

function variants(): Variant[] {
  const out: Variant[] = [{ when: 'gitProtocol', fix: GIT_PROTOCOL }];
  for (const [place, when] of PLACES) {
    for (const [sub, subWhen] of [['{context.failed.sub:sh}', 'failed'], ['{path:sh}', '!failed']] as const) {
      for (const urlKnown of [true, false]) {
        const conds = [when, subWhen, urlKnown ? 'cloneOf' : '!cloneOf'].filter((c) => c !== '');
        out.push({ when: conds.join('&'), fix: fix(place, sub, urlKnown) });
      }
    }
  }
  return out;
}

export const gitSubmoduleCloneFailed: RuleInput = {
  id: 'build/git-submodule-clone-failed',
  title: 'A git submodule could not be cloned',
  severity: 'error',
  match: [
    // `Failed to clone '3rdparty/NVTX' a second time, aborting`
    { literals: ['a second time, aborting'], pattern: "[Ff]ailed to clone '(?<path>[^']{1,500})' a second time, aborting" },
    // `fatal: clone of 'git://github.com/zserge/jsmn.git' into submodule path '/builddeps/pam-oauth2/jsmn' failed`
    {
      literals: ['into submodule path'],
      pattern: "[Cc]lone of '(?<url>[^']{1,1000})' into submodule path '(?<path>[^']{1,1000})' failed",
    },
  ],
  context: [
    // the submodule's name as the update lists it (relative to its parent): `Failed to clone 'jsmn'. Retry scheduled`
    {
      name: 'failed',
      literals: ['ailed to clone '],
      pattern: "[Ff]ailed to clone '(?<sub>[^']{1,500})'(?:\\. Retry scheduled| a second time, aborting)",
    },
    // `fatal: Failed to recurse into submodule path 'tensorrt_llm'`: the parent of a nested submodule
    {
      name: 'recurse',
      literals: ['to recurse into submodule path'],
      pattern: "[Ff]ailed to recurse into submodule path '(?<parent>[^']{1,500})'",
    },
    // the URL git tried, when the line that names it is in the log
    { name: 'cloneOf', literals: ['into submodule path'], pattern: "[Cc]lone of '(?<url>[^']{1,1000})' into submodule path" },
    // a `git://` URL on GitHub (other hosts may still serve the protocol: the general fix reads their error)
    { name: 'gitProtocol', literals: ["lone of 'git://github.com/"], pattern: "[Cc]lone of 'git://github\\.com/" },
  ],
  only: 'failed-step',
  scope: 'step',
  specificity: 3,
  message:
    'git could not clone the submodule `{path}` (of `{context.recurse.parent|the repository being checked out}`) from ' +
    '`{context.cloneOf.url|the URL in .gitmodules}`, so the checkout of the sources stopped. git retries a failed submodule clone once; ' +
    'the cause is the error git printed just above (network, credentials, or a URL or commit that no longer exists upstream).',
  fix: fix('shell', '{path:sh}', true),
  variants: variants(),
  retryable: false,
  docs: 'https://git-scm.com/docs/git-submodule',
};
