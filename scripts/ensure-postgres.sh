#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1 with trust auth and a database "test", for the
# store's tests: starts Debian's cluster when it is installed but stopped, installs it (as root or with
# sudo) when it is missing. Safe to run when it is already up. CI and the test setup both run it.
set -euo pipefail

if ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
  echo "--- starting PostgreSQL"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  conf="/etc/postgresql/$version/main"
  grep -q "stack-console-tests" "$conf/pg_hba.conf" ||
    printf '# stack-console-tests\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' |
    $sudo_cmd sh -c "cat - '$conf/pg_hba.conf' > /tmp/pg_hba.conf && cat /tmp/pg_hba.conf > '$conf/pg_hba.conf'"
  $sudo_cmd pg_ctlcluster --skip-systemctl-redirect "$version" main start || $sudo_cmd pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"

