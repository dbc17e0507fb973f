import CreditPIDCore
import CreditPIDGitHub
import CreditPIDSettings
import FoundationEssentials

/// `Sink=github`: the runner determinator's settings comment, read and edited as it reads it.
public struct GitHubSink: RoutingSink {
    public let writer: ShareWriter
    /// How long one read or write may take, retries included, within the cycle's budget.
    public let budget: Duration

    public init(client: GitHubClient, budget: Duration) {
        writer = ShareWriter(client: client)
        self.budget = budget
    }

    public var label: String { "github \(writer.client.configuration.issueReference)" }

    public func shareInForce(deadline: ContinuousClock.Instant) throws -> Double? {
        try writer.currentSettings(deadline: min(deadline, .now + budget)).share
    }

    public func apply(_ share: Double, decision: Decision, at time: Date, dryRun: Bool,
                      deadline: ContinuousClock.Instant) throws -> RoutingOutcome {
        let result = try writer.apply(share, dryRun: dryRun, deadline: min(deadline, .now + budget))
        let action: RoutingOutcome.Action
        switch result.action {
        case .unchanged: action = .unchanged
        case .written: action = .written
        case .wouldWrite: action = .wouldWrite
        }
        return RoutingOutcome(action: action, text: result.text, redoneOnNewerText: result.redoneOnNewerText)
    }
}
