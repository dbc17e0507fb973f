import CreditPIDCore
import FoundationEssentials

/// Where the decided share goes, and where the share in force is read back from.
public protocol RoutingSink: Sendable {
    /// A short name for logs: "github pytorch/test-infra#5132", "file /run/…".
    var label: String { get }
    /// The share in force now, or nil when the sink cannot tell (nothing written yet).
    /// Gives up at `deadline`, the end of the cycle's time budget.
    func shareInForce(deadline: ContinuousClock.Instant) throws -> Double?
    /// Applies `share` (or, in a dry run, says what would change); returns what happened.
    func apply(_ share: Double, decision: Decision, at time: Date, dryRun: Bool,
               deadline: ContinuousClock.Instant) throws -> RoutingOutcome
}

public struct RoutingOutcome: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        case unchanged, written, wouldWrite = "would-write", loggedOnly = "logged-only"
    }

    public var action: Action
    /// What was (or would be) written, for the journal: the edited comment, the file.
    public var text: String?
    /// The settings comment was edited by someone meanwhile and the share set in their text.
    public var redoneOnNewerText = false

    public init(action: Action, text: String? = nil, redoneOnNewerText: Bool = false) {
        self.action = action
        self.text = text
        self.redoneOnNewerText = redoneOnNewerText
    }
}
