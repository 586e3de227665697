// The build's client lost the BuildKit daemon in the middle of the build: the daemon crashed, was killed or was stopped,
// and the client's stream of the build's progress ended. BuildKit's client wraps that stream's error as `failed to receive
// status` (moby/buildkit client/solve.go: `return errors.Wrap(err, "failed to receive status")`), and buildx prints it as
// the build's last line. No build passes after it, even when every step shown before it finished (src/grammar/final-error.ts
// reads it as the build's error). Wordings:
// - `ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF`: the connection
//   closed under the client (microsoft/vscode-remote-release#7958, moby/buildkit#3576, docker/buildx#2380, and behind
//   build-push-action's `Error: buildx failed with: ` in docker/build-push-action#993; `error: …` from older buildx, RasaHQ/rasa#11304);
// - `… desc = closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway:
//   code: NO_ERROR, debug data: "graceful_stop"` (docker/buildx#2789): the daemon's gRPC server said goodbye before
//   closing; grpc-go's `Server.GracefulStop` drains every connection with `Drain("graceful_stop")`, so the daemon was
//   shut down in order (stopped or restarted), not crashed.
// The one release known to crash this way: Docker Engine 23.0.0 crashed on builds with inline cache (`--build-arg
// BUILDKIT_INLINE_CACHE=1`; the crash follows `preparing layers for inline cache`, vscode-remote-release#7958,
// moby/buildkit#3576); Docker 23.0.1's release notes: "Fix BuildKit-enabled builds with inline caching causing the daemon
// to crash. moby/moby#44944" (docs.docker.com/engine/release-notes/23.0/#2301). The log rarely shows the engine's
// version, so the fix says how to read it (`docker version --format '{{.Server.Version}}'`).
// Where it happened decides what can have stopped the daemon. On a GitHub-hosted runner the job has the machine to itself
// (a fresh VM per job, torn down after it): no package upgrade, other job or cleanup stops Docker or the job's builder while
// it runs, so the host's logs have nothing to find. The case reported there is the build's cache export to the GitHub
// Actions cache (`type=gha`): frecar/epguides-api#306 (PR, merged 2026-05): `graceful_stop` "at the `exporting to GitHub
// Actions Cache → sending cache export` step" under concurrent CI load, the image itself built, "Re-running off-peak goes
// green"; the fix was `ignore-error=true` on the `cache-to: type=gha` lines (Docker's "GitHub Actions cache" page,
// docs.docker.com/build/cache/backends/gha/: "Ignore errors caused by failed cache exports"; BuildKit 0.11 or later,
// moby/buildkit#3430). A self-hosted runner or one's own machine is shared: the host's logs apply there.
// Where the daemon's own log is: the docker driver's BuildKit runs inside dockerd (`journalctl -u docker`); a builder of the
// docker-container driver is the container `buildx_buildkit_<node>`, the node being `<builder>0` by default (buildx
// builder/node.go: `driver.GetDriver(ctx, "buildx_buildkit_"+n.Name, …)`).
import type { RuleInput } from '../../schema.js';

const RELEASE_NOTE = 'Docker Engine 23.0.0 crashed on builds with inline cache; 23.0.1 fixed it (its release notes: "Fix BuildKit-enabled builds with inline caching causing the daemon to crash", moby/moby#44944)';

const DAEMON_LOGS = [
  'The daemon\'s own log says why it went (a Go `panic:` and its stack, or a kill), from the time of the build:',
  '',
  '```sh',
  'journalctl -u docker --since "-1h" | grep -A30 -e "panic:" -e "fatal error:"   # the default builder (docker driver): BuildKit runs in dockerd',
  'docker logs --since 1h buildx_buildkit_<builder>0                             # a docker-container builder (`docker buildx ls` names it)',
  'journalctl -k --since "-1h" | grep -i -e "out of memory" -e "killed process"    # an OOM kill of dockerd or buildkitd',
  '```',
].join('\n');

