#!/usr/bin/env bash
# A real Docker engine with its embedded BuildKit, from Debian's packages only, without
# installing anything system-wide and without touching the host's network setup.
#
#   scripts/buildkit-engine.sh start [current|old|latest]   install if needed, start, import local/busybox
#   scripts/buildkit-engine.sh stop  [current|old|latest]   stop by pid, unmount, remove its run dir
#   scripts/buildkit-engine.sh status [current|old|latest]
#   scripts/buildkit-engine.sh tools-image [current|old|latest]   import local/tools (debootstrap rootfs)
#
# latest:  dockerd 28.5 + containerd 2.1 + buildx 0.29 + compose 2.40 (Debian sid), runc from bookworm:
#          the generation GitHub's hosted runners ship, with build records (`docker buildx history`).
#          docker-init: sid's docker.io ships only the link docker-init -> tini-static; the binary is
#          in sid's tini-static package, fetched with it (without it `docker run --init` fails).
# current: dockerd 26.1 + containerd 1.7 + buildx 0.13 + compose 2.26 (Debian trixie), runc from bookworm
#          (trixie's needs a newer glibc). Prints BuildKit's current plain-progress grammar.
# old:     docker.io 20.10 (Debian bookworm), whose embedded BuildKit prints the older grammar.
#
# `start` prints shell exports on stdout: eval "$(scripts/buildkit-engine.sh start)" gives
#   DOCKER_HOST=unix:///…/docker.sock  DOCKER_CONFIG=…  BUILDKIT_DOCTOR_DOCKER=…/docker
# where BUILDKIT_DOCTOR_DOCKER is a wrapper running the engine's own CLI against it (the docker
# CLI on PATH may be another version, or lack the buildx plugin BuildKit needs).
# The daemon has no bridge network (it would need iptables and the host's routing): build with
# `--network=none`. BUILDKIT_STEP_LOG_MAX_SIZE / _SPEED in the environment reach the daemon.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=engine/lib.sh source-path=SCRIPTDIR
. "$here/engine/lib.sh"

# suite:package lists of each engine's tree
CURRENT_DEBS=(trixie:docker.io trixie:docker-cli trixie:docker-buildx trixie:docker-compose trixie:containerd trixie:tini bookworm:runc)
OLD_DEBS=(bookworm:docker.io bookworm:containerd bookworm:runc bookworm:tini)
LATEST_DEBS=(sid:docker.io sid:docker-cli sid:docker-buildx sid:docker-compose sid:containerd sid:tini-static bookworm:runc)

engine_debs() {
  case $1 in
    current) printf '%s\n' "${CURRENT_DEBS[@]}" ;;
    old) printf '%s\n' "${OLD_DEBS[@]}" ;;
    latest) printf '%s\n' "${LATEST_DEBS[@]}" ;;
  esac
}

