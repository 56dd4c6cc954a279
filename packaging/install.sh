#!/usr/bin/env bash
# Installs the OpsDeck built in this checkout (target/opsdeck.jar and target/lib/, from `mvn -DskipTests package`)
# on a Debian-like Linux. Running it again upgrades in place. What goes where: docs/install.md.
#
#   sudo packaging/install.sh                 system-wide: /opt/opsdeck, /etc/opsdeck, the system service
#   packaging/install.sh --user               this user: ~/.local, ~/.config/opsdeck, the user service
#   packaging/install.sh --user --prefix DIR  this user, the program in DIR
#   --system       system-wide although not root (with --destdir); root installs system-wide by default
#   --destdir DIR  stage everything under DIR (for packagers and tests): no root needed, no user created, no systemctl
set -euo pipefail
src="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$src/scripts/lib/common.sh"
. "$src/packaging/lib/paths.sh"
opsdeck_install_options "$@"

jar="$src/target/opsdeck.jar"
if [ ! -f "$jar" ] || [ ! -d "$src/target/lib" ]; then
  echo "opsdeck install: $jar or its lib/ is missing; build it first: (cd $src && mvn -B -DskipTests package)" >&2
  exit 1
fi
# The old units ran a checkout cloned to /opt/opsdeck: installing into the checkout itself would mix the two.
if [ "$(realpath -m "$destdir$prefix")" = "$src" ]; then
  echo "opsdeck install: $src is this checkout; move it elsewhere or install with --prefix DIR" >&2
  exit 1
