/// The syslog priorities the daemon uses; the raw value is journald's PRIORITY=.
public enum LogLevel: Int32, Sendable, Comparable, CaseIterable {
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7

    /// The word a plain stderr line starts with.
    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .notice: "notice"
        case .info: "info"
        case .debug: "debug"
        }
    }

    /// Ordered by severity, debug < error (syslog numbers run the other way).
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue > rhs.rawValue
    }

    /// `CREDIT_PID_LOG_LEVEL=debug` and the like; nil for anything else.
    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.name == name.lowercased() }) else {
            return nil
        }
        self = level
    }
}
