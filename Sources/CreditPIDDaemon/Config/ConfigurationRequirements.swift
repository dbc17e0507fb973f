/// Keys and credentials that are required only in some configurations. Checked after every
/// file is applied, since a drop-in may supply what the main file lacks.
enum ConfigurationRequirements {
    /// `credentials: false` leaves out the credentials (for `status`, which sends nothing).
    static func check(_ configuration: Configuration, file: String, credentials: Bool = true,
                      _ diagnostics: inout Diagnostics) {
        let simulated = configuration.simulation.scenario != nil
        if !simulated {
            if configuration.ternary.tenantID == nil {
                diagnostics.error(file: file, line: nil, "Missing [Ternary] TenantID=: required unless [Simulation] Scenario= is set")
            }
            if configuration.ternary.projectID == nil {
                diagnostics.error(file: file, line: nil, "Missing [Ternary] ProjectID=: required unless [Simulation] Scenario= is set")
            }
            if credentials, configuration.credentials.ternaryAPIKey == nil {
                diagnostics.error(file: file, line: nil, missing(CredentialStore.ternaryAPIKey, "unless [Simulation] Scenario= is set"))
            }
        }
        let routing = configuration.routing
        if routing.sink == .file && routing.file == nil {
            diagnostics.error(file: file, line: nil, "Missing [Routing] File=: required when Sink=file")
        }
        if credentials, routing.sink == .github && configuration.credentials.gitHubToken == nil {
            diagnostics.error(file: file, line: nil,
                              missing(CredentialStore.gitHubToken, "when Sink=github (a dry run reads the comment too)"))
        }
    }

    private static func missing(_ credential: (name: String, variable: String), _ condition: String) -> String {
        "Missing credential '\(credential.name)' ($CREDENTIALS_DIRECTORY/\(credential.name) or $\(credential.variable)): required \(condition)"
    }
}
