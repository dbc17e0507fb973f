/// One configuration file split into assignments, systemd style: `[Section]` headers,
/// `Key=Value` lines, `#` and `;` comments, a trailing backslash continuing the line.
/// Only the syntax is checked here; what a key means is `ConfigurationSchema`'s business.
struct INIDocument {
    struct Assignment: Equatable {
        var section: String
        var key: String
        var value: String
        /// The 1-based line the assignment starts on.
        var line: Int
    }

    /// A section header seen, with its line: an unknown one is warned about once.
    struct SectionHeader: Equatable {
        var name: String
        var line: Int
    }

    let path: String
    private(set) var assignments: [Assignment] = []
    private(set) var sections: [SectionHeader] = []

    /// Throws the first syntax error: a file that cannot be read as a whole is not applied.
    init(path: String, text: String) throws(ConfigurationError) {
        self.path = path
        var section: String?
        for (number, line) in INIDocument.logicalLines(of: text) {
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                section = try parseHeader(trimmed, line: number)
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw diagnostic(number, "Failed to parse line '\(trimmed)': expected [Section], Key=Value or a comment")
            }
            let key = String(trimmed[..<equals]).trimmingBlanks()
            let value = String(trimmed[trimmed.index(after: equals)...]).trimmingBlanks()
            guard let section else {
                throw diagnostic(number, "Failed to parse '\(key)=': assignment outside of any [Section]")
            }
            guard !key.isEmpty else {
                throw diagnostic(number, "Failed to parse line '\(trimmed)': missing key before '='")
            }
            assignments.append(Assignment(section: section, key: key, value: value, line: number))
        }
    }

    private mutating func parseHeader(_ text: String, line: Int) throws(ConfigurationError) -> String {
        guard text.hasSuffix("]"), text.count > 2 else {
            throw diagnostic(line, "Failed to parse section header '\(text)': expected [Name]")
        }
        let name = String(text.dropFirst().dropLast()).trimmingBlanks()
        sections.append(SectionHeader(name: name, line: line))
        return name
    }

    private func diagnostic(_ line: Int, _ message: String) -> ConfigurationError {
        ConfigurationError([ConfigurationDiagnostic(file: path, line: line, message: message)])
    }

    /// Physical lines joined where one ends in a backslash (replaced by a space, as systemd
    /// does), each numbered by the line it starts on. A comment line does not continue.
    static func logicalLines(of text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var pending: (start: Int, text: String)?
        var number = 0
        // "\r\n" is one Character in Swift: both endings must be named.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = String(raw)
            let trimmed = line.trimmingBlanks()
            let isComment = pending == nil && (trimmed.hasPrefix("#") || trimmed.hasPrefix(";"))
            let start = pending?.start ?? number
            let joined = (pending.map { $0.text + " " } ?? "") + line
            if !isComment && trimmed.hasSuffix("\\") {
                pending = (start, String(joined.trimmingBlanks().dropLast()))
            } else {
                result.append((start, joined))
                pending = nil
            }
        }
        if let pending { result.append((pending.start, pending.text)) }
        return result
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (FoundationEssentials has no `trimmingCharacters`).
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
