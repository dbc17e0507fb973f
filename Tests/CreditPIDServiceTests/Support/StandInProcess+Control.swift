import CreditPIDHTTP
import Foundation

/// Both stand-ins take their orders at `/_control` (Tests/StandIns/README.md): a POST sets
/// failure modes, moves the virtual clock or creates issues; a GET shows the stand-in's state.
extension StandInProcess {
    /// Posts `request` to /_control and returns the stand-in's reply, its state after the
    /// request; throws unless the stand-in accepts it.
    @discardableResult
    func control(_ request: [String: Any]) throws -> Data {
        try control(String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self))
    }

    /// The same, with the request written as JSON text.
    @discardableResult
    func control(_ json: String) throws -> Data {
        let request = HTTPRequest(method: "POST", url: baseURL + "/_control",
                                  headers: ["Content-Type": "application/json"], body: Array(json.utf8))
        let response = try HTTPClient().send(request, retry: .none, deadline: nil)
        guard response.status == 200 else {
            throw StandInError(message: "control '\(json)' refused: \(response.status) \(response.text)")
        }
        return Data(response.body)
    }

    /// The stand-in's state from GET /_control; `query` ("issue=5") picks a part of it.
    func controlState(query: String? = nil) throws -> Data {
        let url = baseURL + "/_control" + (query.map { "?" + $0 } ?? "")
        let response = try HTTPClient().send(HTTPRequest(method: "GET", url: url), retry: .none, deadline: nil)
        guard response.status == 200 else {
            throw StandInError(message: "control state '\(url)' refused: \(response.status) \(response.text)")
        }
        return Data(response.body)
    }
}
