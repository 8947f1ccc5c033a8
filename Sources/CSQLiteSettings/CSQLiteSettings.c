#include "CSQLiteSettings.h"
#include <sqlite3.h>

/// Runs when the program loads, before any code of ours, so before the first connection opens
/// (after which SQLite refuses the setting and leaves the statistics on).
///
/// Debian builds SQLite with memory statistics on and without its lookaside allocator, so every
/// allocation SQLite makes takes one process-wide mutex to count itself: two threads writing two
/// files (a rebuild folds the ledger apart from the other read models) then queue on that mutex.
/// Nothing of ours reads the statistics.
__attribute__((constructor))
static void hadaf_sqlite3_turn_off_memory_statistics(void) {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int hadaf_sqlite3_keeps_memory_statistics(void) {
    return sqlite3_memory_highwater(0) > 0;
}
