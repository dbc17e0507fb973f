import FoundationEssentials

/// Reads `{"response": [row, …]}` into the credits spent: the sum over rows of |credits|
/// (credits are booked as negative cost, and one project can have a row per name it had).
/// Any row that cannot be counted fails the whole reply: partial sums would read as
/// less spend than there was.
enum TernaryReply {
    /// The spend, or the problem in words.
    static func spend(in body: [UInt8], project: String) -> Result<Double, Problem> {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            return .failure(Problem(text: "the body is not JSON"))
        }
        guard case let .object(top) = value, case let .array(rows)? = top["response"] else {
            return .failure(Problem(text: "expected an object with a 'response' list, got \(value.kind)"
                + (value.kind == "an object" ? " without one" : "")))
        }
        var total = 0.0
        for (index, row) in rows.enumerated() {
            switch credits(of: row, number: index + 1, project: project) {
            case let .success(credits): total += abs(credits)
            case let .failure(problem): return .failure(problem)
            }
        }
        return .success(total)
    }

    struct Problem: Error {
        let text: String
    }

    private static func credits(of row: JSONValue, number: Int, project: String) -> Result<Double, Problem> {
        guard case let .object(fields) = row else {
            return .failure(Problem(text: "row \(number) is \(row.kind), not an object"))
        }
        if case let .string(id)? = fields["projectId"], id != project {
            // The filter did not apply: these credits are not this project's.
            return .failure(Problem(text: "row \(number) is for project '\(id)', not '\(project)'"))
        }
        switch fields["credits"] {
        case nil, .null?:
            return .failure(Problem(text: "row \(number) has no 'credits'"))
        case let .number(credits)? where credits.isFinite:
            return .success(credits)
        case .number?:
            return .failure(Problem(text: "row \(number) has credits that are not finite"))
        case let other?:
            return .failure(Problem(text: "row \(number) has 'credits' that is \(other.kind), not a number"))
        }
    }
}