const UPGRADE = [
  'Upgrade Docker Engine to 23.0.1 or later (Docker Desktop: install its update); on Debian / Ubuntu with Docker\'s apt',
  'repository: `sudo apt-get update && sudo apt-get install --only-upgrade docker-ce docker-ce-cli docker-buildx-plugin`,',
  'then `sudo systemctl restart docker`. Until then, build without the inline cache (no `--build-arg BUILDKIT_INLINE_CACHE=1`).',
].join('\n');

const GRACEFUL_MESSAGE =
  'The build did not finish: the BuildKit daemon closed its connection to the client in order (`graceful_stop`: ' +
  'the daemon was shut down or restarted, not crashed) while the build ran. No image was made.';

// One paragraph (the renderer wraps it), so that it can also be a list item.
const HOST_STOPPED = [
  'Find what stopped the daemon at the time of the build: a restart of Docker (a package upgrade, `systemctl restart',
  'docker`), or the builder\'s container stopped or removed (`docker buildx stop` / `docker buildx rm`, a cleanup job on a',
  'shared runner). `journalctl -u docker --since "-1h"` shows the engine\'s restarts; `docker ps -a --filter',
  'name=buildx_buildkit_` the builder\'s container. Keep other jobs from stopping a builder a build uses, then build again.',
].join(' ');

