#!/usr/bin/env bash
# Makes sure a Redis server answers on 127.0.0.1:6379, for the tests of state shared between instances:
# installs Debian's redis-server (as root or with sudo) when it is missing, and starts it when nothing
# answers. Safe to run when it is already up. CI and the test setup both run it.
set -euo pipefail

answers() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "--- installing Redis"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y redis-server
fi
if ! answers; then
  echo "--- starting Redis"
  # Tests only: nothing is persisted, and it listens on loopback alone.
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do answers && break; sleep 0.2; done
  answers
fi
