import CreditPIDHTTP

/// Where the two secrets come from: systemd's LoadCredential= (`$CREDENTIALS_DIRECTORY/NAME`,
/// readable only by this service) first, else an environment variable for runs by hand.
/// A secret never appears in a diagnostic: only its name and where it was looked for.
struct CredentialStore {
    static let ternaryAPIKey = (name: "ternary-api-key", variable: "TERNARY_API_KEY")
    static let gitHubToken = (name: "github-token", variable: "GITHUB_TOKEN")

    let environment: [String: String]

    func load(_ diagnostics: inout Diagnostics, file: String) -> Credentials {
        Credentials(
            ternaryAPIKey: secret(CredentialStore.ternaryAPIKey, &diagnostics, file: file),
            gitHubToken: secret(CredentialStore.gitHubToken, &diagnostics, file: file))
    }

    /// Nil when neither place has a non-empty value. Trailing line breaks and blanks are not
    /// part of a key: `echo KEY > file` must work.
    private func secret(
        _ credential: (name: String, variable: String), _ diagnostics: inout Diagnostics, file: String
    ) -> Secret? {
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let path = directory + "/" + credential.name
            if PosixFile.exists(path) {
                do {
                    return CredentialStore.nonEmpty(try PosixFile.readText(path))
                } catch {
                    diagnostics.error(file: file, line: nil, "Failed to read credential '\(credential.name)': \(error.reason)")
                    return nil
                }
            }
        }
        return environment[credential.variable].flatMap(CredentialStore.nonEmpty)
    }

    private static func nonEmpty(_ text: String) -> Secret? {
        var value = Substring(text)
        while let last = value.last, last.isWhitespace { value.removeLast() }
        return value.isEmpty ? nil : Secret(String(value))
    }
}
