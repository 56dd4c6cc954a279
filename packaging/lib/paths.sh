# shellcheck shell=bash
# Where an OpsDeck install puts things, shared by install.sh and uninstall.sh so both agree. Sourced, not run.
# opsdeck_install_options ARGS... sets: scope (system|user), prefix, destdir, purge, bin_link, data_dir (desktop
# entries and icons), unit_dir, unit, config, and the state the agent and the launcher keep (state_dirs).

opsdeck_install_options() {
  scope="" prefix="" destdir="" purge=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --user) scope=user ;;
      --system) scope=system ;;
      --prefix) prefix="${2:?--prefix needs a folder}"; shift ;;
      --prefix=*) prefix="${1#--prefix=}" ;;
      --destdir) destdir="${2:?--destdir needs a folder}"; shift ;;
      --destdir=*) destdir="${1#--destdir=}" ;;
      --purge) purge=1 ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) echo "opsdeck: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
  done
  # root installs for the system unless told --user; anyone else for themselves
  if [ -z "$scope" ]; then
    if [ "$(id -u)" -eq 0 ] || [ -n "$destdir" ]; then scope=system; else scope=user; fi
  fi
  if [ "$scope" = user ]; then
    : "${HOME:?HOME must be set for a --user install}"
    prefix="${prefix:-$HOME/.local}"
    bin_link="$HOME/.local/bin/opsdeck"
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
    unit_dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
    unit=opsdeck-agent-user.service
    config="$HOME/.config/opsdeck/opsdeck.yaml"   # where opsdeck looks by default (not XDG_CONFIG_HOME)
    # the configuration folder (console.json too), the agent's database (XDG_DATA_HOME/opsdeck), the start-up caches
    state_dirs=("$HOME/.config/opsdeck" "${XDG_CONFIG_HOME:-$HOME/.config}/opsdeck" "$data_dir/opsdeck"
      "${XDG_CACHE_HOME:-$HOME/.cache}/opsdeck")
  else
    prefix="${prefix:-/opt/opsdeck}"
    bin_link=/usr/local/bin/opsdeck
    data_dir=/usr/local/share
    unit_dir=/etc/systemd/system
    unit=opsdeck-agent.service
    config=/etc/opsdeck/opsdeck.yaml
    state_dirs=(/etc/opsdeck /var/lib/opsdeck)   # settings; the service user's home: database, start-up cache
  fi
  prefix="$(realpath -m "$prefix")"
  [ -n "$destdir" ] && destdir="$(realpath -m "$destdir")"
  # the prefix is written into .desktop Exec= lines and systemd ExecStart=, where spaces and quotes need escaping
  case "$prefix" in
    *[!A-Za-z0-9._/+-]*) echo "opsdeck: use a prefix of letters, digits and ._/+- only, not '$prefix'" >&2; exit 2 ;;
  esac
  return 0
}
