import CreditPIDSystemd
import Dispatch
import Testing

extension NotifySocketSuites {
    @Suite struct WatchdogTests {
        @Test func pingsEveryHalfIntervalUntilItsQueueHangs() throws {
            let listener = try NotifyListener()
            let queue = DispatchQueue(label: "watchdog-test")
            let watchdog = Watchdog(interval: .milliseconds(60), queue: queue, notifier: Notifier())
            watchdog.start()
            defer { watchdog.cancel() }
            for _ in 0..<3 { #expect(listener.next(timeout: 2) == "WATCHDOG=1") }

            // A cycle that hangs holds the queue: no ping may get through while it does.
            let release = DispatchSemaphore(value: 0)
            let holding = DispatchSemaphore(value: 0)
            queue.async { holding.signal(); release.wait() }
            holding.wait()
            while listener.next(timeout: 0) != nil {}   // pings already in flight
            #expect(listener.next(timeout: 0.2) == nil)
            release.signal()
            #expect(listener.next(timeout: 2) == "WATCHDOG=1")
        }
    }
}
