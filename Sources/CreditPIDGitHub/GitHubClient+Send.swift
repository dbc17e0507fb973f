import CreditPIDHTTP
import FoundationEssentials

extension GitHubClient {
    /// Sends one request with the API's headers, and returns the response if it is a
    /// success; anything else becomes the `GitHubError` for its status. `missing` says
    /// what a 404 means for this request.
    func send(_ method: String, _ path: String, query: String = "", body: [UInt8] = [],
              missing: String, deadline: ContinuousClock.Instant?) throws(GitHubError) -> HTTPResponse
    {
        let request = "\(method) \(path)"
        if let held = activePause {
            throw .rateLimited(request: request, until: held.until, reason: "not sent, as an earlier answer "
                + "asked: \(held.reason)")
        }
        var headers = [
            "Authorization": "Bearer \(configuration.token.reveal())",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        ]
        if !body.isEmpty { headers["Content-Type"] = "application/json" }
        // A PATCH is retried like a GET: sending the same body twice leaves the same comment.
        let response: HTTPResponse
        do {
            response = try httpClient.send(
                HTTPRequest(method: method, url: configuration.url(path + query), headers: headers, body: body),
                retry: configuration.retry, deadline: deadline)
        } catch {
            throw .transport(error)
        }
        // Read once, for the pause and the error alike; a success body (up to the size
        // limit) is not searched for an error message.
        let message = (200...299).contains(response.status)
            ? nil : GitHubMessage(response).map { configuration.token.redact($0.text) }
        let asked = RateLimitPause.asked(by: response, message: message, now: now())
        if let asked { hold(asked) }
        return try check(response, request: request, missing: missing, message: message, pause: asked)
    }

    private func check(_ response: HTTPResponse, request: String, missing: String, message: String?,
                       pause: RateLimitPause?) throws(GitHubError) -> HTTPResponse
    {
        switch response.status {
        case 200...299:
            return response
        case 401:
            throw .unauthorized(request: request)
        case 403, 429:
            if let pause { throw .rateLimited(request: request, until: pause.until, reason: pause.reason) }
            throw .forbidden(request: request, repository: "\(configuration.repository)", message: message)
        case 404:
            throw .notFound(request: request, missing: missing)
        case 500...599:
            throw .serverError(request: request, status: response.status)
        default:
            throw .unexpectedStatus(request: request, status: response.status, message: message)
        }
    }
}
