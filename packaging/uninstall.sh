#!/usr/bin/env bash
# Removes what packaging/install.sh installed (the list it keeps in PREFIX/lib/opsdeck/installed-files). The
# configuration and the agent's state (database, start-up caches) stay unless --purge. Give the options the install
# had; install.sh also puts this script at PREFIX/lib/opsdeck/uninstall.sh.
#
#   sudo packaging/uninstall.sh [--purge]        the system-wide install
#   packaging/uninstall.sh --user [--prefix DIR] [--purge]
#   ~/.local/lib/opsdeck/uninstall.sh [--purge]   the installed copy knows its prefix
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
# From a checkout paths.sh is in packaging/lib. Installed (PREFIX/lib/opsdeck/uninstall.sh) it is beside this
# script, and the prefix defaults to this install's own.
if [ -f "$here/lib/paths.sh" ]; then
  . "$here/lib/paths.sh"
  opsdeck_install_options "$@"
else
  . "$here/paths.sh"
  opsdeck_install_options --prefix "$(dirname "$(dirname "$here")")" "$@"
fi

manifest="$destdir$prefix/lib/opsdeck/installed-files"
if [ ! -f "$manifest" ]; then
  echo "opsdeck uninstall: no OpsDeck installed in $destdir$prefix ($manifest is missing)" >&2
  exit 1
fi
if [ -z "$destdir" ] && [ "$scope" = system ]; then
  command -v systemctl >/dev/null 2>&1 && systemctl disable --now "$unit" 2>/dev/null || true
elif [ -z "$destdir" ]; then
  command -v systemctl >/dev/null 2>&1 && systemctl --user disable --now "$unit" 2>/dev/null || true
fi
while IFS= read -r f; do
  [ -n "$f" ] && rm -f "$destdir$f"
done <"$manifest"
rm -f "$manifest"
# Folders left empty inside the install go too; the shared ones outside (applications/, ~/.local/bin) stay.
for d in "$prefix/lib/opsdeck" "$prefix/share/opsdeck"; do
  [ -d "$destdir$d" ] && find "$destdir$d" -depth -type d -empty -delete
done
if [ "$prefix" != "${HOME:-}/.local" ] && [ "$prefix" != /usr/local ] && [ "$prefix" != /usr ]; then
  rmdir "$destdir$prefix/bin" "$destdir$prefix/lib" "$destdir$prefix/share" "$destdir$prefix" 2>/dev/null || true
fi
if [ -n "$purge" ]; then
  rm -f "$destdir$config"
  for d in "${state_dirs[@]}"; do rm -rf "$destdir$d"; done
  echo "opsdeck uninstall: removed OpsDeck, its configuration $config and its state" >&2
else
  echo "opsdeck uninstall: removed OpsDeck; kept the configuration $config and the agent's data (--purge removes them)" >&2
fi
