import FoundationEssentials

/// An issue comment as the REST API returns it, reduced to what credit-pid uses.
public struct GitHubComment: Sendable, Equatable {
    public let id: Int
    /// The comment's Markdown, exactly as stored: JSON strings decode to the same scalars.
    public let body: String
    /// The comment's page, for messages a person can follow.
    public let htmlURL: String?
    /// The API URL of the issue the comment belongs to.
    public let issueURL: String?

    public init(id: Int, body: String, htmlURL: String? = nil, issueURL: String? = nil) {
        self.id = id
        self.body = body
        self.htmlURL = htmlURL
        self.issueURL = issueURL
    }

    /// How errors about the comment's settings name it.
    var settingsSource: String {
        htmlURL ?? "comment \(id)"
    }

    /// Whether two bodies are the same bytes. String's `==` would also equate texts that
    /// differ only in Unicode normalization, and a person's edit of that kind must survive too.
    func hasSameBody(as other: GitHubComment) -> Bool {
        body.utf8.elementsEqual(other.body.utf8)
    }
}

extension GitHubComment: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, body
        case htmlURL = "html_url"
        case issueURL = "issue_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        // GitHub sends null for a comment whose body was emptied.
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        htmlURL = try container.decodeIfPresent(String.self, forKey: .htmlURL)
        issueURL = try container.decodeIfPresent(String.self, forKey: .issueURL)
    }
}
