import CreditPIDGitHub
import CreditPIDHTTP
import Testing

/// Configuration mistakes fail before any request, with the value named and the token not.
@Suite("GitHub configuration")
struct GitHubConfigurationTests {
    @Test("repositories", arguments: ["pytorch/test-infra", "a/b", "my-org/repo.name_2", "x/.github"])
    func validRepositories(text: String) throws {
        #expect(try GitHubRepository(text).description == text)
    }

    @Test("malformed repositories name the problem", arguments: [
        ("pytorch", "expected 'owner/name'"), ("a/b/c", "expected 'owner/name'"), ("/repo", "the owner ''"),
        ("-bad/repo", "the owner '-bad'"), ("owner/", "the name ''"), ("owner/..", "the name '..'"),
        ("owner/re po", "the name 're po'"), ("own?er/repo", "the owner 'own?er'"),
        ("o/\(String(repeating: "r", count: 101))", "at most 100"),
    ])
    func invalidRepositories(text: String, reason: String) {
        let error = #expect(throws: GitHubRepository.ParseError.self) { try GitHubRepository(text) }
        #expect(error?.description.hasPrefix("Failed to parse repository '\(text)': ") == true)
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    static let secret = "ghp_ConfigSecret_99887766554433221100"

    func configuration(apiURL: String = "https://api.github.com", issue: Int = 5132, commentID: Int? = nil,
                       token: String = secret) throws -> GitHubConfiguration
    {
        GitHubConfiguration(apiURL: apiURL, repository: try GitHubRepository("pytorch/test-infra"), issue: issue,
                            commentID: commentID, token: Secret(token))
    }

    @Test("invalid values are refused", arguments: [
        ("http://api.github.com", 5132, nil, secret, "Refusing plain http://"),
        ("not a url", 5132, nil, secret, "the API URL is not usable"),
        ("https://api.github.com", 0, nil, secret, "the issue number 0 is not positive"),
        ("https://api.github.com", 1, -4, secret, "the comment ID -4 is not positive"),
        ("https://api.github.com", 1, nil, "", "the GitHub token is empty"),
        ("https://api.github.com", 1, nil, secret + "\n", "holds spaces, line breaks"),
    ] as [(String, Int, Int?, String, String)])
    func invalid(apiURL: String, issue: Int, commentID: Int?, token: String, message: String) throws {
        let configuration = try configuration(apiURL: apiURL, issue: issue, commentID: commentID, token: token)
        let error = #expect(throws: GitHubError.self) { try GitHubClient(configuration: configuration) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.contains(Self.secret) == false)
    }

    @Test("printing a configuration never shows the token")
    func tokenHidden() throws {
        let configuration = try configuration(commentID: 77)
        #expect("\(configuration)" == "https://api.github.com pytorch/test-infra#5132, comment 77, token set")
        #expect(!String(reflecting: configuration).contains(Self.secret))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains(Self.secret))
    }
}
