import Testing

/// Every test that points NOTIFY_SOCKET or WATCHDOG_USEC at something, or sends the process a
/// signal, lives in a suite nested here: those are process-wide, so these tests run one at a
/// time while the others run in parallel.
@Suite(.serialized) struct NotifySocketSuites {}
