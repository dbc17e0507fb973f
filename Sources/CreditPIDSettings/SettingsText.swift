/// The part of a comment that the runner determinator reads as YAML: the text before the first
/// `---` (wherever it stands, even inside a YAML comment or a word), with backticks, spaces,
/// tabs, CR and LF stripped from both ends. The split is a substring search, not a line match,
/// because that is what the runner determinator does.
struct SettingsText: Sendable {
    /// Byte offsets of the stripped YAML text within the comment.
    let range: Range<Int>
    /// Byte offset of the first `---`.
    let separator: Int

    private static let strippable: Set<UInt8> = [
        UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
    ]

    /// Returns nil when the comment holds no `---` at all: then there are no settings.
    init?(comment: [UInt8]) {
        guard let separator = Self.firstSeparator(in: comment) else { return nil }
        var start = 0
        var end = separator
        while start < end, Self.strippable.contains(comment[start]) { start += 1 }
        while end > start, Self.strippable.contains(comment[end - 1]) { end -= 1 }
        self.range = start..<end
        self.separator = separator
    }

    private static func firstSeparator(in bytes: [UInt8]) -> Int? {
        let dash = UInt8(ascii: "-")
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == dash, bytes[index + 1] == dash, bytes[index + 2] == dash {
                return index
            }
            index += 1
        }
        return nil
    }
}
