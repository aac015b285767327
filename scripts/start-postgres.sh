#!/usr/bin/env bash
# Start a local PostgreSQL server for unref's tests and benchmarks, and print the URL to use.
#
# Installs nothing: PostgreSQL must already be installed (Debian/Ubuntu: apt-get install -y postgresql).
# Idempotent: a running server is left running; the role and databases are made only when missing.
# The server listens on 127.0.0.1 only. Run as root, as the postgres user, or as a user with sudo.
#
#   scripts/start-postgres.sh            # prints postgresql://unref:unref@127.0.0.1:5432/unref_test
#   export UNREF_TEST_PG=$(scripts/start-postgres.sh | tail -n 1)
#
# Environment: UNREF_PG_PORT (default: the cluster's port, else 5432), UNREF_PG_DATA (data folder
# when there is no Debian cluster to use; default /var/tmp/unref-postgres).
#
# A large corpus (docs/scaling.md, "Search at 100,000 documents"): PostgreSQL's default buffer cache
# (shared_buffers, 128MB) holds little of a 10 GiB corpus, and every search then copies its pages from
# the system's cache. Set the server's memory with (the server restarts when shared_buffers changes):
#   UNREF_PG_SHARED_BUFFERS=4GB UNREF_PG_CACHE_SIZE=12GB scripts/start-postgres.sh
# about a quarter of the machine's memory for shared_buffers, and what the system caches as a whole
# (shared_buffers included) for effective_cache_size. Unset, the server's settings are left as they are.
set -euo pipefail

ROLE=unref
PASSWORD=unref
DATABASES=(unref unref_test)
HOST=127.0.0.1

say() { echo "start-postgres: $*" >&2; }

# Run a command as the postgres user, whoever we are.
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    else
        sudo -n -u postgres -- "$@"
    fi
}

pg_bin() {  # the folder of the newest installed server binaries
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
    done
    command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)" && return
    return 1
}

start_debian_cluster() {  # use (or make) a cluster of Debian's postgresql-common; print its port
    local line version name port status
    line=$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)
    if [ -z "$line" ]; then
        version=$(basename "$(dirname "$(pg_bin)")")
        say "creating cluster $version/main"
        pg_createcluster "$version" main >/dev/null
        line=$(pg_lsclusters --no-header | head -n 1)
    fi
    read -r version name port status _ <<<"$line"
    local confd="/etc/postgresql/$version/$name/conf.d"
    if [ -d "$confd" ] && [ ! -f "$confd/unref.conf" ]; then
        printf "listen_addresses = '%s'\n" "$HOST" >"$confd/unref.conf"
    fi
    if [[ "$status" != online* ]]; then
        say "starting cluster $version/$name on port $port"
        pg_ctlcluster "$version" "$name" start >&2
    fi
    echo "$port"
}

start_plain_server() {  # initdb and pg_ctl in a private data folder; print the port
    local bin data port
    bin=$(pg_bin) || { say "PostgreSQL is not installed (Debian/Ubuntu: apt-get install -y postgresql)"; exit 1; }
    data=${UNREF_PG_DATA:-/var/tmp/unref-postgres}
    port=${UNREF_PG_PORT:-5432}
    if [ ! -f "$data/PG_VERSION" ]; then
        say "initialising $data"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres "$data"
        as_postgres "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        say "starting the server in $data on port $port"
        as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
            -o "-c listen_addresses=$HOST -p $port -k /tmp" start >/dev/null
    fi
    echo "$port"
}

if command -v pg_lsclusters >/dev/null && [ -z "${UNREF_PG_DATA:-}" ] && { [ "$(id -u)" = 0 ] || [ "$(id -un)" = postgres ]; }; then
    PORT=$(start_debian_cluster)
    SOCKET_ARGS=(-p "$PORT")
    read -r CLUSTER_VERSION CLUSTER_NAME _ <<<"$(pg_lsclusters --no-header | head -n 1)"
    RESTART=(pg_ctlcluster "$CLUSTER_VERSION" "$CLUSTER_NAME" restart)
else
    PORT=$(start_plain_server)
    SOCKET_ARGS=(-p "$PORT" -h /tmp)
    RESTART=(as_postgres "$(pg_bin)/pg_ctl" -D "${UNREF_PG_DATA:-/var/tmp/unref-postgres}" -w restart)  # same options
fi
PORT=${UNREF_PG_PORT:-$PORT}

for _ in $(seq 1 50); do
    as_postgres pg_isready -q "${SOCKET_ARGS[@]}" && break
    sleep 0.2
done

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 "${SOCKET_ARGS[@]}" -d postgres "$@"; }

# The server's memory, when asked for (ALTER SYSTEM: kept across restarts); a changed shared_buffers needs a restart.
if [ -n "${UNREF_PG_SHARED_BUFFERS:-}${UNREF_PG_CACHE_SIZE:-}" ]; then
    for setting in "shared_buffers=${UNREF_PG_SHARED_BUFFERS:-}" "effective_cache_size=${UNREF_PG_CACHE_SIZE:-}"; do
        if [ -n "${setting#*=}" ]; then psql_admin -c "ALTER SYSTEM SET ${setting%%=*} = '${setting#*=}'"; fi
    done
    psql_admin -tAc "SELECT pg_reload_conf()" >/dev/null
    sleep 1  # the server reads its files again meanwhile
    if [ "$(psql_admin -tAc "SELECT bool_or(pending_restart) FROM pg_settings")" = t ]; then
        say "restarting the server for its new settings"
        "${RESTART[@]}" >&2
        for _ in $(seq 1 50); do
            as_postgres pg_isready -q "${SOCKET_ARGS[@]}" && break
            sleep 0.2
        done
    fi
    say "shared_buffers = $(psql_admin -tAc "SHOW shared_buffers"), effective_cache_size = $(psql_admin -tAc "SHOW effective_cache_size")"
fi

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
    say "creating role $ROLE"
    psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB"
fi
for db in "${DATABASES[@]}"; do
    if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
        say "creating database $db"
        psql_admin -c "CREATE DATABASE $db OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0"
    fi
done

say "ready; for the tests: export UNREF_TEST_PG=postgresql://$ROLE:$PASSWORD@$HOST:$PORT/unref_test"
echo "postgresql://$ROLE:$PASSWORD@$HOST:$PORT/unref_test"
