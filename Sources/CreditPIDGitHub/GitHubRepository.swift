/// A repository as `owner/name`, checked against GitHub's own rules for both parts so that
/// a typo fails when the configuration is read, not as a 404 an hour later, and so that
/// nothing but those characters is ever pasted into a request path.
public struct GitHubRepository: Sendable, Equatable, CustomStringConvertible {
    public let owner: String
    public let name: String

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "Failed to parse repository '\(text)': \(reason)" }
    }

    public init(_ text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw ParseError(text: text, reason: "expected 'owner/name'") }
        let owner = String(parts[0]), name = String(parts[1])
        // Account names: letters, digits and hyphens, not first, at most 39 characters (some
        // old accounts have a doubled or trailing hyphen, so those are let through).
        guard (1...39).contains(owner.count), owner.unicodeScalars.allSatisfy(Self.isOwnerCharacter),
              owner.first != "-"
        else {
            throw ParseError(text: text, reason: "the owner '\(owner)' is not a GitHub account name "
                + "(letters, digits and hyphens, at most 39)")
        }
        // Repository names: letters, digits, '.', '-' and '_', at most 100; not '.' or '..'.
        guard (1...100).contains(name.count), name.unicodeScalars.allSatisfy(Self.isNameCharacter),
              name != ".", name != ".."
        else {
            throw ParseError(text: text, reason: "the name '\(name)' is not a GitHub repository name "
                + "(letters, digits, '.', '-' and '_', at most 100)")
        }
        self.owner = owner
        self.name = name
    }

    public var description: String { "\(owner)/\(name)" }

    private static func isOwnerCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isOwnerCharacter(scalar) || scalar == "." || scalar == "_"
    }
}
