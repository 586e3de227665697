# shellcheck shell=bash disable=SC2034  # the variables are read by the scripts that source this
# Shared by scripts/buildkit-engine.sh and the engine test suite: where things live, a private
# apt for Debian suites other than the host's, and fetching + unpacking .debs without installing
# anything system-wide. Sourced, never run.

# Downloaded .debs, unpacked engines and the cached tools rootfs: kept between runs on one machine.
BKD_CACHE="${BUILDKIT_DOCTOR_CACHE:-/var/cache/buildkit-doctor}"
# The tools rootfs; the number changes whenever what goes into it does.
BKD_TOOLS_TARBALL="$BKD_CACHE/tools/rootfs-2.tar"
# A running engine's socket, data root, exec root, pidfile and log: removed on stop.
BKD_RUN="${BUILDKIT_DOCTOR_RUN:-/tmp/buildkit-doctor-engine}"

bkd_say() { printf 'buildkit-engine: %s\n' "$*" >&2; }
bkd_die() { bkd_say "$*"; exit 1; }

# The Debian mirror the host's apt already uses, so nothing here names a host of its own.
bkd_debian_mirror() {
  if [ -n "${BUILDKIT_DOCTOR_MIRROR:-}" ]; then printf '%s\n' "$BUILDKIT_DOCTOR_MIRROR"; return; fi
  local uri
  uri=$(
    {
      # deb822 sources: the URIs of a stanza whose suites are not the security ones
      awk '/^URIs:/ {u=$2} /^Suites:/ {if ($0 !~ /-security/ && u != "") {print u; exit}}' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null
      # one-line sources
      awk '$1 == "deb" && $0 !~ /-security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
    } | head -n 1
  )
  [ -n "$uri" ] || return 1
  printf '%s\n' "${uri%/}"
}

# A suite is a Debian suite (`bookworm`: the host's architecture) or a suite and a foreign
# architecture (`bookworm-arm64`: that architecture's packages, for a foreign-platform image).
bkd_suite_name() { printf '%s\n' "${1%%-*}"; }
bkd_suite_arch() { case $1 in *-*) printf '%s\n' "${1#*-}" ;; esac; }

# apt-get / apt-cache with its own sources.list, lists and cache for one suite (the host's
# /var/lib/apt and /etc/apt/sources.list* are neither read nor written).
# Bounded in time: a stalled mirror must not hang the suite.
bkd_apt() {
  local suite=$1 seconds=$2 tool=$3; shift 3
  local dir="$BKD_CACHE/apt/$suite" arch; arch=$(bkd_suite_arch "$suite")
  local -a only_arch=()
  [ -n "$arch" ] && only_arch=(-o APT::Architecture="$arch" -o APT::Architectures="$arch")
  timeout "$seconds" "$tool" -q "${only_arch[@]}" \
    -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" \
    -o Dir::State::status=/dev/null -o Debug::NoLocking=1 "$@"
}

bkd_apt_update() {
  local suite=$1 dir="$BKD_CACHE/apt/$1" mirror
  mirror=$(bkd_debian_mirror) || bkd_die "no Debian mirror found in /etc/apt (set BUILDKIT_DOCTOR_MIRROR)"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
    "$mirror" "$(bkd_suite_name "$suite")" >"$dir/sources.list"
  bkd_apt "$suite" 180 apt-get update >"$dir/update.log" 2>&1 || bkd_die "apt-get update for Debian $suite failed (see $dir/update.log)"
}

# Fetch the named packages of a suite into $BKD_CACHE/debs/<suite>/ unless already there.
bkd_fetch_debs() {
  local suite=$1; shift
  local dest="$BKD_CACHE/debs/$suite" missing=() p
  mkdir -p "$dest"
  for p in "$@"; do
    compgen -G "$dest/${p}_*.deb" >/dev/null || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  bkd_apt_update "$suite"
  (cd "$dest" && bkd_apt "$suite" 300 apt-get download "${missing[@]}" >"$dest/download.log" 2>&1) || bkd_die "apt-get download of $* from Debian $suite failed (see $dest/download.log)"
}

# Unpack .debs (suite:package ...) into a tree, once: the stamp names what it holds.
bkd_unpack() {
  local tree=$1; shift
  local stamp="$tree/.unpacked" want="$*" item suite pkg deb
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  rm -rf "$tree"; mkdir -p "$tree"
  for item in "$@"; do
    suite=${item%%:*}; pkg=${item#*:}
    deb=$(compgen -G "$BKD_CACHE/debs/$suite/${pkg}_*.deb" | head -n 1)
    [ -n "$deb" ] || bkd_die "missing $pkg .deb from Debian $suite"
    dpkg -x "$deb" "$tree"
  done
  printf '%s' "$want" >"$stamp"
}

# True when a previous run left everything the suite needs, so it can run without the archive.
bkd_cached_everything() {
  [ -f "$BKD_CACHE/engine-current/.unpacked" ] && [ -f "$BKD_CACHE/engine-old/.unpacked" ] \
    && [ -f "$BKD_CACHE/engine-latest/.unpacked" ] \
    && [ -f "$BKD_CACHE/busybox/.unpacked" ] && [ -f "$BKD_CACHE/busybox-arm64/.unpacked" ] \
    && [ -f "$BKD_TOOLS_TARBALL" ]
}

# One small request through apt's own transport (and so its proxy settings), bounded in time.
bkd_mirror_reachable() {
  local tmp; tmp=$(mktemp)
  if timeout 20 /usr/lib/apt/apt-helper download-file "$1/dists/bookworm/Release" "$tmp" >/dev/null 2>&1; then
    rm -f "$tmp"; return 0
  fi
  rm -f "$tmp"; return 1
}
