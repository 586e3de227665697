#!/usr/bin/env bash
# npm run test:engine: real Dockerfiles built by a real Docker engine (its embedded BuildKit),
# their real logs analysed by the bundled CLI. Needs root, overlayfs and Debian's package archive;
# where one is missing it says which in one line and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/engine/lib.sh
. scripts/engine/lib.sh

skip() { echo "engine suite skipped: $*"; exit 0; }
[ "$(uname -s)" = Linux ] || skip "not Linux"
[ "$(id -u)" = 0 ] || skip "not root (dockerd needs it)"
grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null || skip "no overlayfs in this kernel"
grep -qw overlay /proc/filesystems || skip "no overlayfs in this kernel"
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then skip "no apt/dpkg (Debian's packages are needed)"; fi
if ! bkd_cached_everything; then
  mirror=$(bkd_debian_mirror) || skip "no Debian mirror configured in /etc/apt"
  bkd_mirror_reachable "$mirror" || skip "Debian's package archive ($mirror) unreachable"
fi

# The committed bundle, as users run it (a check elsewhere keeps dist/ in step with src/).
[ -f dist/cli.cjs ] || { echo "engine suite: dist/cli.cjs missing (npm run build)"; exit 1; }
exec node test/engine/run.mjs --cli dist/cli.cjs "$@"
