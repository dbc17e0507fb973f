/// Finds what makes PyYAML's safe loader fail on a document that parses: the runner
/// determinator then runs with no experiments at all, so credit-pid must not read a share
/// from it (nor write one into it) as if it were in force.
///
/// Checked: tags the safe loader has no constructor for, plain scalars that resolve to a type
/// whose constructor fails (`2024-13-01`, `0b_`, `=`), and lists or mappings used as keys.
/// Not checked, as none occurs in a settings comment written by hand: explicitly tagged
/// values that fail their constructor (`!!int abc`), malformed `!!binary`, `!!omap`,
/// `!!pairs` and `!!set` contents, merge keys whose value is not mappings, and aliases used
/// as keys.
enum SafeLoadCheck {
    static func check(_ root: YAMLNode, map: CommentMap) throws(SettingsError.Reason) {
        try root.forEachNode { (node) throws(SettingsError.Reason) in
            let position = { map.position(ofCharacter: node.start.index) }
            if let tag = node.tag, !safeLoaderTags.contains(tag) {
                throw .unsupportedTag(tag, position())
            }
            switch node.content {
            case .scalar(let text, .plain) where node.tag == nil:
                if case .unconstructible(let type) = YAML11Scalar(plain: text) {
                    throw .unconstructible(value: shortened(text), type: type, position())
                }
            case .mapping(let pairs):
                for pair in pairs where pair.key.isCollection {
                    throw .unhashableKey(map.position(ofCharacter: pair.key.start.index))
                }
            default:
                break
            }
        }
    }

    private static let safeLoaderTags = Set(["!"] + [
        "null", "bool", "int", "float", "binary", "timestamp", "omap", "pairs", "set", "str", "seq", "map",
    ].map { "tag:yaml.org,2002:" + $0 })

    private static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

extension YAMLNode {
    fileprivate var isCollection: Bool {
        switch content {
        case .sequence, .mapping: true
        case .scalar, .alias: false
        }
    }
}
