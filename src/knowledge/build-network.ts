// The network of a Docker build's `RUN` steps, for rules whose installer could not resolve or reach a package host:
// the advice is the same whichever installer asked (apk, uv, …), so it lives here once.
//
// Sources:
// - Dockerfile reference, "Predefined ARGs": `HTTP_PROXY` / `HTTPS_PROXY` (and lower case) reach `RUN` as build args
//   without an `ARG` line.
// - dockerd reference, "Daemon configuration file": the daemon's DNS servers are the `dns` key of
//   /etc/docker/daemon.json (Docker Desktop: Settings → Docker Engine).
// - docker build reference, `--network`: `host` runs the `RUN` steps in the host's network (a docker-container builder
//   needs the `network.host` entitlement for it).

/**
 * How to check a host name the way the build sees it: a throwaway container of the same engine resolves it through
 * the same DNS. `image` is one that has `nslookup` (busybox, alpine).
 */
export function engineLookup(image: string, host: string): string {
  return ['check the name from the same Docker engine:', '', '```sh', `docker run --rm ${image} nslookup ${host}`, '```'].join('\n');
}

/**
 * Ways to give the build container a working network: the proxy as build args, DNS servers for the daemon, or the
 * host's network. `reader` names the installer that reads the proxy variables, when it is known to.
 */
export function buildNetworkAdvice(reader?: string): string {
  return [
    `Behind a proxy (a company network, a VPN), hand it to the build${reader ? `; ${reader} reads both variables` : ''}:`,
    '',
    '```sh',
    'docker build --build-arg HTTP_PROXY="$HTTP_PROXY" --build-arg HTTPS_PROXY="$HTTPS_PROXY" .',
    '```',
    '',
    'Docker passes both to `RUN` without an `ARG` line. When the name resolves on the host but not in containers, give',
    'the daemon DNS servers (the `dns` key of /etc/docker/daemon.json, or Settings → Docker Engine in Docker Desktop)',
    "and restart it, or run the build in the host's network: `docker build --network=host .`.",
  ].join('\n');
}

/**
 * Outside a build, the proxy is the shell's: export it before `command` runs; the same install in a Docker build
 * needs it as a build arg, or the host's network.
 */
export function shellProxyAdvice(command: string): string {
  return [
    `Behind a proxy, export it before ${command} (\`export HTTP_PROXY=… HTTPS_PROXY=…\`, the proxy your network uses).`,
    'In a Docker build, pass it as `--build-arg HTTPS_PROXY=…` or build with `--network=host`.',
  ].join('\n');
}
