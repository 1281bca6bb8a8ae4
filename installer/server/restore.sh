#!/usr/bin/env bash
# Restores a backup made by backup.sh into a NEW database, then brings its schema up to the
# installed version with `kim-server init`. Stop the service first (systemctl stop kim-server),
# point KIM_SERVER_DB in /etc/kim-server/env at the restored database, then start it again.
#
#   restore.sh SICHERUNG ZIEL-URL
#     PostgreSQL: SICHERUNG is a .dump; ZIEL-URL names an existing, EMPTY database
#                 (createdb -O kim kim_restored), e.g. postgresql://kim@127.0.0.1/kim_restored
#     SQLite:     SICHERUNG is a .db; ZIEL-URL is sqlite:////var/lib/kim-server/NEW.db (must not exist)
set -euo pipefail
BACKUP=${1:?Aufruf: restore.sh SICHERUNG ZIEL-URL}
TARGET=${2:?Aufruf: restore.sh SICHERUNG ZIEL-URL}
KIM_SERVER=${KIM_SERVER:-$(dirname "$(readlink -f "$0")")/venv/bin/kim-server}
[ -x "$KIM_SERVER" ] || KIM_SERVER=kim-server
# shellcheck source=libpq-url.sh
source "$(dirname "$(readlink -f "$0")")/libpq-url.sh"
[ -f "$BACKUP" ] || { echo "Fehler: Sicherung $BACKUP nicht gefunden." >&2; exit 1; }
umask 077

case "$TARGET" in
  postgresql*|postgres:*)
    set_libpq_url "$TARGET"
    TABLES=$(psql --no-psqlrc -Atc \
      "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" "$DBURL")
    if [ "$TABLES" != 0 ]; then
      echo "Fehler: Die Zieldatenbank ist nicht leer; es wird nichts überschrieben." >&2
      exit 1
    fi
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
      --dbname="$DBURL" "$BACKUP"
    ;;
  sqlite*)
    FILE=${TARGET#sqlite:///}
    if [ -e "$FILE" ]; then
      echo "Fehler: $FILE existiert bereits; es wird nichts überschrieben." >&2
      exit 1
    fi
    cp "$BACKUP" "$FILE.partial"
    mv "$FILE.partial" "$FILE"
    ;;
  *)
    echo "Fehler: ZIEL-URL ist weder eine PostgreSQL- noch eine SQLite-URL." >&2
    exit 2
    ;;
esac
"$KIM_SERVER" --db "$TARGET" init
echo "Wiederhergestellt: $TARGET"
