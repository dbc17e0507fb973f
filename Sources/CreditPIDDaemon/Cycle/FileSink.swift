import CreditPIDCore
import FoundationEssentials

/// `Sink=file`: the share, the time and the reason, written durably to a file for other
/// systems to read. The first line is the share alone (`42`), so `head -1` is enough:
///
///     42
///     time=2026-12-03T14:00:00Z
///     reason=on plan
public struct FileSink: RoutingSink {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var label: String { "file \(path)" }

    public func shareInForce(deadline: ContinuousClock.Instant) throws -> Double? {
        guard PosixFile.exists(path) else { return nil }
        let text = try PosixFile.readText(path)
        let first = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let share = Double(first.filter { $0 != " " && $0 != "\t" && $0 != "\r" }), share.isFinite, (0...100).contains(share) else {
            throw FileSinkError(path: path, reason: "its first line '\(first.prefix(40))' is not a share within 0-100")
        }
        return share
    }

    public func apply(_ share: Double, decision: Decision, at time: Date, dryRun: Bool,
                      deadline: ContinuousClock.Instant) throws -> RoutingOutcome {
        let text = "\(PlainNumber.format(share))\ntime=\(UTCTimestamp.format(time))\nreason=\(decision.reason)\n"
        if dryRun { return RoutingOutcome(action: .wouldWrite, text: text) }
        if try shareInForce(deadline: deadline) == share { return RoutingOutcome(action: .unchanged) }
        try PosixFile.writeDurably(Array(text.utf8), to: path, mode: 0o644)
        return RoutingOutcome(action: .written, text: text)
    }
}

public struct FileSinkError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Failed to read the share from '\(path)': \(reason)" }
}
