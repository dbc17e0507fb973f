import FoundationEssentials

/// A controller that decides the routing share once per cycle. The pacing controller and the
/// original's arithmetic both conform, and the daemon and the simulator drive either the same
/// way: the simulator cannot be told from production by the controller.
public protocol ShareController: Sendable {
    /// Decides the share for the coming interval. Throws when the spend cannot be read; the
    /// caller then keeps the share in force (see `StalePolicy`).
    mutating func decide(_ context: DecisionContext, spend: any SpendSource) throws -> Decision
}
