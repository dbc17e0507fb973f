import CreditPIDHTTP

/// The two secrets the daemon may need. Each is optional here: whether a missing one is an
/// error depends on the rest of the configuration, and the loader decides that.
public struct Credentials: Sendable, Equatable {
    /// Sent to Ternary; from `$CREDENTIALS_DIRECTORY/ternary-api-key` or `TERNARY_API_KEY`.
    public var ternaryAPIKey: Secret?
    /// Sent to GitHub; from `$CREDENTIALS_DIRECTORY/github-token` or `GITHUB_TOKEN`.
    public var gitHubToken: Secret?

    public init(ternaryAPIKey: Secret? = nil, gitHubToken: Secret? = nil) {
        self.ternaryAPIKey = ternaryAPIKey
        self.gitHubToken = gitHubToken
    }
}
