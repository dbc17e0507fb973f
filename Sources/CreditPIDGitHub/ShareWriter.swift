import CreditPIDSettings

/// Performs "set the share to S" on the settings comment: fetch, read, edit, verify (the
/// edit re-reads itself), fetch again just before writing, redo the edit on the newer text
/// if someone changed the comment meanwhile, and write.
///
/// GitHub's REST API has no conditional update for comments, so an edit a person makes
/// between the second fetch and the write (a window of one request) is still overwritten;
/// the second fetch narrows that window from the whole cycle to that one request.
public struct ShareWriter: Sendable {
    public let client: GitHubClient

    public init(client: GitHubClient) {
        self.client = client
    }

    /// The settings comment as it is now, read as the runner determinator reads it; errors
    /// name the comment by its page.
    public func currentSettings(deadline: ContinuousClock.Instant?) throws(GitHubError) -> SettingsComment {
        try read(client.settingsComment(deadline: deadline))
    }

    /// Sets the share to `share` (finite, 0...100). In a dry run nothing is written and the
    /// result holds the text that would be. Settings that cannot be read or edited are an
    /// error: the comment is then left as it is.
    public func apply(_ share: Double, dryRun: Bool,
                      deadline: ContinuousClock.Instant?) throws(GitHubError) -> ShareWriteResult
    {
        let first = try client.settingsComment(deadline: deadline)
        let settings = try read(first)
        guard share.isFinite, (0...100).contains(share) else {
            // Checked after reading so that the error can name the comment.
            throw .settings(SettingsError(source: first.settingsSource, reason: .shareOutOfRange("\(share)")))
        }
        if settings.share == share { return result(.unchanged, first, settings, share, text: first.body) }
        let edited = try edit(settings, share)
        if dryRun { return result(.wouldWrite, first, settings, share, text: edited.text) }
        return try write(share, edited: edited, of: settings, readFrom: first, deadline: deadline)
    }

    /// Fetches the comment again and writes `edited` (made from `settings`, read from `first`),
    /// or the same edit redone on the newer text when the comment changed since.
    private func write(_ share: Double, edited: SettingsComment, of settings: SettingsComment,
                       readFrom first: GitHubComment,
                       deadline: ContinuousClock.Instant?) throws(GitHubError) -> ShareWriteResult
    {
        let current = try client.comment(id: first.id, deadline: deadline)
        let changed = !current.hasSameBody(as: first)
        let replaced = changed ? try read(current) : settings
        if changed && replaced.share == share {
            return result(.unchanged, current, replaced, share, text: current.body, redone: true)
        }
        let text = changed ? try edit(replaced, share).text : edited.text
        let written = try client.updateComment(id: first.id, body: text, deadline: deadline)
        return result(.written, written, replaced, share, text: text, redone: changed)
    }

    private func read(_ comment: GitHubComment) throws(GitHubError) -> SettingsComment {
        do {
            return try SettingsComment(text: comment.body, source: comment.settingsSource)
        } catch {
            throw .settings(error)
        }
    }

    private func edit(_ settings: SettingsComment, _ share: Double) throws(GitHubError) -> SettingsComment {
        do {
            return try settings.settingShare(share)
        } catch {
            throw .settings(error)
        }
    }

    private func result(_ action: ShareWriteResult.Action, _ comment: GitHubComment, _ before: SettingsComment,
                        _ share: Double, text: String, redone: Bool = false) -> ShareWriteResult
    {
        ShareWriteResult(action: action, commentID: comment.id, commentURL: comment.htmlURL,
                         previousShare: before.share, share: share, text: text, redoneOnNewerText: redone)
    }
}
