/// One node of a parsed YAML document, as libyaml's events describe it: content, anchor and
/// tag, plus the marks where it stands. Equality compares what a YAML reader builds from the
/// node (content, anchor, tag, scalar style) and ignores the marks, so that two texts that
/// differ only in the length of one value compare equal everywhere else.
///
/// Aliases stay unexpanded: two trees with equal anchors and equal aliases expand to equal
/// data, and no alias can multiply the work of a comparison.
struct YAMLNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case scalar(String, style: ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
        case alias(String)
    }

    struct Pair: Sendable, Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A libyaml mark: a character index (not a byte offset) from the start of the text
    /// libyaml was given. Positions for messages come from `CommentMap`, which counts lines
    /// and columns in the whole comment, so libyaml's own line and column are not kept.
    struct Mark: Sendable {
        var index: Int
    }

    var content: Content
    var anchor: String?
    /// The resolved tag when the text gives one (`!!int` arrives as `tag:yaml.org,2002:int`);
    /// nil when the reader resolves it from the content.
    var tag: String?
    var start: Mark
    var end: Mark

    static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content && lhs.anchor == rhs.anchor && lhs.tag == rhs.tag
    }

    /// What the node is, in the words an error message uses.
    var kindDescription: String {
        switch content {
        case .scalar(_, let style):
            switch style {
            case .plain: return "a scalar"
            case .singleQuoted, .doubleQuoted: return "a quoted string"
            case .literal, .folded: return "a block string"
            }
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias(let name): return "an alias of '&\(name)'"
        }
    }

    /// The node with the node at `path` (indices of mapping pairs, from this node down)
    /// replaced by `replacement`; nil when the path does not lead through mappings.
    func replacing(at path: ArraySlice<Int>, with replacement: YAMLNode) -> YAMLNode? {
        guard let first = path.first else { return replacement }
        guard case .mapping(var pairs) = content, pairs.indices.contains(first),
              let value = pairs[first].value.replacing(at: path.dropFirst(), with: replacement)
        else { return nil }
        pairs[first].value = value
        var copy = self
        copy.content = .mapping(pairs)
        return copy
    }

    /// Every node of the tree, this one first, for checks that look at each node once.
    func forEachNode<Failure: Error>(_ body: (YAMLNode) throws(Failure) -> Void) throws(Failure) {
        try body(self)
        switch content {
        case .scalar, .alias:
            break
        case .sequence(let items):
            for item in items { try item.forEachNode(body) }
        case .mapping(let pairs):
            for pair in pairs {
                try pair.key.forEachNode(body)
                try pair.value.forEachNode(body)
            }
        }
    }
}
