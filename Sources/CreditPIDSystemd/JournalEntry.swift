/// One log entry as journal fields, in the order they are sent. Building it is pure, so the
/// rules (field names, cut values, the caller's location) are tested without a journald.
public struct JournalEntry: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []

    /// Names the logger sets itself; an extra field may not replace them.
    static let reservedNames: Set<String> = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
    ]

    public init(
        level: LogLevel, message: String, identifier: String, id: MessageID?,
        extra: [String: String], file: String, line: Int, function: String,
        maximumValueBytes: Int
    ) {
        func add(_ name: String, _ value: String) {
            fields.append((name, JournalEntry.cut(value, to: maximumValueBytes)))
        }
        add("MESSAGE", message)
        add("PRIORITY", String(level.rawValue))
        add("SYSLOG_IDENTIFIER", identifier)
        if let id { add("MESSAGE_ID", id.hex) }
        add("CODE_FILE", file)
        add("CODE_LINE", String(line))
        add("CODE_FUNC", function)
        var invalid: [String] = []
        for name in extra.keys.sorted() {
            if JournalEntry.isValidExtraName(name) {
                add(name, extra[name]!)
            } else {
                invalid.append("'\(name)'")
            }
        }
        // Dropping a field silently would hide a programming error; failing the log call
        // would lose the entry. The entry goes out and says what it could not carry.
        if !invalid.isEmpty { add("CREDIT_PID_INVALID_FIELD_NAMES", invalid.joined(separator: " ")) }
    }

    public var message: String { value(of: "MESSAGE") ?? "" }

    public func value(of name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// journald's rule for field names a client may set: A-Z, 0-9 and `_`, not starting with
    /// `_` (trusted fields) or a digit, at most 64 bytes; plus not one the logger sets.
    public static func isValidExtraName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64,
              first != UInt8(ascii: "_"), !isDigit(first),
              !reservedNames.contains(name)
        else {
            return false
        }
        return name.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") || isUpper($0) }
    }

    /// Cuts `value` to at most `limit` bytes of UTF-8 (on a character boundary) and says so,
    /// so that an HTTP body in an error cannot flood the journal and a reader knows it was cut.
    public static func cut(_ value: String, to limit: Int) -> String {
        let total = value.utf8.count
        guard total > limit else { return value }
        var kept = ""
        var keptBytes = 0
        for character in value {
            let size = character.utf8.count
            if keptBytes + size > limit { break }
            kept.append(character)
            keptBytes += size
        }
        return kept + " [… \(total - keptBytes) of \(total) bytes cut]"
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isUpper(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    public static func == (lhs: JournalEntry, rhs: JournalEntry) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
