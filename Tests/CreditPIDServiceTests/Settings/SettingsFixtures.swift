import Foundation

/// The runner-settings samples kept beside these tests (copied from the shared vectors, with
/// their README), found through this file's own path so no resource bundle is needed.
enum SettingsFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The samples that hold a share, and the share their README gives.
    static let readable: [(name: String, share: Double)] = [
        ("basic.md", 35), ("float-and-comments.md", 12.5), ("blank-line-inside.md", 60), ("crlf.md", 80),
    ]

    /// A minimal comment around one YAML text, for tests of single values.
    static func comment(_ yaml: String) -> [UInt8] {
        Array("```\n\(yaml)\n```\n---\n@someone,lf\n".utf8)
    }

    static func comment(share: String) -> [UInt8] {
        comment("experiments:\n  lf:\n    rollout_perc: \(share)\n    all_branches: true")
    }
}

/// Checks that `edited` is `original` with exactly the bytes in `range` replaced by `text`.
func differsOnlyIn(_ range: Range<Int>, original: [UInt8], edited: [UInt8], text: String) -> Bool {
    let replacement = Array(text.utf8)
    guard edited.count == original.count - range.count + replacement.count else { return false }
    let tail = original.count - range.upperBound
    return edited[..<range.lowerBound] == original[..<range.lowerBound]
        && edited[range.lowerBound ..< range.lowerBound + replacement.count] == replacement[...]
        && edited[(edited.count - tail)...] == original[range.upperBound...]
}
