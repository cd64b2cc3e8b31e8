#!/usr/bin/env bash
# Checks an installed libfootballdb.so: its SONAME is libfootballdb.so.0, and it exports the public
# API (what include/footballdb/ marks FOOTBALLDB_API) but nothing of the library's own namespaces
# nor of the static libraries linked into it (SQLiteCpp).
#   shared_library_check.sh LIBDIR
set -euo pipefail
libdir=$1
lib=$libdir/libfootballdb.so
fail() { echo "shared library check: $*" >&2; exit 1; }
[ -L "$lib" ] || fail "$lib is missing or no symbolic link"
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libfootballdb.so.0 ] || fail "SONAME is '$soname', expected libfootballdb.so.0"
[ -e "$libdir/$soname" ] || fail "$libdir/$soname is missing"
symbols=$(nm -DC --defined-only "$lib")
for api in 'footballdb::Database::open(' 'footballdb::import_files(' 'footballdb::name_key[abi:cxx11](' \
           'typeinfo for footballdb::Error' 'footballdb::to_json[abi:cxx11](footballdb::Tie const&)'; do
  grep -qF "$api" <<<"$symbols" || fail "does not export $api"
done
internal=$(grep -E ' (footballdb::(storage|import|names|query|data|sqlext|vocabulary|json_values|detail)::|SQLite::)' \
           <<<"$symbols" || true)
[ -z "$internal" ] || fail "exports internal symbols:"$'\n'"$(head -20 <<<"$internal")"
echo "shared library check: $soname exports $(grep -c ' footballdb::' <<<"$symbols") footballdb functions, no internal ones"
