/// Why a configuration was not accepted: every error found, not only the first, so that one
/// `credit-pid check` shows all there is to fix.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [ConfigurationDiagnostic]
    /// What would have been ignored (unknown keys): often the cause of a missing value.
    public var warnings: [ConfigurationDiagnostic]

    public init(_ diagnostics: [ConfigurationDiagnostic], warnings: [ConfigurationDiagnostic] = []) {
        self.diagnostics = diagnostics
        self.warnings = warnings
    }

    /// One line per diagnostic.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// All diagnostics on one line, for a journal entry or a STATUS= text.
    public var summary: String {
        diagnostics.map(\.description).joined(separator: "; ")
    }
}
