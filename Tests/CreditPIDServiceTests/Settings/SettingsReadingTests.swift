import CreditPIDSettings
import Testing

/// The share is read as PyYAML (YAML 1.1) reads `experiments.lf.rollout_perc`; anything that
/// is not a number there is refused with an error naming the value.
@Suite("Settings reading")
struct SettingsReadingTests {
    @Test("YAML 1.1 numbers", arguments: [
        ("35", 35.0), ("12.5", 12.5), ("0.25", 0.25), ("100", 100), ("0", 0), ("+7", 7), ("1.", 1),
        ("010", 8), ("0x1F", 31), ("0b101", 5), ("1_000", 1000), ("1:30", 90), ("1:30.5", 90.5),
        ("1.0e-05", 0.00001), ("150", 150), ("-3", -3),
    ])
    func numbers(text: String, value: Double) throws {
        let comment = try SettingsComment(bytes: SettingsFixtures.comment(share: text), source: "t.md")
        #expect(comment.share == value)
        #expect(comment.shareText == text)
    }

    @Test("values that are not numbers name the value", arguments: [
        ("\"25\"", "a quoted string"), ("'25'", "a quoted string"), ("09", "a string"),
        ("4e-05", "a string"), ("1e5", "a string"), ("~", "null"), ("null", "null"), ("yes", "a boolean"),
        ("off", "a boolean"), ("[1]", "a list"), ("{a: 1}", "a mapping"), ("2024-01-01", "a date"),
        (".inf", "a number that is not finite"), (".nan", "a number that is not finite"),
        ("!!int 35", "a value with the explicit tag 'tag:yaml.org,2002:int'"), ("25 percent", "a string"),
    ])
    func notNumbers(text: String, readsAs: String) throws {
        let error = try readError(SettingsFixtures.comment(share: text))
        guard case .notANumber(let path, let value, let reading, _, let position) = error.reason else {
            Issue.record("expected notANumber, got \(error)")
            return
        }
        #expect(path == "experiments.lf.rollout_perc")
        #expect(value == text)
        #expect(reading.hasPrefix(readsAs))
        #expect(position == TextPosition(line: 4, column: 19))
        #expect(error.description.contains("'\(text)'"))
    }

    @Test("hints explain the YAML 1.1 readings people trip on")
    func hints() throws {
        let octal = try readError(SettingsFixtures.comment(share: "09"))
        #expect(octal.description.contains("a leading 0 makes it octal"))
        let exponent = try readError(SettingsFixtures.comment(share: "4e-05"))
        #expect(exponent.description.contains("an exponent only after a decimal point"))
    }

    @Test("an empty value is null")
    func emptyValue() throws {
        let error = try readError(SettingsFixtures.comment("experiments:\n  lf:\n    rollout_perc:\n    x: 1"))
        guard case .notANumber(_, _, let reading, _, _) = error.reason else {
            Issue.record("expected notANumber, got \(error)")
            return
        }
        #expect(reading == "null")
    }

