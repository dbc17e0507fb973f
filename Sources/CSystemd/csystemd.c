#define SD_JOURNAL_SUPPRESS_LOCATION
#include "csystemd.h"

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

int csystemd_notify(const char *state) {
    return sd_notify(0, state);
}

int csystemd_watchdog_enabled(uint64_t *usec) {
    return sd_watchdog_enabled(0, usec);
}

int csystemd_journal_sendv(const struct iovec *fields, int count) {
    return sd_journal_sendv(fields, count);
}
