# Writes OUT: a C++ source defining footballdb::storage::migrations() from the SQL files FILES
# (named NNNN_verb_noun.sql, separated by "|"), so the library carries its schema with it.
string(REPLACE "|" ";" FILES "${FILES}")
list(SORT FILES)
set(body "")
set(expected 1)
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME_WE)
  if(NOT name MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)$")
    message(FATAL_ERROR "migration file name must be NNNN_verb_noun.sql: ${file}")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "migrations must be numbered 1, 2, ... without gaps: ${file}")
  endif()
  math(EXPR expected "${expected} + 1")
  file(READ "${file}" sql)
  string(APPEND body "    {${version}, \"${CMAKE_MATCH_2}\", R\"fbdb_sql(${sql})fbdb_sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from migrations/*.sql by cmake/embed_migrations.cmake. Do not edit.
#include \"storage/migrations.hpp\"

namespace footballdb::storage {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
${body}  };
  return kMigrations;
}

}  // namespace footballdb::storage
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
