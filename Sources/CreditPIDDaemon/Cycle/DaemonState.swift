import CreditPIDCore
import FoundationEssentials

/// What the daemon saves after every cycle (state.json, inside the `credit-pid-state/1`
/// envelope) so that a restart goes on where it stopped.
public struct DaemonState: Codable, Sendable, Equatable {
    /// Which controller the state belongs to: a state of the other mode is not restored.
    public var mode: String
    public var pacing: PacingState?
    public var seed: SeedCronController.State?
    /// The share last applied (or, with Sink=none, decided), and when.
    public var share: Double?
    public var shareSetAt: Date?
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
