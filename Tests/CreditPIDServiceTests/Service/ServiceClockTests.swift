import CreditPIDDaemon
import Foundation
import Testing

@Suite struct ServiceClockTests {
    @Test func acceleratedClockRunsFromItsStartAtItsSpeed() {
        let start = Date(timeIntervalSince1970: 1_796_083_200)   // 2026-12-01T00:00:00Z
        let before = ContinuousClock.now
        let clock = AcceleratedClock(start: start, speed: 3600)
        let first = clock.now()
        let second = clock.now()
        let bound = Double((ContinuousClock.now - before).components.attoseconds) * 1e-18 * 3600 + 0.01
        #expect(first >= start && first.timeIntervalSince(start) <= bound)
        #expect(second >= first)
        #expect(clock.realInterval(for: 3600) == .seconds(1))
    }

    @Test func systemClockWaitsWhatItSays() {
        let clock = SystemClock()
        #expect(clock.realInterval(for: 1.5) == .milliseconds(1500))
        #expect(abs(clock.now().timeIntervalSinceNow) < 1)
    }
}
