@testable import CreditPIDDaemon
import Foundation

/// A CycleRunner double: records every call, can hang a cycle until released, and can refuse
/// a configuration. Its counters are read from the test's thread, hence the lock.
final class RecordingRunner: CycleRunner, @unchecked Sendable {
    struct Refusal: Error, CustomStringConvertible {
        var description: String { "the runner cannot use it" }
    }

    private let lock = NSLock()
    private var times: [Date] = []
    private var configurations: [Configuration] = []
    private var running = 0
    private var mostAtOnce = 0
    /// Signalled at the start of every cycle.
    let cycleStarted = DispatchSemaphore(value: 0)
    /// When set, each cycle waits on it before returning.
    var hold: DispatchSemaphore?
    var refuseConfigurations = false

    var cycleTimes: [Date] { lock.withLock { times } }
    var reconfigurations: [Configuration] { lock.withLock { configurations } }
    var largestOverlap: Int { lock.withLock { mostAtOnce } }

    func runCycle(at now: Date) -> CycleReport {
        let number = lock.withLock {
            times.append(now)
            running += 1
            mostAtOnce = max(mostAtOnce, running)
            return times.count
        }
        cycleStarted.signal()
        hold?.wait()
        lock.withLock { running -= 1 }
        return CycleReport(status: "cycle \(number)")
    }

    func reconfigure(_ configuration: Configuration) throws {
        if refuseConfigurations { throw Refusal() }
        lock.withLock { configurations.append(configuration) }
    }

    /// Waits for `count` more cycle starts; false on timeout.
    func waitForCycles(_ count: Int, timeout: Double = 5) -> Bool {
        (0..<count).allSatisfy { _ in cycleStarted.wait(timeout: .now() + timeout) == .success }
    }
}
