import CreditPIDHTTP

/// The effective configuration as `credit-pid check` prints it: every key of every section,
/// defaults included, in the files' own syntax, so the output can be read back as a
/// configuration. Secrets show only whether they are set.
extension Configuration {
    public var effectiveText: String {
        var lines = ["# The effective configuration, read from:"]
        lines += sources.map { "#   \($0)" }
        for section in ConfigurationSchema.sections {
            lines += ["", "[\(section)]"]
            for key in ConfigurationSchema.keys where key.section == section {
                lines.append("\(key.name)=\(key.value(in: self))")
            }
        }
        lines += [
            "",
            "# Credentials",
            "#   \(CredentialStore.ternaryAPIKey.name): \(Configuration.shown(credentials.ternaryAPIKey))",
            "#   \(CredentialStore.gitHubToken.name): \(Configuration.shown(credentials.gitHubToken))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a secret is set, and its length (a wrong file shows as a wrong length).
    private static func shown(_ secret: Secret?) -> String {
        secret.map { "<set, \($0.reveal().utf8.count) bytes>" } ?? "<not set>"
    }
}