export const daemonConnectionLost: RuleInput = {
  id: 'buildkit/daemon-connection-lost',
  title: 'The build lost its BuildKit daemon (it crashed or stopped)',
  severity: 'error',
  match: [
    // `ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF`. Not `code =
    // Canceled desc = context canceled`: the client's own context ended (the build was stopped from this side: Ctrl-C, a
    // canceled job, a killed client, as in michimussato/OpenStudioLandscapes' note with buildx 0.28.0's trace of
    // client/solve.go), and the daemon did not go away.
    { literals: ['failed to receive status: rpc error'], pattern: 'failed to receive status: rpc error: code = (?<code>Unavailable|Internal|Unknown)' },
  ],
  context: [
    // The log shows the engine's (the daemon's) version as 23.0.0: `docker info`'s ` Server Version: 23.0.0`, or the
    // `  Version:` under `docker version`'s ` Engine:`, indented two spaces (the client's own ` Version:` has one). Not
    // `docker --version` (the CLI, which can differ from a remote or dind daemon), and not a bare `Version: 23.0.0` (a
    // package's metadata, `pip show`: nitransforms' PKG-INFO has one).
    { name: 'docker2300', literals: ['23.0.0'], pattern: 'Server Version:\\s{1,20}23\\.0\\.0\\b|^\\s{2,6}Version:\\s{2,20}23\\.0\\.0\\b' },
    // The crash of 23.0.0 came as the inline cache was written: the build-arg, or BuildKit's own vertex.
    { name: 'inlineCache', literals: ['BUILDKIT_INLINE_CACHE=1', 'preparing layers for inline cache'] },
    { name: 'gracefulStop', literals: ['graceful_stop'] },
    // The build exported its cache to the GitHub Actions cache (BuildKit's step `exporting to GitHub Actions Cache`, or the option).
    { name: 'ghaExport', literals: ['exporting to GitHub Actions Cache', 'type=gha'] },
  ],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'The build did not finish: its client lost the connection to the BuildKit daemon that ran it (`{code}`: the daemon ' +
    'closed the connection). The daemon crashed, was killed (out of memory) or was stopped while the build ran, so no image was made, ' +
    'whatever the steps above printed.',
  fix: [
    DAEMON_LOGS,
    '',
    'A `panic:` in dockerd or buildkitd is a bug of that release: check the engine\'s version (`docker version --format',
    '\'{{{{.Server.Version}}}}\'`) and upgrade past the release the panic is reported against (' + RELEASE_NOTE + '). An OOM kill: give',
    'the machine more memory, or run fewer builds at once. Then build again.',
  ].join('\n'),
  variants: [
    {
      when: 'docker2300',
      message:
        'The build did not finish: its client lost the connection to the BuildKit daemon (`{code}`), and the log shows Docker ' +
        'Engine 23.0.0, a release whose daemon crashed on builds with inline cache. No image was made.',
      fix: [UPGRADE, '', `(${RELEASE_NOTE}.)`].join('\n'),
    },
    {
      when: 'gracefulStop&fact.runner=self-hosted',
      message: GRACEFUL_MESSAGE,
      fix: HOST_STOPPED,
      retryable: true,
    },
    // A GitHub-hosted runner (the log shows it), or a gha cache export in the log: the job's own machine, and the reported case.
    ...(['gracefulStop&fact.runner=github-hosted', 'gracefulStop&ghaExport'] as const).map((when) => ({
      when,
      message:
        'The build did not finish: the BuildKit builder closed its connection to the client in order (`graceful_stop`) while the build ' +
        'ran, so the job failed, though the image may have been built. On a GitHub-hosted runner the job has the machine to itself: no ' +
        'other job or restart of Docker stops its builder. The case reported there is the cache export to the GitHub Actions cache ' +
        '(`type=gha`) stalling while that service is busy, and the session torn down with it.',
      fix: [
        'Run the job again (it passes once the cache service is less busy). If the log shows the build at its cache export',
        '(`exporting to GitHub Actions Cache`, `sending cache export`), keep a failed export from failing the job (BuildKit 0.11',
        'or later) and export less:',
        '',
        '```yaml',
        'cache-to: type=gha,mode=min,ignore-error=true     # or keep mode=max; ignore-error is what keeps the job green',
        '```',
      ].join('\n'),
      retryable: true,
    })),
    {
      // Where it ran is not in the log: each place's reading, and how to tell them apart.
      when: 'gracefulStop',
      message:
        'The build did not finish: the BuildKit builder closed its connection to the client in order (`graceful_stop`, not a crash) ' +
        'while the build ran: the builder was stopped or restarted, or it ended the session itself, as when a cache export to the GitHub ' +
        'Actions cache stalls. The log does not show where the build ran, which decides between them.',
      fix: [
        'What could stop the builder depends on where the build ran:',
        '',
        '- A GitHub-hosted runner (the job\'s set-up shows `Runner Image`, paths under `/home/runner/work/`): nothing else on that',
        '  machine stops Docker or the job\'s builder. Run the job again; if the build was at its cache export (`exporting to',
        '  GitHub Actions Cache`, `sending cache export`), add `ignore-error=true` to `cache-to` (`type=gha,mode=max,ignore-error=true`,',
        '  BuildKit 0.11 or later) so that a stalled cache export cannot fail the job.',
        '- A self-hosted runner or your own machine: ' + HOST_STOPPED.replace(/^Find/, 'find'),
      ].join('\n'),
      retryable: true,
    },
    // The build-arg in the log, or BuildKit's own step of the inline cache (its header is no line a context reads).
    ...['inlineCache', 'enrich.inlineCacheStep'].map((when) => ({
      when,
      message:
        'The build did not finish: its client lost the connection to the BuildKit daemon (`{code}`) while the build used ' +
        'inline cache (`BUILDKIT_INLINE_CACHE=1`, `preparing layers for inline cache`). ' + RELEASE_NOTE + '. No image was made.',
      fix: [
        'Check the engine\'s version: `docker version --format \'{{{{.Server.Version}}}}\'`.',
        '',
        'If it is 23.0.0: ' + UPGRADE.replace(/^Upgrade/, 'upgrade'),
        '',
        'Any other version: the daemon crashed or was killed for another reason. ' + DAEMON_LOGS,
      ].join('\n'),
    })),
  ],
  enrich: 'inline-cache-step',
  docs: 'https://docs.docker.com/engine/release-notes/23.0/#2301',
};
