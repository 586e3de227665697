// The way a Dockerfile installs Debian/Ubuntu packages in the fixes. `apt-get update` in the same `RUN` as the install,
// so that a cached update layer cannot leave the lists stale, and the lists removed in that layer so that they are
// not kept in the image (docs.docker.com/build/building/best-practices/, "apt-get"); `--no-install-recommends` so
// that the fix installs what it names and not the packages those recommend (apt.conf(5), APT::Install-Recommends).

/** `apt-get update && apt-get install … && rm -rf /var/lib/apt/lists/*`, without the `RUN ` a Dockerfile line adds. */
export function aptInstallLine(packages: string): string {
  return `apt-get update && apt-get install -y --no-install-recommends ${packages} && rm -rf /var/lib/apt/lists/*`;
}
