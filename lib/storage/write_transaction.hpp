// A write transaction that keeps the club index and the stored keys of spellings honest.
#pragma once

#include <type_traits>

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/club_index.hpp"

namespace footballdb::storage {

// BEGIN IMMEDIATE on construction. Ending without commit() rolls back and drops the club index,
// which may have followed writes that are now undone.
class WriteTransaction {
 public:
  WriteTransaction(SQLite::Database& db, ClubIndex& clubs)
      : tx_(db, SQLite::TransactionBehavior::IMMEDIATE), clubs_(clubs) {}
  ~WriteTransaction() {
    if (!committed_) clubs_.invalidate();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Writes the stored keys of the spellings written in the transaction, then commits.
  void commit() {
    clubs_.write_keys();
    tx_.commit();
    committed_ = true;
  }

 private:
  SQLite::Transaction tx_;
  ClubIndex& clubs_;
  bool committed_ = false;
};

// Runs `work` in one write transaction. The club index is dropped afterwards in any case: a
// decision, an undo or a source taken back adds or removes clubs and spellings it cannot follow.
template <class Work>
auto in_transaction(SQLite::Database& db, ClubIndex& clubs, Work work) {
  WriteTransaction tx(db, clubs);
  if constexpr (std::is_void_v<decltype(work())>) {
    work();
    tx.commit();
    clubs.invalidate();
  } else {
    auto out = work();
    tx.commit();
    clubs.invalidate();
    return out;
  }
}

}  // namespace footballdb::storage
