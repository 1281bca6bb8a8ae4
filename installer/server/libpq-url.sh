# Sourced by backup.sh and restore.sh.
# set_libpq_url URL: sets DBURL to the libpq form of a SQLAlchemy PostgreSQL URL
# (postgresql+psycopg://user:password@host:port/db -> postgresql://user@host:port/db) and
# exports its password as PGPASSWORD, so that it never shows on a command line.
set_libpq_url() {
  local rest=${1#*://} auth=""
  if [[ $rest == *@* ]]; then
    auth=${rest%%@*}
    rest=${rest#*@}
    if [[ $auth == *:* ]]; then
      export PGPASSWORD=${auth#*:}
      auth=${auth%%:*}
    fi
    auth="$auth@"
  fi
  DBURL="postgresql://$auth$rest"
}
