@testable import CreditPIDDaemon
import CreditPIDSystemd
import Foundation
import Glibc
import Testing

extension NotifySocketSuites {
    /// The loop with a recording runner, a real notify socket, real signals and an accelerated
    /// clock: one simulated hour is `realHour` of real time.
    @Suite struct ServiceLoopTests {
        let start = Date(timeIntervalSince1970: 1_796_083_200)   // 2026-12-01T00:00:00Z
        static let speed = 36_000.0                              // an hour in 0.1 s
        let fixture: ConfigFixture
        let listener: NotifyListener
        let runner = RecordingRunner()
        let log: CycleLog

        init() throws {
            fixture = try ConfigFixture()
            log = try CycleLog(path: fixture.directory.appendingPathComponent("service.log").path,
                               sink: .journalStream)
            listener = try NotifyListener()
            unsetenv("WATCHDOG_USEC")
            try fixture.writeMain("[Controller]\nKp=2\n")
        }

        private var loader: ConfigurationLoader {
            ConfigurationLoader(path: fixture.mainPath, environment: ["TERNARY_API_KEY": "k", "GITHUB_TOKEN": "g"])
        }

        private func makeLoop(stopGrace: Duration = .seconds(3)) throws -> ServiceLoop {
            ServiceLoop(configuration: try loader.load().configuration, loader: loader, runner: runner,
                        logger: log.logger, clock: AcceleratedClock(start: start, speed: Self.speed),
                        stopGrace: stopGrace)
        }

        /// Runs the loop on its own thread, as `serve` runs it on the main one.
        private func launch(_ loop: ServiceLoop) -> () -> Int32? {
            let done = DispatchSemaphore(value: 0)
            let status = LockedBox<Int32?>(nil)
            Thread.detachNewThread {
                status.value = loop.run()
                done.signal()
            }
            return { done.wait(timeout: .now() + 5) == .success ? status.value : nil }
        }

        @Test func firstCycleAtStartThenOneEveryInterval() throws {
            let finished = launch(try makeLoop())
            #expect(listener.waitFor("READY=1") != nil)
            #expect(runner.waitForCycles(4))
            #expect(listener.waitFor(timeout: 5) { $0 == "STATUS=cycle 4" } != nil)
            kill(getpid(), SIGTERM)
            #expect(listener.waitFor("STOPPING=1") != nil)
            #expect(finished() == 0)

            let times = runner.cycleTimes
            #expect(times[0].timeIntervalSince(start) < 1800)
            for (earlier, later) in zip(times, times.dropFirst()) {
                let gap = later.timeIntervalSince(earlier)
                #expect(gap > 1800 && gap < 5400, "cycles \(gap) s apart, expected about 3600")
            }
            #expect(runner.largestOverlap == 1)
            #expect(log.lines.contains("<5>Stopping on SIGTERM"))
        }

        @Test func sigintStopsToo() throws {
            let finished = launch(try makeLoop())
            #expect(listener.waitFor("READY=1") != nil)
            kill(getpid(), SIGINT)
            #expect(listener.waitFor("STOPPING=1") != nil)
            #expect(finished() == 0)
        }

        @Test func cyclesNeverOverlapEvenWhenSlowerThanTheInterval() throws {
            runner.hold = DispatchSemaphore(value: 0)
            let loop = try makeLoop()
            let finished = launch(loop)
            for _ in 0..<3 {
                #expect(runner.waitForCycles(1))
                Thread.sleep(forTimeInterval: 0.25)   // longer than 2 intervals: ticks pile up
                runner.hold?.signal()
            }
            loop.stop()
            runner.hold?.signal()
            #expect(finished() == 0)
            #expect(runner.largestOverlap == 1)
        }

        @Test func validReloadReconfiguresTheRunner() throws {
            let finished = launch(try makeLoop())
            #expect(listener.waitFor("READY=1") != nil)
            #expect(listener.waitFor { $0 == "STATUS=cycle 1" } != nil)
            try fixture.writeMain("[Controller]\nKp=3\n")
            kill(getpid(), SIGHUP)
            let reloading = try #require(listener.waitFor("RELOADING=1"))
            #expect(reloading.contains("\nMONOTONIC_USEC="))
            let ready = try #require(listener.waitFor("READY=1"))
            #expect(ready.contains("STATUS=Configuration reloaded; cycle "))
            #expect(runner.reconfigurations.map(\.controller.kp) == [3])
            #expect(log.lines.contains("<5>Reloaded configuration from \(fixture.mainPath)"))
            kill(getpid(), SIGTERM)
            #expect(finished() == 0)
        }

        @Test func invalidReloadKeepsThePreviousConfiguration() throws {
            let finished = launch(try makeLoop())
            #expect(listener.waitFor("READY=1") != nil)
            try fixture.writeMain("[Controller]\nKp=lots\n")
            kill(getpid(), SIGHUP)
            #expect(listener.waitFor("RELOADING=1") != nil)
            let ready = try #require(listener.waitFor("READY=1"))
            let why = "\(fixture.mainPath):5: Failed to parse [Controller] Kp='lots': expected a number of at least 0"
            #expect(ready.hasSuffix("STATUS=Reload failed, keeping previous configuration: \(why)"))
            #expect(runner.reconfigurations.isEmpty)
            #expect(log.lines.contains("<3>Failed to reload configuration: \(why), keeping previous configuration"))
            kill(getpid(), SIGTERM)
            #expect(finished() == 0)
        }

        @Test func reloadRefusedByTheRunnerKeepsThePreviousConfiguration() throws {
            runner.refuseConfigurations = true
            let finished = launch(try makeLoop())
            #expect(listener.waitFor("READY=1") != nil)
            kill(getpid(), SIGHUP)
            let ready = try #require(listener.waitFor("READY=1"))
            #expect(ready.hasSuffix("STATUS=Reload failed, keeping previous configuration: the runner cannot use it"))
            kill(getpid(), SIGTERM)
            #expect(finished() == 0)
        }

        @Test func aHungCycleStopsTheWatchdogAndIsAbandonedOnStop() throws {
            setenv("WATCHDOG_USEC", "100000", 1)
            setenv("WATCHDOG_PID", String(getpid()), 1)
            defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
            let hold = DispatchSemaphore(value: 0)
            runner.hold = hold
            defer { hold.signal() }
            let loop = try makeLoop(stopGrace: .milliseconds(200))
            let finished = launch(loop)
            #expect(listener.waitFor("WATCHDOG=1") != nil)
            #expect(runner.waitForCycles(1))
            while listener.next(timeout: 0) != nil {}
            // Three ping periods with the cycle stuck: systemd would kill the service now.
            #expect(listener.waitFor(timeout: 0.15) { $0 == "WATCHDOG=1" } == nil)
            let asked = Date()
            loop.stop()
            #expect(listener.waitFor("STOPPING=1") != nil)
            #expect(finished() == 0)
            #expect(Date().timeIntervalSince(asked) < 1.5)
            #expect(log.lines.contains { $0.hasPrefix("<4>A cycle still running after") })
        }

        @Test func runOnceRunsOneCycleAndReportsIt() throws {
            let loop = try makeLoop()
            #expect(loop.runOnce().status == "cycle 1")
            #expect(listener.next() == "STATUS=cycle 1")
            #expect(runner.cycleTimes.count == 1 && loop.cyclesRun == 1)
        }
    }
}

/// A value written on one thread and read on another after a semaphore.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
