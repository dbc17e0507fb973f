import Foundation
import Glibc

/// A per-test HTTP server on 127.0.0.1 that plays a script: the n-th request gets the
/// n-th reply (the last one repeats). It records every request, so a test can assert
/// what was sent and how often. One request per connection, handled in arrival order.
final class ScriptedHTTPServer: @unchecked Sendable {
    enum Reply {
        /// A response with Content-Length.
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// A response without Content-Length, its body ending when the connection closes.
        case respondUntilClose(status: Int, body: [UInt8])
        /// Read the request and never answer (the connection stays open until stop()).
        case hang
        /// Read the request and close the connection without a byte.
        case close

        static func text(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
            .respond(status: status, headers: headers, body: Array(body.utf8))
        }
    }

    struct Request {
        let method: String
        let target: String
        let headers: [String: String]   // names lower-cased
        let body: [UInt8]
    }

    let port: Int
    private let core: Core

    init(_ script: [Reply]) throws {
        precondition(!script.isEmpty, "a script needs at least one reply")
        let (listener, port) = try Self.listen(backlog: 16)
        self.port = port
        core = Core(listener: listener, script: script)
        // The thread holds the core, not the server, so the server's deinit can stop it.
        let thread = Thread { [core] in core.serve() }
        thread.start()
    }

    deinit { core.stop() }

    /// What was received so far.
    var requests: [Request] { core.requests }

    /// Stops accepting, closes every held connection and waits for the server thread.
    func stop() { core.stop() }

    /// A listening socket on 127.0.0.1 with an ephemeral port.
    static func listen(backlog: Int32) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StandInError(message: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && Glibc.listen(fd, backlog) == 0
                    && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw StandInError(message: "bind/listen: \(String(cString: strerror(errno)))")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// The state the serving thread shares with the test, under one lock.
    private final class Core: @unchecked Sendable {
        let listener: Int32
        let script: [Reply]
        private let lock = NSLock()
        private var recorded: [Request] = []
        private var held: [Int32] = []
        private var stopped = false
        private let finished = DispatchSemaphore(value: 0)

        init(listener: Int32, script: [Reply]) {
            self.listener = listener
            self.script = script
        }

        var requests: [Request] { lock.withLock { recorded } }

        func stop() {
            let alreadyStopped = lock.withLock {
                defer { stopped = true }
                return stopped
            }
            guard !alreadyStopped else { return }
            shutdown(listener, Int32(SHUT_RDWR))   // wakes the blocked accept()
            finished.wait()
            close(listener)
            lock.withLock { held.forEach { close($0) } }
        }

        func serve() {
            defer { finished.signal() }
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                handle(connection)
            }
        }

        private func handle(_ connection: Int32) {
            guard let request = ScriptedHTTPServer.readRequest(from: connection) else {
                close(connection)
                return
            }
            let reply = lock.withLock {
                recorded.append(request)
                return script[min(recorded.count, script.count) - 1]
            }
            switch reply {
            case let .respond(status, headers, body):
                let head = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
                send(connection, "HTTP/1.1 \(status) Scripted\r\n\(head)Content-Length: \(body.count)\r\n"
                    + "Connection: close\r\n\r\n", body)
                close(connection)
            case let .respondUntilClose(status, body):
                send(connection, "HTTP/1.1 \(status) Scripted\r\nConnection: close\r\n\r\n", body)
                close(connection)
            case .hang:
                lock.withLock { held.append(connection) }
            case .close:
                close(connection)
            }
        }

        private func send(_ connection: Int32, _ head: String, _ body: [UInt8]) {
            let bytes = Array(head.utf8) + body
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes {
                    Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { return }   // the client hung up: fine for a test
                offset += written
            }
        }
    }

    /// Reads one request (head and Content-Length body), giving up after 5 s of silence.
    fileprivate static func readRequest(from connection: Int32) -> Request? {
        var data = [UInt8]()
        var headEnd: Int?
        var bodyLength = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while headEnd.map({ data.count < $0 + bodyLength }) ?? true {
            var ready = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 5_000) == 1 else { return nil }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[..<count]
            if headEnd == nil, let end = data.firstRange(of: Array("\r\n\r\n".utf8)) {
                headEnd = end.upperBound
                bodyLength = Int(parseHead(data[..<end.lowerBound]).headers["content-length"] ?? "0") ?? 0
            }
        }
        guard let headEnd else { return nil }
        let head = parseHead(data[..<(headEnd - 4)])
        return Request(method: head.method, target: head.target, headers: head.headers,
                       body: Array(data[headEnd..<(headEnd + bodyLength)]))
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>)
        -> (method: String, target: String, headers: [String: String])
    {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers = [String: String]()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return (requestLine.first.map(String.init) ?? "", requestLine.dropFirst().first.map(String.init) ?? "",
                headers)
    }
}
