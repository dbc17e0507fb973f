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
