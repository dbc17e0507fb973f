/// Keys and credentials that are required only in some configurations. Checked after every
/// file is applied, since a drop-in may supply what the main file lacks.
enum ConfigurationRequirements {
    static func check(_ configuration: Configuration, file: String, _ diagnostics: inout Diagnostics) {
        let simulated = configuration.simulation.scenario != nil
        if !simulated {
            if configuration.ternary.tenantID == nil {
                diagnostics.error(file: file, line: nil, "Missing [Ternary] TenantID=: required unless [Simulation] Scenario= is set")
            }
            if configuration.ternary.projectID == nil {
                diagnostics.error(file: file, line: nil, "Missing [Ternary] ProjectID=: required unless [Simulation] Scenario= is set")
            }
            if configuration.credentials.ternaryAPIKey == nil {
                diagnostics.error(file: file, line: nil, missing(CredentialStore.ternaryAPIKey, "unless [Simulation] Scenario= is set"))
            }
        }
        let routing = configuration.routing
        if routing.sink == .file && routing.file == nil {
            diagnostics.error(file: file, line: nil, "Missing [Routing] File=: required when Sink=file")
        }
        if routing.sink == .github && !routing.dryRun && configuration.credentials.gitHubToken == nil {
            diagnostics.error(file: file, line: nil, missing(CredentialStore.gitHubToken, "when Sink=github and DryRun=no"))
        }
    }

    private static func missing(_ credential: (name: String, variable: String), _ condition: String) -> String {
        "Missing credential '\(credential.name)' ($CREDENTIALS_DIRECTORY/\(credential.name) or $\(credential.variable)): required \(condition)"
    }
}
