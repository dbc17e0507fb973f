@testable import CreditPIDHTTP
import Foundation
import Testing

@Suite("HTTP client: timeouts, size cap, transport rules, TLS")
struct HTTPLimitTests {
    private func elapsed(_ body: () -> Void) -> Duration {
        let start = ContinuousClock.now
        body()
        return ContinuousClock.now - start
    }

    @Test("the total timeout fires in milliseconds on a server that never answers")
    func totalTimeout() throws {
        let server = try ScriptedHTTPServer([.hang])
        let client = try HTTPClient(options: HTTPClientOptions(totalTimeoutMilliseconds: 250))
        let took = elapsed {
            #expect(throws: HTTPError.timedOut(url: "http://127.0.0.1:\(server.port)/", phase: .response,
                                               milliseconds: 250)) {
                try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                                retry: .none, deadline: nil)
            }
        }
        #expect(took >= .milliseconds(240) && took < .milliseconds(1_500))
    }

    @Test("the connect timeout fires in milliseconds when the handshake never completes")
    func connectTimeout() throws {
        // A listener with a full accept queue that never accepts: Linux drops further
        // SYNs, so connect() hangs as it would towards an unreachable host.
        let (listener, port) = try ScriptedHTTPServer.listen(backlog: 0)
        defer { close(listener) }
        let fillers = (0..<3).map { _ in Self.connectWithoutWaiting(port: port) }
        defer { fillers.forEach { close($0) } }
        var first = pollfd(fd: fillers[0], events: Int16(POLLOUT), revents: 0)
        #expect(poll(&first, 1, 1_000) == 1)   // the queue's one place is taken
        let client = try HTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 200))
        let took = elapsed {
            #expect(throws: HTTPError.timedOut(url: "http://127.0.0.1:\(port)/", phase: .connect,
                                               milliseconds: 200)) {
                try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/"),
                                retry: .none, deadline: nil)
            }
        }
        #expect(took >= .milliseconds(190) && took < .milliseconds(1_500))
    }

    @Test("a body over the cap aborts the transfer, with or without Content-Length",
          arguments: [true, false])
    func responseCap(withLength: Bool) throws {
        let big = [UInt8](repeating: 65, count: 5_000)
        let server = try ScriptedHTTPServer([withLength ? .respond(status: 200, body: big)
                                                        : .respondUntilClose(status: 200, body: big)])
        let client = try HTTPClient(options: HTTPClientOptions(maxResponseBytes: 4_096))
        #expect {
            try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                            retry: RetryPolicy(maxAttempts: 3), deadline: nil)
        } throws: { error in
            "\(error)" == "Failed to read the response from 'http://127.0.0.1:\(server.port)/': it exceeds "
                + "the limit of 4096 bytes, transfer aborted"
        }
        #expect(server.requests.count == 1)   // not retried: the body will not shrink
    }

    @Test("a body of exactly the cap is accepted")
    func responseAtCap() throws {
        let body = [UInt8](repeating: 66, count: 4_096)
        let server = try ScriptedHTTPServer([.respondUntilClose(status: 200, body: body)])
        let client = try HTTPClient(options: HTTPClientOptions(maxResponseBytes: 4_096))
        let response = try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                                       retry: .none, deadline: nil)
        #expect(response.body.count == 4_096)
    }

    @Test("plain http:// to a name that is not loopback is refused before any connection",
          arguments: ["http://api.ternary.app/analytics", "http://10.0.0.1/", "http://127.0.0.1.example.com/",
                      "http://[::2]/", "HTTP://example.com/"])
    func plainHTTPRefused(url: String) throws {
        let client = try HTTPClient()
        let took = elapsed {
            #expect {
                try client.send(HTTPRequest(method: "GET", url: url), retry: RetryPolicy(), deadline: nil)
            } throws: { error in
                guard case .insecureURL = error as? HTTPError else { return false }
                return "\(error)".hasPrefix("Refusing plain http:// to '")
            }
        }
        #expect(took < .milliseconds(50))   // no DNS look-up, no connect attempt, no retry
    }

    @Test("loopback addresses and localhost may use plain http; https is checked for nothing else")
    func transportRule() throws {
        // libcurl normalises 127.1, 0x7f.1 and 2130706433 to 127.0.0.1 before the check.
        for host in ["127.0.0.1", "127.5.6.7", "127.1", "0x7f.1", "2130706433", "localhost", "LOCALHOST",
                     "localhost.", "[::1]", "[0:0::1]"] {
            #expect(throws: Never.self) { try HTTPClient.checkURL("http://\(host):8080/x") }
        }
        #expect(throws: Never.self) { try HTTPClient.checkURL("https://api.ternary.app/analytics") }
        #expect(throws: HTTPError.self) { try HTTPClient.checkURL("ftp://127.0.0.1/") }
        #expect(throws: HTTPError.self) { try HTTPClient.checkURL("not a url") }
        #expect(throws: HTTPError.self) { try HTTPClient.checkURL("http://:80/") }
        #expect(throws: HTTPError.self) { try HTTPClient.checkURL("https://a b/") }
    }

    @Test("TLS to a server of a private CA works with caFile and fails without it")
    func privateCA() throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let server = try StandInProcess(script: "ternary_standin.py", arguments: [
            "--scenario", TernaryFixtures.scenarioPath, "--key", "k",
            "--tls-cert", authority.serverCertificate, "--tls-key", authority.serverKey,
        ])
        // By name: the release build's mbed TLS 2.28 matches DNS names only, not IP addresses.
        let url = "https://localhost:\(server.port)/_control"
        let trusting = try HTTPClient(options: HTTPClientOptions(caFile: authority.caFile))
        let response = try trusting.send(HTTPRequest(method: "GET", url: url), retry: .none, deadline: nil)
        #expect(response.status == 200)
        #expect(response.text.contains("\"mode\""))
        let plain = try HTTPClient()
        #expect {
            try plain.send(HTTPRequest(method: "GET", url: url), retry: RetryPolicy(maxAttempts: 3), deadline: nil)
        } throws: { error in
            guard case .tlsFailed = error as? HTTPError else { return false }
            return "\(error)".hasPrefix("Failed to establish TLS with 'https://localhost:\(server.port)/_control': ")
        }
    }

    /// Starts a TCP connect to 127.0.0.1:port and returns at once.
    private static func connectWithoutWaiting(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return fd
    }
}
