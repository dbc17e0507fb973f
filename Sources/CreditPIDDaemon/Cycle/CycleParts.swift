import CreditPIDCore
import CreditPIDGitHub
import CreditPIDHTTP
import CreditPIDTernary
import FoundationEssentials

/// The two outside ends of a cycle, built from a configuration: where the spend is read and
/// where the share goes. A reload builds new ones (a rotated key or token arrives that way)
/// and swaps them in only if all of them could be built.
struct CycleParts {
    var spend: any BoundedSpendSource
    var sink: any RoutingSink
    /// The simulated plant, when `[Simulation] Scenario=` replaces Ternary.
    var simulation: ScenarioSpendSource?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func make(_ configuration: Configuration, clock: any ServiceClock,
                     onRetry: @escaping @Sendable (HTTPRetryEvent) -> Void) throws -> CycleParts {
        let simulation = try configuration.simulation.scenario.map { path in
            ScenarioSpendSource(scenario: try ScenarioFile.load(path), clock: clock)
        }
        let spend: any BoundedSpendSource = try simulation ?? ternary(configuration, onRetry: onRetry)
        var sink = try makeSink(configuration, onRetry: onRetry)
        if let simulation { sink = SimulatedRouting(sink: sink, plant: simulation) }
        return CycleParts(spend: spend, sink: sink, simulation: simulation)
    }

    private static func ternary(_ configuration: Configuration,
                                onRetry: @escaping @Sendable (HTTPRetryEvent) -> Void) throws -> TernaryClient {
        let ternary = configuration.ternary
        guard let tenant = ternary.tenantID, let project = ternary.projectID else {
            throw Failure(description: "[Ternary] TenantID and ProjectID are needed to read the spend")
        }
        guard let key = configuration.credentials.ternaryAPIKey else {
            throw Failure(description: "no Ternary API key: give it as the credential 'ternary-api-key' "
                          + "(LoadCredential=) or in TERNARY_API_KEY")
        }
        let timeout = Int(ternary.timeout * 1000)
        return try TernaryClient(
            configuration: TernaryConfiguration(
                baseURL: ternary.url.absoluteString, tenantID: tenant, projectID: project,
                apiKey: key, timeoutMilliseconds: timeout,
                connectTimeoutMilliseconds: min(timeout, 5_000), caFile: ternary.caFile,
                budgetMilliseconds: timeout * 3),
            onRetry: onRetry)
    }

    private static func makeSink(_ configuration: Configuration,
                                 onRetry: @escaping @Sendable (HTTPRetryEvent) -> Void) throws -> any RoutingSink {
        let routing = configuration.routing
        switch routing.sink {
        case .none:
            return LogOnlySink()
        case .file:
            guard let path = routing.file else { throw Failure(description: "[Routing] Sink=file needs File=") }
            return FileSink(path: path)
        case .github:
            let repository: GitHubRepository
            do {
                repository = try GitHubRepository(routing.repository)
            } catch {
                throw Failure(description: "\(error)")
            }
            let token = configuration.credentials.gitHubToken ?? Secret("")
            let timeout = Int(routing.timeout * 1000)
            let client = try GitHubClient(
                configuration: GitHubConfiguration(
                    apiURL: routing.gitHubURL.absoluteString, repository: repository, issue: routing.issue,
                    commentID: routing.commentID, token: token, caFile: routing.caFile,
                    connectTimeoutMilliseconds: min(timeout, 5_000), totalTimeoutMilliseconds: timeout),
                onRetry: onRetry)
            return GitHubSink(client: client, budget: .milliseconds(timeout * 3))
        }
    }
}
