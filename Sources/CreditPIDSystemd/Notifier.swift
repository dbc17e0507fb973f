#if canImport(Glibc)
import Glibc
#endif
import CSystemd

/// The daemon's side of systemd's notify protocol (`Type=notify`). Unsupervised (no
/// NOTIFY_SOCKET) every call is a no-op that returns false; a socket error throws.
public struct Notifier: Sendable {
    public init() {}

    /// Sends the assignments as one datagram; true if systemd was told.
    @discardableResult
    public func send(_ assignments: [String]) throws(SystemdError) -> Bool {
        let state = assignments.joined(separator: "\n")
        return try SystemdError.check(csystemd_notify(state), "sd_notify") > 0
    }

    @discardableResult
    public func ready(status: String) throws(SystemdError) -> Bool {
        try send(["READY=1", Notifier.statusAssignment(status)])
    }

    @discardableResult
    public func status(_ status: String) throws(SystemdError) -> Bool {
        try send([Notifier.statusAssignment(status)])
    }

    /// systemd 252 wants MONOTONIC_USEC with RELOADING=1 to tell one reload from the next.
    @discardableResult
    public func reloading(status: String) throws(SystemdError) -> Bool {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Notifier.monotonicMicroseconds())",
                  Notifier.statusAssignment(status)])
    }

    @discardableResult
    public func stopping(status: String) throws(SystemdError) -> Bool {
        try send(["STOPPING=1", Notifier.statusAssignment(status)])
    }

    @discardableResult
    public func watchdog() throws(SystemdError) -> Bool {
        try send(["WATCHDOG=1"])
    }

    /// The interval systemd expects WATCHDOG=1 within (WatchdogSec=), or nil when it
    /// expects none (unsupervised, no watchdog, or WATCHDOG_PID names another process).
    public func watchdogInterval() throws(SystemdError) -> Duration? {
        var usec: UInt64 = 0
        guard try SystemdError.check(csystemd_watchdog_enabled(&usec), "sd_watchdog_enabled") > 0 else {
            return nil
        }
        return .microseconds(Int64(clamping: usec))
    }

    /// A newline would end the STATUS= assignment and start a bogus one: each line break,
    /// "\r\n" included (one Character in Swift), becomes one space.
    static func statusAssignment(_ status: String) -> String {
        "STATUS=" + String(status.map { $0.isNewline ? " " : $0 })
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
