import CreditPIDHTTP
import CreditPIDTernary
import Foundation
import Testing

@Suite("Ternary client: each failure has its own clear error, and never shows the key")
struct TernaryFailureTests {
    private let start = TernaryFixtures.date("2026-08-01T00:00:00Z")
    private let end = TernaryFixtures.date("2026-08-20T00:00:00Z")

    private func failure(_ reply: ScriptedHTTPServer.Reply) throws -> String {
        let server = try ScriptedHTTPServer([reply])
        let client = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port))
        let result = Result { try client.spend(from: start, to: end) }
        let text = message(result)
        #expect(!text.isEmpty, "expected a failure")
        #expect(!text.contains(TernaryFixtures.key))
        return text
    }

    @Test("401 and 403 say the key was refused and how to rotate it, even when the body echoes the key",
          arguments: [401, 403])
    func keyRefused(status: Int) throws {
        let text = try failure(.text(status, "{\"error\":\"key \(TernaryFixtures.key) expired\"}"))
        #expect(text == "Ternary refused the API key (HTTP \(status), body '{\"error\":\"key (redacted) expired\"}'): "
            + (status == 403 ? "if [Ternary] TenantID is right, the key lacks access to it; " : "")
            + "replace the credential file 'ternary-api-key' with a valid key (or TERNARY_API_KEY when run by hand), "
            + "then run 'systemctl restart credit-pid' (systemd hands credentials over at start)")
    }

    @Test("a long error body is cut, and the cut is counted")
    func excerptCut() throws {
        let text = try failure(.text(500, "E" + String(repeating: "x", count: 4_999)))
        #expect(text == "Failed to query Ternary spend: HTTP 500, body 'E\(String(repeating: "x", count: 199))' "
            + "(4800 more bytes cut)")
    }

    @Test("whitespace in an excerpt is folded and an empty body says so")
    func excerptShape() throws {
        #expect(try failure(.text(503, "line one\r\n\n\tline two"))
            == "Failed to query Ternary spend: HTTP 503, body 'line one line two'")
        #expect(try failure(.text(500, "")) == "Failed to query Ternary spend: HTTP 500, body (empty)")
    }

    @Test("bodies that are JSON but not the expected shape", arguments: [
        (#"{"response":[{"credits":"-12.5"}]}"#, "row 1 has 'credits' that is a string, not a number"),
        (#"{"response":[{"credits":-1},{"credits":null}]}"#, "row 2 has no 'credits'"),
        (#"{"response":[{"projectId":"999999999999","credits":-3}]}"#,
         "row 1 is for project '999999999999', not '123456789012'"),
        (#"{"response":[7]}"#, "row 1 is a number, not an object"),
        (#"{"data":[]}"#, "expected an object with a 'response' list, got an object without one"),
        (#"[]"#, "expected an object with a 'response' list, got a list"),
        (#"{"response":{"credits":-1}}"#, "expected an object with a 'response' list, got an object without one"),
        (#"{"response":[{"credits":-1e999}]}"#, "the body is not JSON"),
        (#"{"response":[{"projectId":"1","#, "the body is not JSON"),
    ])
    func malformed(body: String, problem: String) throws {
        let text = try failure(.text(200, body))
        #expect(text.hasPrefix("Failed to parse the Ternary spend reply (HTTP 200): \(problem); body '"))
    }

    @Test("a window that ends before it starts is refused, an empty one costs nothing: neither is sent")
    func windows() throws {
        let server = try ScriptedHTTPServer([.text(200, #"{"response":[]}"#)])
        let client = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port))
        #expect {
            try client.spend(from: end, to: start)
        } throws: { error in
            "\(error)" == "Failed to query Ternary spend: the window '2026-08-20T00:00:00.000Z' to "
                + "'2026-08-01T00:00:00.000Z' ends before it starts"
        }
        #expect(try client.spend(from: start, to: start) == 0)
        #expect(server.requests.isEmpty)
    }

    @Test("an unusable configuration fails when the client is made, naming what is wrong")
    func configuration() throws {
        func problem(_ change: (inout TernaryConfiguration) -> Void) -> String {
            var configuration = TernaryFixtures.configuration(port: 1)
            change(&configuration)
            do {
                _ = try TernaryClient(configuration: configuration)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(problem { $0.baseURL = "http://api.ternary.app" }.hasPrefix(
            "Failed to configure the Ternary client: Refusing plain http:// to 'http://api.ternary.app'"))
        #expect(problem { $0.baseURL = "https://api.ternary.app?x=1" }.contains("has a query or fragment"))
        #expect(problem { $0.tenantID = "" } == "Failed to configure the Ternary client: the tenant ID is empty")
        #expect(problem { $0.projectID = "" } == "Failed to configure the Ternary client: the project ID is empty")
        #expect(problem { $0.apiKey = Secret(" \n") } == "Failed to configure the Ternary client: the API key is empty")
        #expect(problem { $0.apiKey = Secret("two words") }
            == "Failed to configure the Ternary client: the API key holds spaces, control or non-ASCII characters")
        #expect(problem { $0.caFile = "/nonexistent.pem" }
            == "Failed to configure the Ternary client: Failed to read CA file '/nonexistent.pem': "
            + "No such file or directory")
        #expect(problem { $0.baseURL = TernaryConfiguration.defaultBaseURL + "/" } == "")
    }

    @Test("the key file's trailing newline is not sent; the configuration never prints the key")
    func keyHandling() throws {
        let server = try ScriptedHTTPServer([.text(200, #"{"response":[]}"#)])
        let configuration = TernaryFixtures.configuration(port: server.port, key: TernaryFixtures.key + "\n")
        let client = try TernaryClient(configuration: configuration)
        _ = try client.spend(from: start, to: end)
        #expect(server.requests.first?.headers["authorization"] == "Bearer \(TernaryFixtures.key)")
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!"\(configuration)".contains(TernaryFixtures.key))
        #expect(!String(reflecting: configuration).contains(TernaryFixtures.key))
        #expect(!dumped.contains(TernaryFixtures.key))
    }
}
