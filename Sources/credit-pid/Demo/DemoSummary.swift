import CreditPIDCore
import CreditPIDDaemon
import FoundationEssentials

/// The end of the demo: the month's measures, a plot in the terminal, and an SVG beside the
/// state for a closer look.
enum DemoSummary {
    static func render(plant: ScenarioSpendSource, scenario: Scenario, directory: String, controller: String) -> String {
        let shares = plant.hourlyShares(through: scenario.periodEnd)
        guard shares.count == scenario.demandPerHour.count else {
            return "The demo stopped before the month ended (\(shares.count) of \(scenario.demandPerHour.count) hours)."
        }
        let result = SimulationResult(scenario: scenario, shares: shares)
        let svgPath = directory + "/month.svg"
        let svg = SVGPlot.render(rows: [[SVGPlot.Panel(title: "\(scenario.name), \(controller) (demo)", result: result)]])
        let wroteSVG = (try? PosixFile.writeDurably(Array(svg.utf8), to: svgPath, mode: 0o644)) != nil

        var text = "\nThe month: \(scenario.name), \(controller) controller\n"
        text += "  final spend   $\(DecimalText.fixed(result.finalSpend, 2)) of $\(DecimalText.fixed(scenario.totalCredits, 2))\n"
        text += "  utilization   \(DecimalText.fixed(result.utilization, 4))\n"
        text += "  overspend     $\(DecimalText.fixed(result.overspend, 2))\n"
        text += "  tracking      \(DecimalText.fixed(result.maxTrackingError, 3)) of the credits at worst\n"
        text += "  changes       \(result.changes) (churn \(DecimalText.fixed(result.churn, 0)) points)\n\n"
        text += TextPlot.render(result)
        text += "\nThe configuration, scenario, share file and state are in \(directory)"
        text += wroteSVG ? "; the plot is \(svgPath)\n" : "\n"
        return text
    }
}
