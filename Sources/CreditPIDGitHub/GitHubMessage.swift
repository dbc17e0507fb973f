import CreditPIDHTTP
import FoundationEssentials

/// The `message` of a GitHub error body (`{"message": "Bad credentials", ...}`), shortened,
/// for error texts. Bodies that are not such JSON give none.
struct GitHubMessage {
    let text: String

    static let maximumLength = 200

    init?(_ response: HTTPResponse) {
        struct Body: Decodable { var message: String? }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(response.body)),
              let message = body.message, !message.isEmpty
        else { return nil }
        // isNewline, not a match on "\n" or "\r": Swift reads "\r\n" as one Character.
        let line = message.prefix { !$0.isNewline }
        text = line.count > Self.maximumLength ? line.prefix(Self.maximumLength) + "…" : String(line)
    }
}
