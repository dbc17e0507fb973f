/// A runner-determinator settings comment, read as the runner determinator reads it: the
/// YAML before the first `---`, parsed by libyaml, with `experiments.lf.rollout_perc`
/// resolved as YAML 1.1 (PyYAML) resolves it. The comment is kept byte for byte, so that an
/// edit can change the share's bytes and nothing else (see `settingShare(_:)`).
public struct SettingsComment: Sendable {
    /// The whole comment, as given.
    public let bytes: [UInt8]
    /// Names the input in errors: a file name, "standard input", a GitHub comment.
    public let source: String
    /// `experiments.lf.rollout_perc`: finite, but not necessarily within 0...100.
    public let share: Double
    /// The share as written, e.g. `12.5` or `010`.
    public let shareText: String
    /// Byte offsets of the share's text in `bytes`.
    public let shareRange: Range<Int>
    public let sharePosition: TextPosition

    let tree: YAMLNode
    let located: ShareLocator.Located

    /// The whole comment as text, invalid UTF-8 replaced: lossless for a comment that came
    /// from GitHub as a string, which is how the writer sends an edited one back.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    public init(text: String, source: String) throws(SettingsError) {
        try self.init(bytes: Array(text.utf8), source: source)
    }

    public init(bytes: [UInt8], source: String) throws(SettingsError) {
        let map: CommentMap
        do {
            (map, tree, located) = try Self.parse(bytes)
        } catch {
            throw SettingsError(source: source, reason: error)
        }
        self.bytes = bytes
        self.source = source
        share = located.value
        shareRange = map.byteOffset(ofCharacter: located.node.start.index)
            ..< map.byteOffset(ofCharacter: located.node.end.index)
        shareText = String(decoding: bytes[shareRange], as: UTF8.self)
        sharePosition = map.position(ofByte: shareRange.lowerBound)
    }

    private static func parse(_ bytes: [UInt8])
        throws(SettingsError.Reason) -> (CommentMap, YAMLNode, ShareLocator.Located)
    {
        guard let settings = SettingsText(comment: bytes) else { throw .noSeparator }
        let map = CommentMap(comment: bytes, yaml: settings.range)
        guard let root = try compose(map) else {
            throw .noSettings(separator: map.position(ofByte: settings.separator))
        }
        try SafeLoadCheck.check(root, map: map)
        return (map, root, try ShareLocator(map: map).locate(in: root))
    }

    private static func compose(_ map: CommentMap) throws(SettingsError.Reason) -> YAMLNode? {
        do {
            return try YAMLComposer.compose(map.comment[map.yaml])
        } catch {
            switch error {
            case .syntax(let problem, let index, let context):
                var problemText = context.map { "\(problem) (\($0))" } ?? problem
                // A ```yaml fence loses only its backticks, leaving the word in front.
                let settings = map.comment[map.yaml]
                if settings.starts(with: Array("yaml\n".utf8)) || settings.starts(with: Array("yaml\r\n".utf8)) {
                    problemText += " (the settings start with the word 'yaml': a ```yaml fence keeps it, "
                        + "since only the backticks are stripped; write the fence as ``` alone)"
                }
                throw .syntax(map.position(ofCharacter: index), problem: problemText)
            case .reader(let problem, let byteOffset):
                throw .syntax(map.position(ofByte: map.yaml.lowerBound + byteOffset), problem: problem)
            case .secondDocument(let index):
                throw .syntax(map.position(ofCharacter: index), problem: "a second YAML document starts here")
            case .tooDeep(let index):
                throw .tooDeep(map.position(ofCharacter: index), limit: YAMLComposer.maximumDepth)
            }
        }
    }
}