install_engine() {
  local flavor=$1 item suite
  local -a items; mapfile -t items < <(engine_debs "$flavor")
  for suite in sid trixie bookworm bookworm-arm64; do
    local -a pkgs=()
    for item in "${items[@]}" bookworm:busybox-static bookworm-arm64:busybox-static; do
      [ "${item%%:*}" = "$suite" ] && pkgs+=("${item#*:}")
    done
    [ ${#pkgs[@]} -gt 0 ] && bkd_fetch_debs "$suite" "${pkgs[@]}"
  done
  bkd_unpack "$BKD_CACHE/engine-$flavor" "${items[@]}"
  bkd_unpack "$BKD_CACHE/busybox" bookworm:busybox-static
  bkd_unpack "$BKD_CACHE/busybox-arm64" bookworm-arm64:busybox-static
}

run_dir() { printf '%s/%s\n' "$BKD_RUN" "$1"; }

engine_path() {
  local tree="$BKD_CACHE/engine-$1"
  printf '%s\n' "$tree/usr/sbin:$tree/usr/bin:$tree/usr/libexec/docker:/usr/sbin:/usr/bin:/sbin:/bin"
}

is_running() {
  local s; s=$(run_dir "$1")
  [ -f "$s/dockerd.pid" ] && kill -0 "$(cat "$s/dockerd.pid")" 2>/dev/null
}

# The engine's own CLI (20.10's speaks BuildKit itself; 26.1's needs buildx in cli-plugins, and
# compose for `docker compose build`).
write_wrapper() {
  local flavor=$1 s tree; s=$(run_dir "$flavor"); tree="$BKD_CACHE/engine-$flavor"
  mkdir -p "$s/config/cli-plugins"
  local plugin
  for plugin in docker-buildx docker-compose; do
    if [ -x "$tree/usr/libexec/docker/cli-plugins/$plugin" ]; then
      ln -sf "$tree/usr/libexec/docker/cli-plugins/$plugin" "$s/config/cli-plugins/$plugin"
    fi
  done
  cat >"$s/docker" <<EOF
#!/bin/sh
# The $flavor engine's docker CLI, pointed at its daemon.
export DOCKER_HOST='unix://$s/docker.sock' DOCKER_CONFIG='$s/config' DOCKER_BUILDKIT=1
export PATH='$(engine_path "$flavor")'
exec '$tree/usr/bin/docker' "\$@"
EOF
  chmod +x "$s/docker"
}

print_env() {
  local s; s=$(run_dir "$1")
  printf "export DOCKER_HOST='unix://%s/docker.sock'\nexport DOCKER_CONFIG='%s/config'\nexport BUILDKIT_DOCTOR_DOCKER='%s/docker'\n" "$s" "$s" "$s"
}

wait_ready() {
  local flavor=$1 s; s=$(run_dir "$flavor")
  for _ in $(seq 1 60); do
    if "$s/docker" version >/dev/null 2>&1; then return 0; fi
    is_running "$flavor" || { tail -n 5 "$s/dockerd.log" >&2; bkd_die "$flavor dockerd exited while starting (log: $s/dockerd.log)"; }
    sleep 0.5
  done
  bkd_die "$flavor dockerd not ready after 30 s (log: $s/dockerd.log)"
}

# A busybox-static rootfs (applets as links, a passwd line): the base image of the busybox cases,
# local/busybox:1.35; and the same busybox built for arm64, local/busybox-arm64:1.35, a stage of
# another platform (no emulator is registered: its programs cannot run here).
import_busybox() {
  local flavor=$1
  import_busybox_rootfs "$flavor" "$BKD_CACHE/busybox/bin/busybox" local/busybox:1.35
  import_busybox_rootfs "$flavor" "$BKD_CACHE/busybox-arm64/bin/busybox" local/busybox-arm64:1.35 --platform linux/arm64
}

import_busybox_rootfs() {
  local flavor=$1 binary=$2 image=$3 s rootfs; shift 3
  s=$(run_dir "$flavor"); rootfs="$s/busybox-rootfs"
  rm -rf "$rootfs"; mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
  cp "$binary" "$rootfs/bin/busybox"
  local applet
  # the host's busybox lists the applets: the arm64 build of the same package cannot run here
  for applet in $("$BKD_CACHE/busybox/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\n' >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | timeout 120 "$s/docker" import "$@" - "$image" >/dev/null \
    || bkd_die "docker import of the busybox rootfs ($image) failed"
  rm -rf "$rootfs"
}

start_engine() {
  local flavor=$1 s; s=$(run_dir "$flavor")
  if is_running "$flavor"; then
    bkd_say "$flavor engine already running (pid $(cat "$s/dockerd.pid"))"
    print_env "$flavor"; return 0
  fi
  [ "$(id -u)" = 0 ] || bkd_die "needs root (dockerd)"
  install_engine "$flavor"
  cleanup_run_dir "$flavor"
  mkdir -p "$s"
  # In memory when it can be: importing and removing a large image is much faster, and the
  # disk never fills with layers. BUILDKIT_DOCTOR_TMPFS=0 keeps it on disk.
  if [ "${BUILDKIT_DOCTOR_TMPFS:-1}" = 1 ]; then
    mount -t tmpfs -o "size=${BUILDKIT_DOCTOR_TMPFS_SIZE:-10g},mode=0711" "bkd-$flavor" "$s" 2>/dev/null \
      || bkd_say "no tmpfs for $s, using the disk"
  fi
  write_wrapper "$flavor"
  PATH=$(engine_path "$flavor") setsid dockerd \
    --host "unix://$s/docker.sock" --data-root "$s/data" --exec-root "$s/exec" \
    --pidfile "$s/dockerd.pid" --iptables=false --bridge=none --storage-driver=overlay2 \
    </dev/null >"$s/dockerd.log" 2>&1 &
  # the pidfile appears only once dockerd is up: keep the pid of the process we started
  echo $! >"$s/started.pid"
  for _ in $(seq 1 20); do [ -f "$s/dockerd.pid" ] && break; sleep 0.25; done
  [ -f "$s/dockerd.pid" ] || cp "$s/started.pid" "$s/dockerd.pid"
  wait_ready "$flavor"
  import_busybox "$flavor"
  bkd_say "$flavor engine ready: $("$s/docker" version --format '{{.Server.Version}}') (pid $(cat "$s/dockerd.pid"))"
  print_env "$flavor"
}

# Unmount whatever the daemon left under its run dir (deepest first), then remove it.
cleanup_run_dir() {
  local s; s=$(run_dir "$1")
  [ -d "$s" ] || return 0
  local m
  awk -v p="$s/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  # the tmpfs itself, if start made one
  if awk -v p="$s" '$2 == p {found = 1} END {exit !found}' /proc/mounts; then
    umount "$s" 2>/dev/null || umount -l "$s" 2>/dev/null || true
  fi
  rm -rf "$s" 2>/dev/null || bkd_say "could not remove all of $s"
}

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_engine() {
  local flavor=$1 s pidfile; s=$(run_dir "$flavor")
  if [ ! -d "$s" ]; then bkd_say "$flavor engine not running"; return 0; fi
  for pidfile in "$s/dockerd.pid" "$s/started.pid" "$s/exec/containerd/containerd.pid"; do
    [ -f "$pidfile" ] && stop_pid "$(cat "$pidfile")"
  done
  cleanup_run_dir "$flavor"
  bkd_say "$flavor engine stopped"
}

status_engine() {
  if is_running "$1"; then bkd_say "$1 engine running"; print_env "$1"; else bkd_say "$1 engine not running"; return 1; fi
}

cmd=${1:-}
flavor=${2:-current}
case $flavor in current | old | latest) ;; *) bkd_die "unknown engine '$flavor' (current, old or latest)" ;; esac
case $cmd in
  install) install_engine "$flavor" ;;
  start) start_engine "$flavor" ;;
  stop) stop_engine "$flavor" ;;
  status) status_engine "$flavor" ;;
  tools-image) "$here/engine/tools-image.sh" "$flavor" ;;
  *) bkd_die "usage: $0 start|stop|status|install|tools-image [current|old|latest]" ;;
esac
