import FoundationEssentials

/// Where the service loop gets time. Production uses the system clock; tests and the demo use
/// an accelerated one, so that a month of hourly cycles runs in seconds through the same loop.
public protocol ServiceClock: Sendable {
    /// The wall time now, UTC.
    func now() -> Date
    /// How long to really wait for `simulated` seconds to pass on this clock.
    func realInterval(for simulated: TimeInterval) -> Duration
}

/// The machine's clock, at its own pace.
public struct SystemClock: ServiceClock {
    public init() {}

    public func now() -> Date {
        Date()
    }

    public func realInterval(for simulated: TimeInterval) -> Duration {
        .nanoseconds(Int64((simulated * 1e9).rounded()))
    }
}

/// Wall time that starts at `start` and runs `speed` times faster than the monotonic clock:
/// `now = start + elapsed × speed`. Monotonic, so changes to the system clock do not bend it.
///
/// With a `step`, the time is rounded to the nearest multiple of it from `start`: a timer that
/// fires a few milliseconds early or late, minutes of simulated time at a month in seconds,
/// then still lands its cycle on the hour, and a simulated month comes out as the simulator's.
public struct AcceleratedClock: ServiceClock {
    public let start: Date
    public let speed: Double
    public let step: TimeInterval?
    private let origin: ContinuousClock.Instant

    public init(start: Date, speed: Double, step: TimeInterval? = nil) {
        precondition(speed > 0 && speed.isFinite, "an accelerated clock needs a positive, finite speed")
        self.start = start
        self.speed = speed
        self.step = step.flatMap { $0 > 0 ? $0 : nil }
        origin = ContinuousClock.now
    }

    public func now() -> Date {
        let elapsed = ContinuousClock.now - origin
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let simulated = seconds * speed
        guard let step else { return start.addingTimeInterval(simulated) }
        return start.addingTimeInterval((simulated / step).rounded() * step)
    }

    public func realInterval(for simulated: TimeInterval) -> Duration {
        .nanoseconds(Int64((simulated / speed * 1e9).rounded()))
    }
}
