import CreditPIDSettings
import Testing

/// Every shared runner-settings sample behaves as its README says.
@Suite("Settings samples")
struct SettingsSampleTests {
    @Test("a sample with a share reads the README's value", arguments: SettingsFixtures.readable.map(\.name))
    func readsShare(name: String) throws {
        let expected = try #require(SettingsFixtures.readable.first { $0.name == name }).share
        let comment = try SettingsComment(bytes: SettingsFixtures.bytes(name), source: name)
        #expect(comment.share == expected)
        #expect(Double(comment.shareText) == expected)
    }

    @Test("the share's range covers exactly the value's text")
    func rangeCoversValue() throws {
        let bytes = try SettingsFixtures.bytes("float-and-comments.md")
        let comment = try SettingsComment(bytes: bytes, source: "float-and-comments.md")
        #expect(String(decoding: bytes[comment.shareRange], as: UTF8.self) == "12.5")
        #expect(comment.sharePosition == TextPosition(line: 5, column: 19))
    }

    @Test("a ```yaml fence leaves the word 'yaml' and the YAML does not parse")
    func yamlFenceTag() throws {
        let error = try readError("yaml-fence-tag.md")
        guard case .syntax(let position, let problem) = error.reason else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        // The ':' after "experiments" on the comment's second line.
        #expect(position == TextPosition(line: 2, column: 12))
        #expect(problem.contains("mapping values are not allowed"))
        #expect(error.description.hasPrefix("Failed to read the settings in 'yaml-fence-tag.md': line 2, column 12: "))
        #expect(error.description.contains("a ```yaml fence keeps it, since only the backticks are stripped"))
    }

    @Test("no 'lf' experiment is a clear error")
    func noLF() throws {
        let error = try readError("no-lf.md")
        #expect(error.reason == .missingKey(path: "experiments", key: "lf"))
        #expect(error.description == "Failed to read the settings in 'no-lf.md': no 'lf' in 'experiments'")
    }

    @Test("a '---' inside a YAML comment comes first: no settings at all")
    func dashesInComment() throws {
        let error = try readError("dashes-in-comment.md")
        #expect(error.reason == .noSettings(separator: TextPosition(line: 2, column: 3)))
        #expect(error.description.contains("a '---' inside a YAML comment"))
    }

    @Test("a comment without '---' has no settings")
    func noSeparator() throws {
        let error = try #require(throws: SettingsError.self) {
            try SettingsComment(text: "experiments:\n  lf:\n    rollout_perc: 5\n", source: "plain.md")
        }
        #expect(error.reason == .noSeparator)
    }

    private func readError(_ name: String) throws -> SettingsError {
        let bytes = try SettingsFixtures.bytes(name)
        return try #require(throws: SettingsError.self) {
            try SettingsComment(bytes: bytes, source: name)
        }
    }
}
