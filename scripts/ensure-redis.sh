#!/usr/bin/env bash
# Makes sure a Redis server answers on 127.0.0.1:6379, for the tests of state shared between instances:
# installs Debian's redis-server (as root or with sudo) when it is missing, and starts it when nothing
# answers. Safe to run when it is already up. CI and the test setup both run it.
set -euo pipefail

# PING over bash's own TCP, so a Redis that already runs is found without redis-cli installed.
answers() {
  local reply=""
  { exec 3<>/dev/tcp/127.0.0.1/6379; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == "+PONG"* ]]
}

# The tests also start Redis servers of their own (an outage test), so the binary must be here.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "--- installing Redis"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  # RUNLEVEL=1: the package's own service is not started; a Redis may already hold the port.
  $sudo_cmd env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
fi
if ! answers; then
  echo "--- starting Redis"
  # Tests only: nothing is persisted, and it listens on loopback alone.
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do answers && break; sleep 0.2; done
  answers
fi
