import Dispatch

/// Sends WATCHDOG=1 every half interval from a timer on the daemon's cycle queue. Sharing the
/// queue is the point: a cycle that hangs holds the queue, the pings stop, and systemd kills
/// and restarts the service.
///
/// Create it from nonisolated code: a Dispatch source created on the main actor for another
/// queue traps the first time it fires.
public final class Watchdog: @unchecked Sendable {
    // `timer` is touched only on `queue` (after `start`) or before it.
    private let timer: DispatchSourceTimer
    private let notifier: Notifier

    public let interval: Duration

    public init(interval: Duration, queue: DispatchQueue, notifier: Notifier) {
        self.interval = interval
        self.notifier = notifier
        timer = DispatchSource.makeTimerSource(queue: queue)
    }

    /// The first ping goes out at once, the next ones every `interval / 2`.
    public func start() {
        let period = interval / 2
        timer.schedule(deadline: .now(), repeating: period.dispatchInterval, leeway: (period / 20).dispatchInterval)
        timer.setEventHandler { [unowned self] in
            // A failed ping is not logged: the next one follows in half an interval, and if
            // they all fail systemd restarts the service, which is the right outcome.
            _ = try? notifier.watchdog()
        }
        timer.resume()
    }

    public func cancel() {
        timer.cancel()
    }
}
