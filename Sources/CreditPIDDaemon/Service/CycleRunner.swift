import FoundationEssentials

/// What the service loop drives: the control cycle. The loop owns time, signals and systemd;
/// the runner owns the decision and its I/O. The loop calls both methods from one serial
/// queue, so a runner needs no locking of its own.
public protocol CycleRunner: AnyObject {
    /// One control cycle at wall time `now` (UTC, from the service clock). The loop never calls
    /// it while another cycle runs. It does its own logging of decisions and failures.
    func runCycle(at now: Date) -> CycleReport
    /// A reloaded configuration (already validated by the loader). Throws, changing nothing,
    /// if the runner cannot use it; the loop then keeps the previous configuration.
    func reconfigure(_ configuration: Configuration) throws
}

/// What the loop needs to know after a cycle: the line systemd shows as the unit's status.
public struct CycleReport: Sendable {
    /// The short STATUS= line, e.g. "share 42%, $212k of $500k, on track".
    public var status: String

    public init(status: String) {
        self.status = status
    }
}