    @Test("an alias as the share is refused")
    func aliasValue() throws {
        let yaml = "base: &b 20\nexperiments:\n  lf:\n    rollout_perc: *b"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.description.contains("an alias of '&b'"))
    }

    @Test("lf holding rollout_perc twice is ambiguous")
    func duplicateShare() throws {
        let yaml = "experiments:\n  lf:\n    rollout_perc: 10\n    all_branches: true\n    rollout_perc: 20"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.reason == .duplicateKey(path: "experiments.lf.rollout_perc",
                                              first: TextPosition(line: 4, column: 5),
                                              second: TextPosition(line: 6, column: 5)))
        #expect(error.description.contains("ambiguous"))
    }

    @Test("a quoted key is the same key, so this is ambiguous too")
    func duplicateQuotedKey() throws {
        let yaml = "experiments:\n  lf:\n    rollout_perc: 10\n  \"lf\":\n    rollout_perc: 20"
        let error = try readError(SettingsFixtures.comment(yaml))
        guard case .duplicateKey(let path, _, _) = error.reason else {
            Issue.record("expected duplicateKey, got \(error)")
            return
        }
        #expect(path == "experiments.lf")
    }

    @Test("a merge key on the way is refused")
    func mergeKey() throws {
        let yaml = "base: &b {rollout_perc: 5}\nexperiments:\n  lf:\n    <<: *b\n    rollout_perc: 10"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.reason == .mergeKey(path: "experiments.lf", TextPosition(line: 5, column: 5)))
    }

    @Test("structure errors name the path", arguments: [
        ("- a\n- b", "the top level of the settings is a list, not a mapping"),
        ("experiments: 5", "'experiments' is a scalar, not a mapping"),
        ("experiments:\n  lf: [1, 2]", "'experiments.lf' is a list, not a mapping"),
        ("experiment:\n  lf:\n    rollout_perc: 5", "no 'experiments' in the top level of the settings"),
        ("experiments:\n  lf:\n    all_branches: true", "no 'rollout_perc' in 'experiments.lf'"),
    ])
    func structure(yaml: String, message: String) throws {
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.description.contains(message), "\(error)")
    }

    @Test("malformed YAML names the line and column in the whole comment")
    func malformed() throws {
        // One space short: PyYAML also stops here ("line 4, column 4" of its YAML text), and the
        // comment's line is one more because of the fence line that was stripped.
        let yaml = "experiments:\n  lf:\n    rollout_perc: 5\n   all_branches: true"
        let error = try readError(SettingsFixtures.comment(yaml))
        guard case .syntax(let position, let problem) = error.reason else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(position == TextPosition(line: 5, column: 4))
        #expect(problem.hasPrefix("did not find expected key"))
        #expect(error.description.contains("'t.md': line 5, column 4: did not find expected key"))
    }

    @Test("a tag PyYAML's safe loader cannot construct is refused anywhere")
    func unknownTag() throws {
        let yaml = "experiments:\n  lf:\n    rollout_perc: 5\n  arc: !python/name:os.system x"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.reason == .unsupportedTag("!python/name:os.system", TextPosition(line: 5, column: 8)))
    }

    @Test("a value PyYAML cannot construct, anywhere, makes the settings unreadable", arguments: [
        ("2024-13-01", "timestamp"), ("2023-02-29", "timestamp"), ("2024-1-5 24:00:00", "timestamp"),
        ("0b_", "int"), ("0x_", "int"), ("=", "value"),
    ])
    func unconstructible(value: String, type: String) throws {
        let yaml = "experiments:\n  lf:\n    rollout_perc: 5\n  arc:\n    since: \(value)"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.reason == .unconstructible(value: value, type: type, TextPosition(line: 6, column: 12)))
        #expect(error.description.contains("the runner determinator would run with no experiments"))
    }

    @Test("a list used as a key makes the settings unreadable")
    func unhashableKey() throws {
        let yaml = "experiments:\n  lf:\n    rollout_perc: 5\n  ? [a, b]\n  : 1"
        let error = try readError(SettingsFixtures.comment(yaml))
        #expect(error.reason == .unhashableKey(TextPosition(line: 5, column: 5)))
    }

    @Test("control characters are refused by the reader, with a position")
    func controlCharacter() throws {
        let error = try readError(SettingsFixtures.comment("experiments:\n  lf:\n    rollout_perc: 5\n  x: a\u{7}b"))
        guard case .syntax(let position, let problem) = error.reason else {
            Issue.record("expected a reader error, got \(error)")
            return
        }
        #expect(position == TextPosition(line: 5, column: 7))
        #expect(problem.contains("control characters"))
    }

    @Test("nesting is bounded")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let error = try readError(SettingsFixtures.comment("experiments:\n  lf:\n    rollout_perc: 5\n  x: \(deep)"))
        guard case .tooDeep = error.reason else {
            Issue.record("expected tooDeep, got \(error)")
            return
        }
    }

    @Test("positions count characters, not bytes, after non-ASCII text")
    func nonASCIIPositions() throws {
        let yaml = "# réglages — ne pas modifier\nexperiments:\n  lf: {note: \"é\", rollout_perc: 7}"
        let comment = try SettingsComment(bytes: SettingsFixtures.comment(yaml), source: "t.md")
        #expect(comment.share == 7)
        #expect(comment.shareText == "7")
        #expect(comment.sharePosition == TextPosition(line: 4, column: 33))
    }

    private func readError(_ bytes: [UInt8]) throws -> SettingsError {
        try #require(throws: SettingsError.self) {
            try SettingsComment(bytes: bytes, source: "t.md")
        }
    }
}
