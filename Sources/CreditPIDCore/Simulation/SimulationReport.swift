import FoundationEssentials

/// How `credit-pid simulate` shows results: a table for people, JSON lines for programs.
public enum SimulationReport {
    public static let tableHeader =
        "scenario             controller  final spend   attainable  utilization  overspend  tracking   churn  changes"

    public static func tableRow(_ result: SimulationResult, controller: String) -> String {
        func column(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        return [
            column(result.scenario.name, 20, left: true),
            column(controller, 11, left: true),
            column(DecimalText.fixed(result.finalSpend, 2), 12),
            column(DecimalText.fixed(result.attainable, 2), 12),
            column(DecimalText.fixed(result.utilization, 4), 12),
            column(DecimalText.fixed(result.overspend, 2), 10),
            column(DecimalText.fixed(result.maxTrackingError, 3), 9),
            column(DecimalText.fixed(result.churn, 1), 7),
            column(String(result.changes), 8),
        ].joined(separator: " ")
    }

    /// One JSON object on one line, keys in a stable order.
    public static func jsonLine(_ result: SimulationResult, controller: String) -> String {
        let line = Line(scenario: result.scenario.name, controller: controller,
                        final_spend: result.finalSpend, attainable: result.attainable,
                        utilization: result.utilization, overspend: result.overspend,
                        max_tracking_error: result.maxTrackingError, churn: result.churn,
                        changes: result.changes, total_credits: result.scenario.totalCredits,
                        percentages: result.shares)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private struct Line: Encodable {
        var scenario: String
        var controller: String
        var final_spend: Double
        var attainable: Double
        var utilization: Double
        var overspend: Double
        var max_tracking_error: Double
        var churn: Double
        var changes: Int
        var total_credits: Double
        var percentages: [Double]
    }
}
