import CYAML

/// Builds the tree of one YAML document from libyaml's parser events. libyaml does the
/// reading (syntax, escapes, folding, character checks); this only stacks its events into
/// nodes, keeping each node's marks so that a value can be found again in the text.
///
/// Like PyYAML's `safe_load`, it accepts a stream of at most one document; an empty stream has
/// no root. Nesting deeper than `maximumDepth` is refused: the runner determinator's settings
/// are three levels deep, and a bound keeps the recursive comparison of trees shallow.
struct YAMLComposer {
    static let maximumDepth = 64

    enum Failure: Error, Sendable {
        /// libyaml rejected the text; `index` is a character index into it.
        case syntax(problem: String, index: Int, context: String?)
        /// The reader (encoding, control characters) rejected the text at a byte offset of it.
        case reader(problem: String, byteOffset: Int)
        /// Unreachable through a settings comment (a new document needs `---`), kept so that
        /// the composer alone never reads a stream of several documents as one.
        case secondDocument(index: Int)
        case tooDeep(index: Int)
    }

    private enum Frame {
        case sequence(YAMLNode, [YAMLNode])
        case mapping(YAMLNode, [YAMLNode.Pair], pendingKey: YAMLNode?)
    }

    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var documents = 0

    /// The document's root node, or nil for a text without a document (empty, or comments only).
    static func compose(_ text: ArraySlice<UInt8>) throws(Failure) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        // libyaml keeps a pointer to the parser inside the parser, so it lives at a fixed address.
        guard yaml_parser_initialize(parser) == 1 else {
            throw .syntax(problem: "libyaml could not allocate a parser", index: 0, context: nil)
        }
        defer { yaml_parser_delete(parser) }
        let bytes = Array(text)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var composer = YAMLComposer()
            while true {
                guard yaml_parser_parse(parser, event) == 1 else { throw failure(of: parser) }
                defer { yaml_event_delete(event) }
                if event.pointee.type == YAML_STREAM_END_EVENT { return composer.root }
                try composer.handle(event.pointee)
            }
        }
    }

    private static func failure(of parser: UnsafeMutablePointer<yaml_parser_t>) -> Failure {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        if parser.pointee.error == YAML_READER_ERROR {
            return .reader(problem: problem, byteOffset: parser.pointee.problem_offset)
        }
        let context = parser.pointee.context.map { String(cString: $0) }
        return .syntax(problem: problem, index: Int(parser.pointee.problem_mark.index), context: context)
    }

    private mutating func handle(_ event: yaml_event_t) throws(Failure) {
        let start = Self.mark(event.start_mark)
        let end = Self.mark(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { throw .secondDocument(index: start.index) }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                               as: UTF8.self)
            let node = YAMLNode(content: .scalar(value, style: Self.style(scalar.style)),
                                anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag),
                                start: start, end: end)
            add(node)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            add(YAMLNode(content: .alias(name), anchor: nil, tag: nil, start: start, end: end))
        case YAML_SEQUENCE_START_EVENT:
            let node = YAMLNode(content: .sequence([]), anchor: Self.string(event.data.sequence_start.anchor),
                                tag: Self.string(event.data.sequence_start.tag), start: start, end: end)
            try push(.sequence(node, []), at: start)
        case YAML_MAPPING_START_EVENT:
            let node = YAMLNode(content: .mapping([]), anchor: Self.string(event.data.mapping_start.anchor),
                                tag: Self.string(event.data.mapping_start.tag), start: start, end: end)
            try push(.mapping(node, [], pendingKey: nil), at: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            pop(end: end)
        default:
            break
        }
    }

    private mutating func push(_ frame: Frame, at mark: YAMLNode.Mark) throws(Failure) {
        guard stack.count < Self.maximumDepth else { throw .tooDeep(index: mark.index) }
        stack.append(frame)
    }

    private mutating func pop(end: YAMLNode.Mark) {
        guard let frame = stack.popLast() else { return }
        var node: YAMLNode
        switch frame {
        case .sequence(let open, let items):
            node = open
            node.content = .sequence(items)
        case .mapping(let open, let pairs, _):
            node = open
            node.content = .mapping(pairs)
        }
        node.end = end
        add(node)
    }

    private mutating func add(_ node: YAMLNode) {
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(let open, var items):
            items.append(node)
            stack.append(.sequence(open, items))
        case .mapping(let open, var pairs, let pendingKey):
            if let key = pendingKey {
                pairs.append(YAMLNode.Pair(key: key, value: node))
                stack.append(.mapping(open, pairs, pendingKey: nil))
            } else {
                stack.append(.mapping(open, pairs, pendingKey: node))
            }
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(index: Int(mark.index))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
