# The demo's helpers step() and run(): run() echoes a command so that it can be copied and pasted into a shell
# as it stands (an argument with spaces, quotes or shell characters in single quotes), then runs it.

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# quoted ARG...: the arguments as one line a shell reads back as the same arguments.
quoted() {
  local arg out=()
  for arg in "$@"; do
    if [[ -n $arg && $arg =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
      out+=("$arg")
    else
      out+=("'${arg//\'/\'\\\'\'}'")
    fi
  done
  printf '%s' "${out[*]}"
}

run() { printf '$ %s\n' "$(quoted "$@")"; "$@"; }
