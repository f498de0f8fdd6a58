#!/usr/bin/env bash
# Installs (or uninstalls) chuangwen: the release binary, the bundled Hongjiang campaign and the
# colour themes, shell completions and the man page. See docs/install.md for the layout.
#
#   tools/install.sh [--prefix DIR] [--destdir DIR] [--binary FILE] [--scratch-path DIR] [--no-strip]
#   tools/install.sh --uninstall [--prefix DIR] [--destdir DIR]
#   tools/install.sh --build-only [--scratch-path DIR]     # prints the built binary's path
#
# --prefix   where it will live (default /usr/local): PREFIX/bin/chuangwen finds its data in
#            PREFIX/share/chuangwen, so any prefix works, and the tree can be moved as a whole.
# --destdir  a staging root: files go to DESTDIR/PREFIX (for packaging, as tools/package-deb.sh).
# --binary   install this already built chuangwen instead of building one.
# --scratch-path  SwiftPM's build directory for the release build (default .build).
# --no-strip keep the symbol table (the installed binary is stripped: 62 MB instead of 83 MB).
#
# The release build links the Swift runtime statically (--static-swift-stdlib), so the installed
# binary needs no Swift toolchain, only the system libraries (glibc, libstdc++, ncursesw).
# Exit codes: 0 done, 64 usage error, 66 something to install is missing, 1 a step failed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=/usr/local
destdir=""
binary=""
scratch="$repo/.build"
mode=install
strip=yes

usage() { sed -n '2,18s/^# \{0,1\}//p' "$0"; }
fail() {
  echo "install.sh: $2" >&2
  exit "$1"
}

while [ $# -gt 0 ]; do
  case "$1" in
  --prefix) [ $# -ge 2 ] || fail 64 "--prefix needs a directory"; prefix=$2; shift 2 ;;
  --destdir) [ $# -ge 2 ] || fail 64 "--destdir needs a directory"; destdir=$2; shift 2 ;;
  --binary) [ $# -ge 2 ] || fail 64 "--binary needs a file"; binary=$2; shift 2 ;;
  --scratch-path) [ $# -ge 2 ] || fail 64 "--scratch-path needs a directory"; scratch=$2; shift 2 ;;
  --no-strip) strip=no; shift ;;
  --uninstall) mode=uninstall; shift ;;
  --build-only) mode=build; shift ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; fail 64 "unknown option '$1'" ;;
  esac
done
case "$scratch" in
/*) ;;
*) scratch="$PWD/$scratch" ;;
esac
case "$prefix" in
/*) ;;
*) fail 64 "--prefix must be an absolute path, got '$prefix'" ;;
esac
prefix=${prefix%/}
root="${destdir%/}$prefix"

# Where each part goes, relative to the root (the standard places the shells look in).
bin_file=bin/chuangwen
share_dir=share/chuangwen
man_file=share/man/man1/chuangwen.1
bash_file=share/bash-completion/completions/chuangwen
zsh_file=share/zsh/site-functions/_chuangwen
fish_file=share/fish/vendor_completions.d/chuangwen.fish
doc_dir=share/doc/chuangwen

build_release() {
  echo "Building chuangwen (release, static Swift runtime) in $scratch ..." >&2
  # Explicit checks: this runs inside $(...), where bash does not apply `set -e`.
  (cd "$repo" && swift build -c release --static-swift-stdlib --product chuangwen \
    --scratch-path "$scratch" >&2) || fail 1 "the release build failed (see above)"
  local bin_path
  bin_path=$(cd "$repo" && swift build -c release --static-swift-stdlib --scratch-path "$scratch" \
    --show-bin-path) || fail 1 "swift build --show-bin-path failed"
  echo "$bin_path/chuangwen"
}

uninstall() {
  for f in "$bin_file" "$man_file" "$bash_file" "$zsh_file" "$fish_file"; do
    rm -f "$root/$f"
  done
  # Our own directories only, named in full, never the prefix itself.
  rm -rf "${root:?}/$share_dir" "${root:?}/$doc_dir"
  echo "Removed chuangwen from $root"
}

install_all() {
  local exe=$1
  [ -x "$exe" ] || fail 66 "no executable at $exe"
  [ -f "$repo/fixtures/hongjiang/campaign.json" ] || fail 66 "no bundled campaign in $repo/fixtures/hongjiang"
  [ -f "$repo/themes/default.json" ] || fail 66 "no themes in $repo/themes"

  install -d "$root/bin" "$root/$(dirname "$man_file")" "$root/$(dirname "$bash_file")" \
    "$root/$(dirname "$zsh_file")" "$root/$(dirname "$fish_file")" "$root/$doc_dir"
  install -m 755 "$exe" "$root/$bin_file"
  if [ $strip = yes ] && command -v strip >/dev/null 2>&1; then strip "$root/$bin_file"; fi

  # The data directory is chuangwen's own: replaced whole, so files a newer version dropped go.
  # A user's own themes live in ~/.config/chuangwen/themes and are never touched.
  rm -rf "${root:?}/$share_dir"
  install -d "$root/$share_dir"
  cp -R "$repo/fixtures/hongjiang" "$root/$share_dir/hongjiang"
  cp -R "$repo/themes" "$root/$share_dir/themes"
  chmod -R u=rwX,go=rX "$root/$share_dir"

  # Completions and the man page come from the installed binary's own command definitions.
  local installed="$root/$bin_file"
  "$installed" --generate-completion-script bash >"$root/$bash_file"
  "$installed" --generate-completion-script zsh >"$root/$zsh_file"
  "$installed" --generate-completion-script fish >"$root/$fish_file"
  "$repo/tools/man-page.sh" "$installed" >"$root/$man_file"
  chmod 644 "$root/$bash_file" "$root/$zsh_file" "$root/$fish_file" "$root/$man_file"

  install -m 644 "$repo/README.md" "$repo/docs/data-format.md" "$repo/docs/themes.md" \
    "$repo/docs/install.md" "$root/$doc_dir/"

  echo "Installed chuangwen $("$installed" --version | sed 's/^chuangwen //') to $root"
  echo "  $bin_file, $share_dir/{hongjiang,themes}, $man_file,"
  echo "  completions: $bash_file, $zsh_file, $fish_file"
}

case $mode in
build) build_release ;;
uninstall) uninstall ;;
install)
  if [ -z "$binary" ]; then binary=$(build_release); fi
  install_all "$binary"
  ;;
esac
