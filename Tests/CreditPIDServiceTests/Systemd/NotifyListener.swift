import Foundation
import Glibc

/// A stand-in for systemd's side of sd_notify: a unix datagram socket (abstract, so nothing
/// is left on disk) that NOTIFY_SOCKET points at while it lives. Tests that use it run in
/// `NotifySocketSuites`, one at a time, because the variable is process-wide.
final class NotifyListener {
    let descriptor: Int32

    init() throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        let name = "credit-pid-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            path[0] = 0
            for (index, byte) in bytes.enumerated() { path[index + 1] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + 1 + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw POSIXError(.init(rawValue: errno)!) }
        setenv("NOTIFY_SOCKET", "@" + name, 1)
    }

    deinit {
        unsetenv("NOTIFY_SOCKET")
        close(descriptor)
    }

    /// The next datagram, or nil after `timeout` seconds without one.
    func next(timeout: Double = 5) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Reads datagrams until one satisfies `predicate`; nil if none does within `timeout`.
    func waitFor(timeout: Double = 5, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while case let remaining = deadline.timeIntervalSinceNow, remaining > 0 {
            guard let message = next(timeout: remaining) else { return nil }
            if predicate(message) { return message }
        }
        return nil
    }

    /// Reads datagrams until one contains the line `assignment` (e.g. "READY=1").
    func waitFor(_ assignment: String, timeout: Double = 5) -> String? {
        waitFor(timeout: timeout) { $0.split(separator: "\n").contains { $0 == assignment } }
    }
}
