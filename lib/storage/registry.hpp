// Loading the shipped club registry into a database.
#pragma once

#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class Store;

// Adds every club of the embedded registry (data/clubs/) with its spellings (origin and method
// "registry"), the distinct pairs and the exonyms. Meant for a new, empty database; runs inside
// the caller's transaction. Returns the number of clubs added.
int load_registry(Store& store, StatementCache& statements);

}  // namespace footballdb::storage
