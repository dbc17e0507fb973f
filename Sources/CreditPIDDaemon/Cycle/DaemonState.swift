import CreditPIDCore
import FoundationEssentials

/// What the daemon saves after every cycle (state.json, inside the `credit-pid-state/1`
/// envelope) so that a restart goes on where it stopped.
public struct DaemonState: Codable, Sendable, Equatable {
    /// Which controller the state belongs to: a state of the other mode is not restored.
    public var mode: String
    public var pacing: PacingState?
    public var seed: SeedCronController.State?
    /// The share in force after the last cycle (with Sink=none: the last one decided), and
    /// since when it has been.
    public var share: Double?
    public var shareSetAt: Date?
    /// What the last cycle decided, and what became of it ("written", "unchanged",
    /// "would-write" in a dry run, "logged-only", or "failed").
    public var decidedShare: Double?
    public var applied: String?
    /// The last time the spend could be read.
    public var lastSpendRead: Date?
    /// The last cycle's decision, for `credit-pid status`.
    public var lastDecision: Decision?
    public var lastCycle: Date?
    /// Why the last cycle did not decide, if it did not.
    public var lastProblem: String?

    public init(mode: String) {
        self.mode = mode
    }
}
