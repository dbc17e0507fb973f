import FoundationEssentials

/// Where the controller reads the credits spent. The daemon answers from the Ternary
/// FinOps API, the simulator from a scenario's plant; the controller cannot tell the
/// two apart, so what it does in simulation is what it does in production.
public protocol SpendSource {
    /// The credits spent in `[start, end)` (UTC) that are visible now, in USD, never
    /// negative. Billing data is late: hours near `end` may be missing, and are
    /// missing in the same way from every query made at the same moment.
    func spend(from start: Date, to end: Date) throws -> Double
}
