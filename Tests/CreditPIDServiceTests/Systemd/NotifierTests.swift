import CreditPIDSystemd
import Glibc
import Testing

extension NotifySocketSuites {
    @Suite struct NotifierTests {
        @Test func unsupervisedNotificationsAreNoOps() throws {
            unsetenv("NOTIFY_SOCKET")
            #expect(try Notifier().ready(status: "x") == false)
        }

        @Test func readyCarriesTheStatusInOneDatagram() throws {
            let listener = try NotifyListener()
            #expect(try Notifier().ready(status: "share 42%\nsecond line") == true)
            #expect(listener.next() == "READY=1\nSTATUS=share 42% second line")
        }

        @Test func aCRLFInTheStatusIsOneSpace() throws {
            let listener = try NotifyListener()
            #expect(try Notifier().status("a\r\nb") == true)
            #expect(listener.next() == "STATUS=a b")
        }

        @Test func reloadingCarriesMonotonicTime() throws {
            let listener = try NotifyListener()
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            try Notifier().reloading(status: "Reloading")
            let lines = try #require(listener.next()).split(separator: "\n")
            #expect(lines.first == "RELOADING=1")
            let stamp = try #require(lines.first { $0.hasPrefix("MONOTONIC_USEC=") }?.dropFirst(15))
            let sent = try #require(UInt64(stamp))
            let before = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
            #expect(sent >= before && sent < before + 5_000_000)
        }

        @Test func stoppingAndWatchdog() throws {
            let listener = try NotifyListener()
            try Notifier().stopping(status: "Stopping")
            try Notifier().watchdog()
            #expect(listener.next() == "STOPPING=1\nSTATUS=Stopping")
            #expect(listener.next() == "WATCHDOG=1")
        }

        @Test func watchdogIntervalComesFromSystemd() throws {
            setenv("WATCHDOG_USEC", "3000000", 1)
            setenv("WATCHDOG_PID", String(getpid()), 1)
            defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
            #expect(try Notifier().watchdogInterval() == .seconds(3))
            setenv("WATCHDOG_PID", "1", 1)
            #expect(try Notifier().watchdogInterval() == nil)
        }

        @Test func noWatchdogWithoutTheVariable() throws {
            unsetenv("WATCHDOG_USEC")
            #expect(try Notifier().watchdogInterval() == nil)
        }
    }
}