fi
if [ "$scope" = system ] && [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
  echo "opsdeck install: a system-wide install needs root (sudo); --user installs for this user only" >&2
  exit 1
fi

manifest_new="$(mktemp)"
trap 'rm -f "$manifest_new" "$manifest_new.sorted"' EXIT
# put FILE MODE DEST: installs FILE as DEST (DEST without the destdir) and lists it for uninstall.sh. An unchanged
# file is left alone, so its time stays and the launcher keeps the start-up cache made for it.
put() {
  mkdir -p "$destdir$(dirname "$3")"
  cmp -s "$1" "$destdir$3" || install -m "$2" "$1" "$destdir$3"
  echo "$3" >>"$manifest_new"
}
# put_text MODE DEST: installs stdin (a file rewritten for this prefix) as DEST.
put_text() {
  local tmp
  tmp="$(mktemp)"
  cat >"$tmp"
  put "$tmp" "$1" "$2"
  rm -f "$tmp"
}
# put_tree DIR DEST: every file of DIR under DEST, same relative paths.
put_tree() {
  local f
  while IFS= read -r -d '' f; do
    put "$1/$f" 644 "$2/$f"
  done < <(cd "$1" && find . -type f -printf '%P\0' | sort -z)
}

echo "opsdeck install: $scope install into $destdir$prefix" >&2
# The program: jar, its class path (the manifest names lib/*.jar beside it), the launcher and its shared shell logic.
put "$jar" 644 "$prefix/lib/opsdeck/opsdeck.jar"
for f in "$src"/target/lib/*.jar; do
  put "$f" 644 "$prefix/lib/opsdeck/lib/$(basename "$f")"
done
put "$src/scripts/lib/common.sh" 644 "$prefix/lib/opsdeck/common.sh"
put "$src/scripts/lib/launch.sh" 644 "$prefix/lib/opsdeck/launch.sh"
put "$src/packaging/lib/paths.sh" 644 "$prefix/lib/opsdeck/paths.sh"
put "$src/packaging/uninstall.sh" 755 "$prefix/lib/opsdeck/uninstall.sh"
put "$src/packaging/launcher/opsdeck" 755 "$prefix/bin/opsdeck"
# opsdeck.home: the dashboards and rules the console, `check` and the demo read at run time, and the docs.
home="$prefix/share/opsdeck"
put_tree "$src/dashboards" "$home/dashboards"
put_tree "$src/rules" "$home/rules"
put "$src/packaging/demo/scenario.yaml" 644 "$home/packaging/demo/scenario.yaml"
put "$src/packaging/examples/opsdeck.yaml" 644 "$home/examples/opsdeck.yaml"
put "$src/README.md" 644 "$home/README.md"
for f in "$src"/docs/*.md; do put "$f" 644 "$home/docs/$(basename "$f")"; done
put_tree "$src/docs/runbooks" "$home/docs/runbooks"

# The command on PATH, when the prefix's bin/ is not already that folder.
if [ "$bin_link" != "$prefix/bin/opsdeck" ]; then
  mkdir -p "$destdir$(dirname "$bin_link")"
  ln -sfn "$prefix/bin/opsdeck" "$destdir$bin_link"
  echo "$bin_link" >>"$manifest_new"
fi
# Menu entries and the icon, where desktops look for them.
for d in opsdeck opsdeck-wall; do
  sed "s|@BIN@|$prefix/bin/opsdeck|" "$src/packaging/desktop/$d.desktop" | put_text 644 "$data_dir/applications/$d.desktop"
done
put "$src/packaging/desktop/opsdeck.svg" 644 "$data_dir/icons/hicolor/scalable/apps/opsdeck.svg"
# The agent's service, its paths rewritten from the default /opt/opsdeck to this prefix.
sed "s|/opt/opsdeck/|$prefix/|g" "$src/packaging/systemd/$unit" | put_text 644 "$unit_dir/$unit"

# The configuration is the operator's: written only when there is none, never listed for removal. A user install
# writes none: without one the console runs the demo stack, which is what a first start from the menu should show.
wrote_config=""
if [ -e "$destdir$config" ]; then
  echo "opsdeck install: kept the existing configuration $config" >&2
elif [ "$scope" = system ]; then
  # the agent's service reads it
  wrote_config=1
  mkdir -p "$destdir$(dirname "$config")"
  install -m 600 "$src/packaging/examples/opsdeck.yaml" "$destdir$config"
  echo "opsdeck install: wrote the example configuration to $config; edit it (opsdeck check --config $config)" >&2
else
  echo "opsdeck install: no configuration yet, so the console opens the demo; start yours from $home/examples/opsdeck.yaml at $config" >&2
fi

# Files the last install put there and this one did not (an upgraded library's old version) go.
manifest="$destdir$prefix/lib/opsdeck/installed-files"
if [ -f "$manifest" ]; then
  sort -u "$manifest_new" | comm -23 <(sort -u "$manifest") - | while IFS= read -r f; do
    [ -n "$f" ] && rm -f "$destdir$f"
  done
fi
sort -u "$manifest_new" >"$manifest_new.sorted"
if ! cmp -s "$manifest_new.sorted" "$manifest"; then install -m 644 "$manifest_new.sorted" "$manifest"; fi

if [ -z "$destdir" ]; then
  if [ "$scope" = system ]; then
    # The service runs as its own user; the configuration may hold secrets, so only root and that group read it.
    id opsdeck >/dev/null 2>&1 ||
      useradd --system --home-dir /var/lib/opsdeck --no-create-home --shell /usr/sbin/nologin opsdeck
    if [ -n "$wrote_config" ]; then chgrp opsdeck "$config" && chmod 640 "$config"; fi
    command -v systemctl >/dev/null 2>&1 && systemctl daemon-reload 2>/dev/null || true
  else
    command -v systemctl >/dev/null 2>&1 && systemctl --user daemon-reload 2>/dev/null || true
  fi
  opsdeck_find_runtime >/dev/null || echo "opsdeck install: installed, but \`opsdeck\` needs Java 21 or newer (a JRE is enough) to run" >&2
fi
if [ "$scope" = user ] && [[ ":$PATH:" != *":$(dirname "$bin_link"):"* ]]; then
  echo "opsdeck install: $(dirname "$bin_link") is not on your PATH; add it (Debian's ~/.profile does at the next login)" >&2
fi
echo "opsdeck install: done; run $bin_link (the agent service: $unit, see docs/install.md)" >&2
