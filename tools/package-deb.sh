#!/usr/bin/env bash
# Builds the Debian package chuangwen_<version>_<arch>.deb (amd64 on a PC) with dpkg-deb.
#
#   tools/package-deb.sh [--out DIR] [--binary FILE] [--scratch-path DIR] [--compression TYPE]
#
# --out      where the .deb is written (default: the current directory); prints its path.
# --binary   package this already built chuangwen (built with --static-swift-stdlib)
#            instead of building one with tools/install.sh.
# --scratch-path  SwiftPM's build directory for the release build (default .build).
# --compression   dpkg-deb's: xz (default, smallest), gzip (7x faster to build), none.
#
# The package installs to /usr (binary, share/chuangwen with the bundled campaign and themes,
# man page, bash/zsh/fish completions, docs): the same layout as `tools/install.sh --prefix
# /usr`. The Swift runtime is linked statically, so the target machine needs no Swift
# toolchain; Depends is computed by dpkg-shlibdeps from the binary's shared libraries (glibc,
# ncursesw, tinfo). Needs dpkg-deb and dpkg-shlibdeps (Debian's dpkg-dev).
# Set SOURCE_DATE_EPOCH for a reproducible man page date.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$PWD
binary=""
compression=xz
scratch_args=()

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }
fail() {
  echo "package-deb.sh: $2" >&2
  exit "$1"
}

while [ $# -gt 0 ]; do
  case "$1" in
  --out) [ $# -ge 2 ] || fail 64 "--out needs a directory"; out=$2; shift 2 ;;
  --binary) [ $# -ge 2 ] || fail 64 "--binary needs a file"; binary=$2; shift 2 ;;
  --scratch-path) [ $# -ge 2 ] || fail 64 "--scratch-path needs a directory"; scratch_args=(--scratch-path "$2"); shift 2 ;;
  --compression) [ $# -ge 2 ] || fail 64 "--compression needs xz, gzip or none"; compression=$2; shift 2 ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; fail 64 "unknown option '$1'" ;;
  esac
done
for tool in dpkg-deb dpkg-shlibdeps dpkg; do
  command -v "$tool" >/dev/null 2>&1 || fail 69 "needs $tool (apt-get install dpkg-dev)"
done
if [ -z "$binary" ]; then binary=$("$repo/tools/install.sh" --build-only "${scratch_args[@]}"); fi
[ -x "$binary" ] || fail 66 "no executable at $binary"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The version is the one the binary reports (Sources/chuangwen/Version.swift), without the
# git description: `chuangwen 0.9.0 (git 2c7db4d)` gives 0.9.0.
version=$("$binary" --version | awk '{ print $2 }')
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || fail 65 "not a Debian version: '$version'"
arch=$(dpkg --print-architecture)

stage=$(mktemp -d "${TMPDIR:-/tmp}/chuangwen-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
"$repo/tools/install.sh" --prefix /usr --destdir "$root" --binary "$binary" >&2
gzip -9n "$root/usr/share/man/man1/chuangwen.1"

# dpkg-shlibdeps wants a debian/control naming the package.
mkdir -p "$stage/debian"
printf 'Source: chuangwen\n\nPackage: chuangwen\nArchitecture: any\n' >"$stage/debian/control"
depends=$(cd "$stage" && dpkg-shlibdeps -O -e"root/usr/bin/chuangwen" 2>"$stage/shlibdeps.log" |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || fail 1 "dpkg-shlibdeps found no dependencies for the binary: $(cat "$stage/shlibdeps.log")"
case "$depends" in
*libncursesw*) ;;
*) fail 1 "expected the ncursesw runtime among the dependencies, got: $depends" ;;
esac
size=$(du -sk --apparent-size "$root/usr" | cut -f1)

mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: chuangwen
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-chuangwen maintainers <maintainers@chuangwen.invalid>}
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: terminal dashboard for a civilised-city campaign (创文)
 Shows a civilised-city campaign (创建文明城市) as progress bars in the terminal:
 the command tree of sub-commands and units, the weighted indicators, the
 ledger of problems, the red and black lists; prints any view as text, HTML
 or JSON. Reads the campaign from local JSON files; the Hongjiang campaign is
 bundled as an example.
EOF

deb="$out/chuangwen_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"$compression" --build "$root" "$deb" >&2
echo "$deb"
