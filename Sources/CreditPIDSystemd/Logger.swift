/// The daemon's one way to log. The sink is chosen once (see `LogSink.detect`); a native entry
/// that journald refuses is written to stderr instead, so nothing is lost.
///
/// Extra fields carry the figures (`CREDIT_PID_SHARE=42`); the message text stays readable on
/// its own, because the `<N>` stream and the console carry only the text.
public struct Logger: Sendable {
    public let identifier: String
    public let sink: LogSink
    public let minimumLevel: LogLevel
    /// Longer values (an HTTP body in an error) are cut to this many bytes, saying so.
    public let maximumValueBytes: Int
    let descriptor: Int32

    public init(
        identifier: String = "credit-pid", sink: LogSink, minimumLevel: LogLevel = .info,
        maximumValueBytes: Int = 4096, descriptor: Int32 = 2
    ) {
        self.identifier = identifier
        self.sink = sink
        self.minimumLevel = minimumLevel
        self.maximumValueBytes = maximumValueBytes
        self.descriptor = descriptor
    }

    /// The logger for this process: the sink from its environment, and
    /// `CREDIT_PID_LOG_LEVEL=debug` (or another level name) to change what is kept.
    public static func standard(environment: [String: String]) -> Logger {
        let level = environment["CREDIT_PID_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .info
        return Logger(sink: LogSink.detect(environment: environment), minimumLevel: level)
    }

    public func log(
        _ level: LogLevel, _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        guard level >= minimumLevel else { return }
        let entry = JournalEntry(
            level: level, message: message, identifier: identifier, id: id, extra: fields,
            file: file, line: line, function: function, maximumValueBytes: maximumValueBytes)
        if sink == .journal, (try? Journal.send(entry)) != nil { return }
        FileDescriptor.write(Logger.line(for: entry, level: level, sink: sink), to: descriptor)
    }

    /// The stderr form of an entry. On the journal stream a newline would start a new entry,
    /// so newlines are escaped there; on a console they are kept for the reader.
    static func line(for entry: JournalEntry, level: LogLevel, sink: LogSink) -> String {
        switch sink {
        case .console:
            return "\(level.name): \(entry.message)\n"
        case .journal, .journalStream:
            return "<\(level.rawValue)>\(streamEscaped(entry.message))\n"
        }
    }

    /// Each backslash, CR and LF becomes `\\`, `\r` or `\n`. Scalar by scalar: Swift reads
    /// "\r\n" as one Character, equal to neither "\r" nor "\n", so a Character match misses it.
    static func streamEscaped(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: #"\\"#.unicodeScalars)
            case "\r": escaped.append(contentsOf: #"\r"#.unicodeScalars)
            case "\n": escaped.append(contentsOf: #"\n"#.unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    public func debug(
        _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        log(.debug, message, id: id, fields: fields, file: file, line: line, function: function)
    }

    public func info(
        _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        log(.info, message, id: id, fields: fields, file: file, line: line, function: function)
    }

    public func notice(
        _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        log(.notice, message, id: id, fields: fields, file: file, line: line, function: function)
    }

    public func warning(
        _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        log(.warning, message, id: id, fields: fields, file: file, line: line, function: function)
    }

    public func error(
        _ message: String, id: MessageID? = nil, fields: [String: String] = [:],
        file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        log(.error, message, id: id, fields: fields, file: file, line: line, function: function)
    }
}
