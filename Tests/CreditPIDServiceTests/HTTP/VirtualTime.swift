import CreditPIDHTTP
import Foundation

/// Stepped time for the retry loop: sleeping moves both clocks forward at once and is
/// recorded, so a test checks the backoff schedule without waiting for it.
final class VirtualTime: @unchecked Sendable {
    /// The wall-clock time at the start: 2026-08-20T00:00:00Z.
    static let wallStart = Date(timeIntervalSince1970: 1_787_184_000)

    private let lock = NSLock()
    private let origin = ContinuousClock.now
    private var elapsed = Duration.zero
    private var slept: [Duration] = []
    private let jitter: Double

    /// `jitter` is the draw in [0, 1] every backoff gets: 1 means the full ceiling.
    init(jitter: Double = 1) {
        self.jitter = jitter
    }

    var now: ContinuousClock.Instant { lock.withLock { origin + elapsed } }

    var sleeps: [Duration] { lock.withLock { slept } }

    var timing: RetryTiming {
        RetryTiming(
            now: { self.now },
            wallClock: { self.lock.withLock { Self.wallStart + Self.seconds(self.elapsed) } },
            sleep: { duration in self.lock.withLock { self.elapsed += duration; self.slept.append(duration) } },
            jitter: { self.jitter })
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
