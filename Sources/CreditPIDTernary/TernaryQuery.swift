import FoundationEssentials

/// The body of the spend query: credits of one project from Billing data in a UTC window.
struct TernaryQuery: Encodable {
    struct Filter: Encodable {
        let operation = "equals"
        let field = "projectId"
        let values: [String]

        enum CodingKeys: String, CodingKey {
            case operation = "operator", field = "schema_field_name", values
        }
    }

    let startTime: String
    let endTime: String
    let dataSource = "Billing"
    let dimensions = ["projectId", "projectName"]
    let measures = ["credits"]
    let filters: [Filter]

    enum CodingKeys: String, CodingKey {
        case startTime = "start_time", endTime = "end_time", dataSource = "data_source"
        case dimensions, measures, filters = "pre_agg_filters"
    }

    init(start: Date, end: Date, project: String) {
        startTime = Self.wireTime(start)
        endTime = Self.wireTime(end)
        filters = [Filter(values: [project])]
    }

    /// Keys sorted, so that the same query is the same bytes.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and lists of strings always encode.
        return (try? [UInt8](encoder.encode(self))) ?? []
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, the form Ternary documents.
    static func wireTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
