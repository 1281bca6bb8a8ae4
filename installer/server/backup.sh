#!/usr/bin/env bash
# Backs up the KIM sync server's database into ORDNER: one new file per run, files older than
# KIM_BACKUP_KEEP_DAYS days (default 14) are deleted. Prints the path of the new backup.
#
#   KIM_SERVER_DB=... backup.sh ORDNER        (kim-server-backup.service reads /etc/kim-server/env)
#
# PostgreSQL: pg_dump in its custom format (restore with restore.sh), checked with pg_restore.
# SQLite: `kim-server backup`, SQLite's online backup, safe while the server runs.
# The password in KIM_SERVER_DB is handed to pg_dump through PGPASSWORD, never on its command line.
set -euo pipefail
DIR=${1:?Aufruf: backup.sh ZIELORDNER}
URL=${KIM_SERVER_DB:?KIM_SERVER_DB ist nicht gesetzt (siehe /etc/kim-server/env)}
KEEP=${KIM_BACKUP_KEEP_DAYS:-14}
KIM_SERVER=${KIM_SERVER:-$(dirname "$(readlink -f "$0")")/venv/bin/kim-server}
[ -x "$KIM_SERVER" ] || KIM_SERVER=kim-server
# shellcheck source=libpq-url.sh
source "$(dirname "$(readlink -f "$0")")/libpq-url.sh"
umask 077
mkdir -p "$DIR"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

case "$URL" in
  postgresql*|postgres:*)
    OUT=$DIR/kim-server-$STAMP.dump
    set_libpq_url "$URL"
    pg_dump --format=custom --no-owner --no-privileges --file="$OUT.partial" --dbname="$DBURL"
    pg_restore --list "$OUT.partial" >/dev/null
    mv "$OUT.partial" "$OUT"
    ;;
  sqlite*)
    OUT=$DIR/kim-server-$STAMP.db
    "$KIM_SERVER" --db "$URL" backup "$OUT" >/dev/null
    ;;
  *)
    echo "Fehler: KIM_SERVER_DB ist weder eine PostgreSQL- noch eine SQLite-URL." >&2
    exit 2
    ;;
esac
find "$DIR" -maxdepth 1 -name 'kim-server-*' -mtime +"$KEEP" -delete
echo "$OUT"
