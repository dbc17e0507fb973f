@testable import CreditPIDGitHub
import CreditPIDHTTP
import Testing

/// The message of a GitHub error body, as error texts quote it.
@Suite("GitHub error messages")
struct GitHubMessageTests {
    private func message(_ json: String) -> String? {
        GitHubMessage(HTTPResponse(status: 422, body: Array(json.utf8)))?.text
    }

    @Test("only the first line is kept, whatever ends it",
          arguments: [#"{"message": "a\nb"}"#, #"{"message": "a\r\nb"}"#, #"{"message": "a\rb"}"#])
    func firstLine(json: String) {
        #expect(message(json) == "a")
    }

    @Test("bodies without a message give none")
    func noMessage() {
        #expect(message(#"{"documentation_url": "https://docs.github.com"}"#) == nil)
        #expect(message(#"{"message": ""}"#) == nil)
        #expect(message("not JSON") == nil)
    }
}

/// A 403 without Retry-After is told apart by its message alone: the stand-in always sends
/// Retry-After, so these scripted answers leave it out.
@Suite("GitHub 403 messages")
struct GitHubForbiddenMessageTests {
    private func error(answering body: String) throws -> GitHubError {
        let server = try ScriptedHTTPServer([.text(403, body)])
        defer { server.stop() }
        let configuration = GitHubConfiguration(apiURL: "http://127.0.0.1:\(server.port)",
                                                repository: try GitHubRepository("o/r"), issue: 1,
                                                token: Secret("ghp_ScriptedToken_1234"))
        let client = try GitHubClient(configuration: configuration, timing: VirtualTime().timing)
        return try #require(throws: GitHubError.self) { try client.settingsComment(deadline: nil) }
    }

    @Test("a message naming a rate limit pauses for the default wait")
    func secondaryLimit() throws {
        let error = try error(answering: #"{"message": "You have exceeded a secondary rate limit."}"#)
        guard case .rateLimited(_, let until, let reason) = error else {
            Issue.record("expected rateLimited, got \(error)")
            return
        }
        #expect(until == VirtualTime.wallStart.addingTimeInterval(RateLimitPause.defaultWait))
        #expect(reason == "a secondary rate limit")
    }

    @Test("any other message is a refusal that quotes it")
    func forbidden() throws {
        let error = try error(answering: #"{"message": "Resource not accessible by personal access token"}"#)
        guard case .forbidden(_, _, let message) = error else {
            Issue.record("expected forbidden, got \(error)")
            return
        }
        #expect(message == "Resource not accessible by personal access token")
    }
}
