/// Finds `experiments.lf.rollout_perc` in a settings tree and decides what its value is,
/// refusing whatever the runner determinator might read differently: a key given twice
/// (PyYAML silently keeps the last one), keys taken from a merge, a value that YAML 1.1 does
/// not read as a number.
struct ShareLocator {
    static let path = ["experiments", "lf", "rollout_perc"]

    struct Located {
        var node: YAMLNode
        var value: Double
        /// Indices of the mapping pairs from the root down to the share.
        var indexPath: [Int]
        /// The first anchor on the way, which makes the value unsafe to edit in place.
        var anchor: (path: String, name: String, position: TextPosition)?
    }

    let map: CommentMap

    func locate(in root: YAMLNode) throws(SettingsError.Reason) -> Located {
        var node = root
        var indexPath: [Int] = []
        var anchor: (path: String, name: String, position: TextPosition)?
        for (depth, key) in Self.path.enumerated() {
            let path = Self.path[..<depth].joined(separator: ".")
            if anchor == nil, let name = node.anchor { anchor = (path, name, position(of: node)) }
            guard case .mapping(let pairs) = node.content else {
                throw .notAMapping(path: path, found: node.kindDescription, position(of: node))
            }
            let index = try self.index(of: key, in: pairs, path: path)
            indexPath.append(index)
            node = pairs[index].value
        }
        let path = Self.path.joined(separator: ".")
        if anchor == nil, let name = node.anchor { anchor = (path, name, position(of: node)) }
        let value = try number(in: node, path: path)
        return Located(node: node, value: value, indexPath: indexPath, anchor: anchor)
    }

    func position(of node: YAMLNode) -> TextPosition {
        map.position(ofCharacter: node.start.index)
    }

    private func index(of key: String, in pairs: [YAMLNode.Pair], path: String) throws(SettingsError.Reason) -> Int {
        if let merge = pairs.first(where: { Self.isMergeKey($0.key) }) {
            throw .mergeKey(path: path, position(of: merge.key))
        }
        let matches = pairs.indices.filter { Self.isStringKey(pairs[$0].key, key) }
        guard let first = matches.first else { throw .missingKey(path: path, key: key) }
        guard matches.count == 1 else {
            let full = path.isEmpty ? key : path + "." + key
            throw .duplicateKey(path: full, first: position(of: pairs[first].key),
                                second: position(of: pairs[matches[1]].key))
        }
        return first
    }

    /// A key that a YAML 1.1 reader constructs as the string `name`.
    private static func isStringKey(_ key: YAMLNode, _ name: String) -> Bool {
        guard case .scalar(let value, _) = key.content, value == name else { return false }
        return key.tag == nil || key.tag == "!" || key.tag == "tag:yaml.org,2002:str"
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar("<<", .plain) = key.content else { return false }
        return key.tag == nil || key.tag == "tag:yaml.org,2002:merge"
    }

    private func number(in node: YAMLNode, path: String) throws(SettingsError.Reason) -> Double {
        let readsAs: String
        var hint: String?
        switch node.content {
        case .scalar(let text, .plain) where node.tag == nil:
            let scalar = YAML11Scalar(plain: text)
            if let value = scalar.number, value.isFinite { return value }
            readsAs = Self.reading(scalar)
            hint = Self.hint(for: text, scalar)
        case .scalar where node.tag != nil:
            readsAs = "a value with the explicit tag '\(node.tag ?? "")'"
            hint = "write a plain number"
        default:
            readsAs = node.kindDescription
        }
        throw .notANumber(path: path, value: sourceText(of: node), readsAs: readsAs, hint: hint,
                          position(of: node))
    }

    private static func reading(_ scalar: YAML11Scalar) -> String {
        switch scalar {
        case .int, .float: "a number that is not finite"
        case .bool: "a boolean"
        case .null: "null"
        case .timestamp: "a date"
        case .unconstructible: "a number that PyYAML fails to construct"
        case .string: "a string"
        }
    }

    private static func hint(for text: String, _ scalar: YAML11Scalar) -> String? {
        guard scalar == .string else { return nil }
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        if text.contains(where: { $0 == "e" || $0 == "E" }), !text.contains("."), digits > 0 {
            return "YAML 1.1 reads an exponent only after a decimal point"
        }
        if text.count > 1, text.first == "0", digits == text.unicodeScalars.count {
            return "a leading 0 makes it octal, and octal has no 8 or 9"
        }
        return nil
    }

    /// The node as written in the comment: its first line, shortened, for an error message.
    private func sourceText(of node: YAMLNode) -> String {
        let start = map.byteOffset(ofCharacter: node.start.index)
        let end = max(start, map.byteOffset(ofCharacter: node.end.index))
        var line = String(decoding: map.comment[start..<end], as: UTF8.self)
        if let lineEnd = line.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            line = String(line[..<lineEnd]) + "…"
        }
        return line.count > 40 ? String(line.prefix(40)) + "…" : line
    }
}
