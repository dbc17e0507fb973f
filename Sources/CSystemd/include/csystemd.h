#pragma once
// The C side of credit-pid's systemd layer. It exists for two reasons: sd-journal.h turns
// sd_journal_sendv into a macro that records *this* file's location unless
// SD_JOURNAL_SUPPRESS_LOCATION is defined first (Swift passes its own CODE_FILE/LINE/FUNC),
// and keeping libsystemd's headers behind a few plain functions gives Swift one small,
// stable surface. Every function returns libsystemd's value: negative errno on failure.

#include <stdint.h>
#include <sys/uio.h>

/// sd_notify(0, state): 0 when NOTIFY_SOCKET is unset, > 0 when sent.
int csystemd_notify(const char *state);

/// sd_watchdog_enabled(0, &usec): > 0 and the interval when systemd expects pings.
int csystemd_watchdog_enabled(uint64_t *usec);

/// sd_journal_sendv without the shim's own source location.
int csystemd_journal_sendv(const struct iovec *fields, int count);
