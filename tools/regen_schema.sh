#!/usr/bin/env bash
# Regenerates schema/schema.sql from a new database migrated by the built footballdb.
#   tools/regen_schema.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-BUILD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bin/footballdb" --db "$tmp/new.db" shell "SELECT 1" >/dev/null
{
  echo "-- The current schema: what migrating an empty database from zero gives (a test checks it)."
  echo "-- Regenerate after adding a migration: tools/regen_schema.sh"
  echo
  sqlite3 "$tmp/new.db" "SELECT sql || ';' FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
} > schema/schema.sql
