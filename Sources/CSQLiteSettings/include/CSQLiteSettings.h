#ifndef CSQLITE_SETTINGS_H
#define CSQLITE_SETTINGS_H

/// Whether SQLite keeps memory statistics (1) or not (0).
///
/// This target turns them off as the program loads, in C because sqlite3_config() is variadic,
/// which Swift cannot call, and because it must run before the first connection opens.
int hadaf_sqlite3_keeps_memory_statistics(void);

#endif
