// footballdb: an embedded database of knockout football results. Include this for everything.
#pragma once

#include "footballdb/bracket.hpp"
#include "footballdb/check.hpp"
#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/export.hpp"
#include "footballdb/import.hpp"
#include "footballdb/names.hpp"
#include "footballdb/query.hpp"
#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"
#include "footballdb/version.hpp"
