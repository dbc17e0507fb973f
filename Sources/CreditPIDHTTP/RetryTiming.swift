import FoundationEssentials
import Glibc

/// The clocks, the sleep and the randomness the retry loop uses, injectable so that
/// tests step virtual time instead of waiting, and so that the daemon can cut a
/// backoff short at shutdown with a sleep of its own that a stop request wakes.
public struct RetryTiming: Sendable {
    /// The clock deadlines are measured on.
    public var now: @Sendable () -> ContinuousClock.Instant
    /// Wall-clock time, for Retry-After given as an HTTP-date.
    public var wallClock: @Sendable () -> Date
    public var sleep: @Sendable (Duration) -> Void
    /// A number in [0, 1]: where in its jitter range a backoff delay falls.
    public var jitter: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> ContinuousClock.Instant,
                wallClock: @escaping @Sendable () -> Date,
                sleep: @escaping @Sendable (Duration) -> Void,
                jitter: @escaping @Sendable () -> Double)
    {
        self.now = now
        self.wallClock = wallClock
        self.sleep = sleep
        self.jitter = jitter
    }

    /// The real clocks, a blocking sleep of the calling thread, and system randomness.
    public static let system = RetryTiming(
        now: { ContinuousClock.now },
        wallClock: { Date() },
        sleep: sleepThread,
        jitter: { Double.random(in: 0...1) })

    private static func sleepThread(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        guard seconds > 0 || attoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        // A signal (SIGHUP for reload, say) interrupts nanosleep: sleep out the rest.
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }
}
