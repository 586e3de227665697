#!/usr/bin/env bash
# Imports local/tools:bookworm into a running engine: a Debian bookworm minbase rootfs with the real
# tools the reproducers need (cmake, make, g++, python3 with pip and venv, apt). The rootfs is
# made by debootstrap (unpacked from its .deb, not installed) and cached as a tarball; a cached
# tarball is used as is, a missing one is remade (about 3 minutes).
#
#   scripts/engine/tools-image.sh [current|old|latest]
#   scripts/engine/tools-image.sh rootfs     only make the cached tarball (before engines run in parallel)
#
# /opt/venv is a Python virtual environment made once here (as the Python images of ML projects
# ship one): `python3 -m venv` takes over 10 s inside a build.
# apt inside the image reads one local, empty, trusted repository (/var/local/repo), so that
# `apt-get update && apt-get install …` runs with no network, as builds here do (--network=none).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$here/lib.sh"

flavor=${1:-current}
docker="$BKD_RUN/$flavor/docker"
[ "$flavor" = rootfs ] || [ -x "$docker" ] || bkd_die "the $flavor engine is not running (scripts/buildkit-engine.sh start $flavor)"
tarball="$BKD_TOOLS_TARBALL"
PACKAGES=cmake,make,g++,python3,python3-pip,python3-venv

make_rootfs() {
  local mirror work rootfs
  mirror=$(bkd_debian_mirror) || bkd_die "no Debian mirror found in /etc/apt (set BUILDKIT_DOCTOR_MIRROR)"
  bkd_fetch_debs bookworm debootstrap
  bkd_unpack "$BKD_CACHE/debootstrap" bookworm:debootstrap
  mkdir -p "$BKD_CACHE/tools"
  work=$(mktemp -d "$BKD_CACHE/tools/work.XXXXXX")
  rootfs="$work/rootfs"
  bkd_say "making the tools rootfs with debootstrap (about 3 minutes, cached afterwards)"
  if ! DEBOOTSTRAP_DIR="$BKD_CACHE/debootstrap/usr/share/debootstrap" timeout 900 \
    "$BKD_CACHE/debootstrap/usr/sbin/debootstrap" --variant=minbase --include="$PACKAGES" \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg bookworm "$rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1; then
    cp "$work/debootstrap.log" "$BKD_CACHE/tools/debootstrap-failed.log"
    umount_under "$rootfs"; rm -rf "$work"
    bkd_die "debootstrap failed (see $BKD_CACHE/tools/debootstrap-failed.log)"
  fi
  umount_under "$rootfs"
  if ! timeout 120 chroot "$rootfs" /usr/bin/python3 -m venv /opt/venv >"$work/venv.log" 2>&1; then
    cp "$work/venv.log" "$BKD_CACHE/tools/venv-failed.log"; rm -rf "$work"
    bkd_die "python3 -m venv in the tools rootfs failed (see $BKD_CACHE/tools/venv-failed.log)"
  fi
  # what no tool here reads: documentation, manual pages, translations
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/cache/apt/*.bin
  # apt: one local empty repository instead of the mirror, no downloaded lists or packages
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  mkdir -p "$rootfs/var/local/repo"
  : >"$rootfs/var/local/repo/Packages"
  printf 'deb [trusted=yes] file:/var/local/repo ./\n' >"$rootfs/etc/apt/sources.list"
  rm -f "$rootfs"/etc/apt/sources.list.d/*
  tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
  rm -f "$BKD_CACHE"/tools/rootfs*.tar
  mv "$work/rootfs.tar" "$tarball"
  rm -rf "$work"
}

umount_under() {
  awk -v p="$1/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}

[ -f "$tarball" ] || make_rootfs
[ "$flavor" = rootfs ] && exit 0
timeout 300 "$docker" import - local/tools:bookworm <"$tarball" >/dev/null || bkd_die "docker import of the tools rootfs failed"
bkd_say "local/tools:bookworm imported into the $flavor engine"
