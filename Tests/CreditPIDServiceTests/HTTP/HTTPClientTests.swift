import CreditPIDCore
@testable import CreditPIDHTTP
import Foundation
import Testing

@Suite("HTTP client: requests and responses")
struct HTTPClientTests {
    let client: HTTPClient

    init() throws {
        client = try HTTPClient(options: HTTPClientOptions(totalTimeoutMilliseconds: 5_000))
    }

    @Test("a GET returns status, headers and body, and sends the User-Agent")
    func getExchange() throws {
        let server = try ScriptedHTTPServer([.text(200, "héllo", headers: [("X-Thing", "one"), ("x-thing", "two")])])
        let response = try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/a/b?c=d",
                                                   headers: ["X-Request": "yes"]), retry: .none, deadline: nil)
        #expect(response.status == 200)
        #expect(response.text == "héllo")
        #expect(response.header("X-THING") == "one, two")
        #expect(response.headers["x-thing"] == "one, two")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/a/b?c=d")
        #expect(request.headers["user-agent"] == "credit-pid/\(CreditPIDVersion.string)")
        #expect(request.headers["x-request"] == "yes")
        #expect(request.headers["expect"] == nil)
    }

    @Test("POST and PATCH send the method, the body and its content type", arguments: ["POST", "PATCH"])
    func bodyMethods(method: String) throws {
        let server = try ScriptedHTTPServer([.text(201, "{}")])
        let body = Array(#"{"share": 42}"#.utf8)
        let response = try client.send(HTTPRequest(method: method, url: "http://localhost:\(server.port)/x",
                                                   headers: ["Content-Type": "application/json"], body: body),
                                       retry: .none, deadline: nil)
        #expect(response.status == 201)
        let request = try #require(server.requests.first)
        #expect(request.method == method)
        #expect(request.body == body)
        #expect(request.headers["content-type"] == "application/json")
    }

    @Test("a body without a content type gets none, not libcurl's form type")
    func untypedBody() throws {
        let server = try ScriptedHTTPServer([.text(200, "")])
        _ = try client.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/", body: [1, 2, 3]),
                            retry: .none, deadline: nil)
        let request = try #require(server.requests.first)
        #expect(request.headers["content-type"] == nil)
        #expect(request.body == [1, 2, 3])
    }

    @Test("a 404 is returned, not thrown, and not retried")
    func notFoundIsReturned() throws {
        let server = try ScriptedHTTPServer([.text(404, "no such thing")])
        let time = VirtualTime()
        let client = try HTTPClient(timing: time.timing)
        let response = try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                                       retry: RetryPolicy(maxAttempts: 4), deadline: nil)
        #expect(response.status == 404)
        #expect(response.text == "no such thing")
        #expect(server.requests.count == 1)
        #expect(time.sleeps.isEmpty)
    }

    @Test("a redirect is refused, naming its target without the query; a 304 is returned")
    func redirects() throws {
        let server = try ScriptedHTTPServer([
            .text(302, "", headers: [("Location", "https://elsewhere.example/login?token=s3cret")]),
            .text(304, ""),
        ])
        let url = "http://127.0.0.1:\(server.port)/settings"
        #expect {
            try client.send(HTTPRequest(method: "GET", url: url), retry: .none, deadline: nil)
        } throws: { error in
            guard case let .redirectRefused(_, status, location) = error as? HTTPError else { return false }
            return status == 302 && location == "https://elsewhere.example/login?…"
                && !"\(error)".contains("s3cret")
        }
        #expect(try client.send(HTTPRequest(method: "GET", url: url), retry: .none, deadline: nil).status == 304)
        #expect(server.requests.count == 2)
    }

    @Test("a header value with a line break is refused without echoing the value")
    func headerInjection() throws {
        let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:9/",
                                  headers: ["Authorization": "Bearer s3cret\r\nX-Evil: 1"])
        #expect {
            try client.send(request, retry: .none, deadline: nil)
        } throws: { error in
            guard case .invalidRequest = error as? HTTPError else { return false }
            return "\(error)".contains("'Authorization'") && !"\(error)".contains("s3cret")
        }
    }

    @Test("a method that is not an upper-case token is refused")
    func badMethod() throws {
        #expect(throws: HTTPError.self) {
            try client.send(HTTPRequest(method: "get it", url: "http://127.0.0.1:9/"), retry: .none, deadline: nil)
        }
    }

    @Test("errors name the URL without its query string or user information")
    func errorsRedactTheURL() throws {
        let (listener, port) = try ScriptedHTTPServer.listen(backlog: 1)
        close(listener)   // nothing listens there now: connection refused
        let url = "http://user:pa55@127.0.0.1:\(port)/path?api_key=s3cret"
        #expect {
            try client.send(HTTPRequest(method: "GET", url: url), retry: .none, deadline: nil)
        } throws: { error in
            guard case .connectFailed = error as? HTTPError else { return false }
            let text = "\(error)"
            return text.hasPrefix("Failed to connect to 'http://127.0.0.1:\(port)/path?…': ")
                && !text.contains("s3cret") && !text.contains("pa55")
        }
    }

    @Test("options out of range and an unreadable CA file fail at init")
    func invalidOptions() {
        #expect(throws: HTTPError.self) {
            try HTTPClient(options: HTTPClientOptions(totalTimeoutMilliseconds: 0))
        }
        #expect {
            try HTTPClient(options: HTTPClientOptions(caFile: "/nonexistent/ca.pem"))
        } throws: { error in
            "\(error)" == "Failed to read CA file '/nonexistent/ca.pem': No such file or directory"
        }
    }
}
