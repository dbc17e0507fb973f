extension SettingsComment {
    /// The comment with the share set to `share`: the bytes of the old value replaced by the
    /// new one written as a plain decimal (`PlainDecimal`), every other byte unchanged (line
    /// endings, comments, a trailing comment on the value's line, the user list).
    ///
    /// The result is read again before it is returned; unless it reads as the same settings
    /// tree with only that value changed, and that value reads back as `share`, nothing is
    /// returned and the error says what differed.
    public func settingShare(_ share: Double) throws(SettingsError) -> SettingsComment {
        guard share.isFinite, (0...100).contains(share), let text = PlainDecimal.text(for: share) else {
            throw SettingsError(source: source, reason: .shareOutOfRange("\(share)"))
        }
        if let anchor = located.anchor {
            throw SettingsError(source: source,
                                reason: .sharedValue(path: anchor.path, anchor: anchor.name, anchor.position))
        }
        let edited = Array(bytes[..<shareRange.lowerBound]) + Array(text.utf8) + bytes[shareRange.upperBound...]
        do {
            return try verify(edited, newText: text, share: share)
        } catch {
            throw SettingsError(source: source, reason: .editNotVerified(error.why))
        }
    }

    struct Mismatch: Error {
        var why: String
    }

    func verify(_ edited: [UInt8], newText: String, share: Double) throws(Mismatch) -> SettingsComment {
        let reread: SettingsComment
        do {
            reread = try SettingsComment(bytes: edited, source: source)
        } catch {
            throw Mismatch(why: "it no longer reads: \(error.reason)")
        }
        guard reread.shareRange == shareRange.lowerBound ..< shareRange.lowerBound + newText.utf8.count,
              reread.located.indexPath == located.indexPath
        else {
            throw Mismatch(why: "the share read back is not the value that was replaced")
        }
        guard reread.share == share else {
            throw Mismatch(why: "the share reads back as \(reread.share), not \(share)")
        }
        var expectedNode = located.node
        expectedNode.content = .scalar(newText, style: .plain)
        guard let expected = tree.replacing(at: located.indexPath[...], with: expectedNode),
              expected == reread.tree
        else {
            throw Mismatch(why: "another part of the settings would change too")
        }
        return reread
    }
}
