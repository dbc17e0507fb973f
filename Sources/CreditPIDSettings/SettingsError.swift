/// Why a settings comment cannot be read, or a share cannot be written into it. The
/// description names the input (`source`: a file, standard input, a GitHub comment) and what
/// is wrong in it, in systemd's grammar: "Failed to read the settings in '…': …".
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case noSeparator
        /// Only blanks, backticks or a YAML comment before the first `---` (at that position).
        case noSettings(separator: TextPosition)
        case syntax(TextPosition, problem: String)
        case tooDeep(TextPosition, limit: Int)
        case unsupportedTag(String, TextPosition)
        /// A plain scalar of YAML 1.1 type `type` (by its form) that PyYAML fails to construct.
        case unconstructible(value: String, type: String, TextPosition)
        /// A list or a mapping used as a mapping key.
        case unhashableKey(TextPosition)
        case notAMapping(path: String, found: String, TextPosition)
        case missingKey(path: String, key: String)
        case duplicateKey(path: String, first: TextPosition, second: TextPosition)
        case mergeKey(path: String, TextPosition)
        /// The share's value as written, what YAML 1.1 reads it as, and a hint when one helps.
        case notANumber(path: String, value: String, readsAs: String, hint: String?, TextPosition)
        /// Editing: the requested share, as given.
        case shareOutOfRange(String)
        /// Editing: a node on the way to the share carries an anchor, so aliases may share it.
        case sharedValue(path: String, anchor: String, TextPosition)
        /// Editing: the edited text did not read back as the same settings with the new share.
        case editNotVerified(String)

        public var description: String {
            switch self {
            case .noSeparator:
                return "no '---' in the comment, so the runner determinator finds no settings "
                    + "(they are the text before the first '---')"
            case .noSettings(let separator):
                return "nothing but blanks, backticks or a YAML comment before the first '---' "
                    + "(\(separator)), so the runner determinator finds no settings; "
                    + "a '---' inside a YAML comment or a word counts too"
            case .syntax(let position, let problem):
                return "\(position): \(problem); the runner determinator would run with no experiments"
            case .tooDeep(let position, let limit):
                return "\(position): nested more than \(limit) levels deep"
            case .unsupportedTag(let tag, let position):
                return "\(position): the tag '\(tag)' has no constructor in PyYAML's safe loader, "
                    + "so the runner determinator would run with no experiments"
            case .unconstructible(let value, let type, let position):
                return "\(position): '\(value)' has the form of YAML 1.1's \(type) type, but PyYAML cannot "
                    + "construct it, so the runner determinator would run with no experiments"
            case .unhashableKey(let position):
                return "\(position): a list or mapping is used as a key, which PyYAML cannot load, "
                    + "so the runner determinator would run with no experiments"
            case .notAMapping(let path, let found, let position):
                return "\(position): \(Self.name(path)) is \(found), not a mapping"
            case .missingKey(let path, let key):
                return "no '\(key)' in \(Self.name(path))"
            case .duplicateKey(let path, let first, let second):
                return "'\(path)' is given twice (\(first) and \(second)): the settings are ambiguous"
            case .mergeKey(let path, let position):
                return "\(position): \(Self.name(path)) takes keys from a merge ('<<'); "
                    + "credit-pid reads only values written in place"
            case .notANumber(let path, let value, let readsAs, let hint, let position):
                let tail = hint.map { " (\($0))" } ?? ""
                return "\(position): '\(path)' is '\(value)', which YAML 1.1 reads as \(readsAs), "
                    + "not a number\(tail)"
            case .shareOutOfRange(let share):
                return "the share '\(share)' is not a finite number within 0...100"
            case .sharedValue(let path, let anchor, let position):
                return "\(position): \(Self.name(path)) carries the anchor '&\(anchor)', so an alias may "
                    + "share the value an edit would change; remove the anchor"
            case .editNotVerified(let why):
                return "the edited comment did not read back as expected: \(why)"
            }
        }

        private static func name(_ path: String) -> String {
            path.isEmpty ? "the top level of the settings" : "'\(path)'"
        }

        var isEditing: Bool {
            switch self {
            case .shareOutOfRange, .sharedValue, .editNotVerified: true
            default: false
            }
        }
    }

    /// Names the input: a file name, "standard input", a GitHub comment.
    public let source: String
    public let reason: Reason

    public init(source: String, reason: Reason) {
        self.source = source
        self.reason = reason
    }

    public var description: String {
        let verb = reason.isEditing ? "set the share in" : "read the settings in"
        return "Failed to \(verb) '\(source)': \(reason)"
    }
}
