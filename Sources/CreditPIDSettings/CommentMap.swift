/// Turns libyaml's marks, which count characters from the start of the YAML text it was
/// given, into byte offsets and positions in the whole comment (the stripped prefix included),
/// so that an edit lands on the right bytes and an error names the line a person sees.
struct CommentMap: Sendable {
    let comment: [UInt8]
    /// Byte offsets of the YAML text that libyaml read.
    let yaml: Range<Int>

    /// The comment's byte offset of a libyaml character index. libyaml does not count a byte
    /// order mark at the start of its input, so neither does this.
    func byteOffset(ofCharacter characterIndex: Int) -> Int {
        var offset = yaml.lowerBound
        if comment[yaml].starts(with: [0xEF, 0xBB, 0xBF]) { offset += 3 }
        var seen = 0
        while offset < yaml.upperBound {
            if comment[offset] & 0xC0 != 0x80 {
                if seen == characterIndex { break }
                seen += 1
            }
            offset += 1
        }
        return offset
    }

    func position(ofCharacter characterIndex: Int) -> TextPosition {
        position(ofByte: byteOffset(ofCharacter: characterIndex))
    }

    /// LF, CR and CRLF each end a line.
    func position(ofByte target: Int) -> TextPosition {
        var line = 1
        var column = 1
        var offset = 0
        while offset < min(target, comment.count) {
            let byte = comment[offset]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let crlf = byte == UInt8(ascii: "\r") && offset + 1 < comment.count
                    && comment[offset + 1] == UInt8(ascii: "\n")
                offset += crlf && offset + 1 < target ? 2 : 1
                line += 1
                column = 1
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return TextPosition(line: line, column: column)
    }
}
