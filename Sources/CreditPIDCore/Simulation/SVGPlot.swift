/// A month drawn as SVG: cumulative spend against the straight line and the credits, and the
/// share over time below it; one panel per (scenario, controller), controllers side by side.
public enum SVGPlot {
    public struct Panel {
        public var title: String
        public var result: SimulationResult
        public init(title: String, result: SimulationResult) {
            self.title = title
            self.result = result
        }
    }

    static let panelWidth = 520.0
    static let panelHeight = 300.0
    static let margin = 44.0

    /// `rows[i]` holds the panels of one scenario, drawn left to right.
    public static func render(rows: [[Panel]]) -> String {
        let columns = rows.map(\.count).max() ?? 1
        let width = Double(columns) * panelWidth
        let height = Double(rows.count) * panelHeight
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(int(width))" height="\(int(height))" \
        viewBox="0 0 \(int(width)) \(int(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>

        """
        for (row, panels) in rows.enumerated() {
            for (column, panel) in panels.enumerated() {
                svg += draw(panel, x: Double(column) * panelWidth, y: Double(row) * panelHeight)
            }
        }
        return svg + "</svg>\n"
    }

    private static func draw(_ panel: Panel, x: Double, y: Double) -> String {
        let result = panel.result
        let scenario = result.scenario
        let plotWidth = panelWidth - 2 * margin
        let spendHeight = (panelHeight - 2 * margin) * 0.65
        let shareTop = y + margin + spendHeight + 18
        let shareHeight = panelHeight - 2 * margin - spendHeight - 18
        let top = y + margin
        let hours = max(1, result.shares.count)
        let ceiling = max(scenario.totalCredits, result.finalSpend) * 1.05
        func px(_ step: Int) -> Double { x + margin + plotWidth * Double(step) / Double(hours) }
        func py(_ spend: Double) -> Double { top + spendHeight * (1 - spend / ceiling) }
        func shareY(_ share: Double) -> Double { shareTop + shareHeight * (1 - share / 100) }

        var spent = scenario.spentBeforeStart
        var spendPoints = "\(fmt(px(0))),\(fmt(py(spent)))"
        var sharePoints = ""
        for (step, cost) in result.costs.enumerated() {
            spent += cost
            spendPoints += " \(fmt(px(step + 1))),\(fmt(py(spent)))"
            let share = result.shares[step]
            sharePoints += " \(fmt(px(step))),\(fmt(shareY(share))) \(fmt(px(step + 1))),\(fmt(shareY(share)))"
        }
        let over = result.overspend > 0
        let title = "\(escape(panel.title)): utilization \(DecimalText.fixed(result.utilization, 4))"
            + (over ? ", overspent $\(DecimalText.fixed(result.overspend, 0))" : "")
            + ", \(result.changes) changes"
        return """
        <g>
        <text x="\(fmt(x + margin))" y="\(fmt(y + 20))" font-weight="bold"\(over ? " fill=\"#b00020\"" : "")>\(title)</text>
        <rect x="\(fmt(x + margin))" y="\(fmt(top))" width="\(fmt(plotWidth))" height="\(fmt(spendHeight))" fill="none" stroke="#999"/>
        <line x1="\(fmt(px(0)))" y1="\(fmt(py(scenario.totalCredits)))" x2="\(fmt(px(hours)))" y2="\(fmt(py(scenario.totalCredits)))" stroke="#b00020" stroke-dasharray="4 3"/>
        <text x="\(fmt(px(hours) - 4))" y="\(fmt(py(scenario.totalCredits) - 4))" fill="#b00020" text-anchor="end">credits</text>
        <line x1="\(fmt(px(0)))" y1="\(fmt(py(scenario.spentBeforeStart)))" x2="\(fmt(px(hours)))" y2="\(fmt(py(scenario.attainable)))" stroke="#888" stroke-dasharray="2 2"/>
        <polyline points="\(spendPoints)" fill="none" stroke="#1f5fbf" stroke-width="1.5"/>
        <text x="\(fmt(px(hours) - 6))" y="\(fmt(top + spendHeight - 8))" fill="#1f5fbf" text-anchor="end">spend; dotted: the straight line</text>
        <rect x="\(fmt(x + margin))" y="\(fmt(shareTop))" width="\(fmt(plotWidth))" height="\(fmt(shareHeight))" fill="none" stroke="#999"/>
        <polyline points="\(sharePoints)" fill="none" stroke="#2a8c3c" stroke-width="1"/>
        <text x="\(fmt(x + 4))" y="\(fmt(shareTop + 10))" fill="#2a8c3c">100%</text>
        <text x="\(fmt(x + 4))" y="\(fmt(shareTop + shareHeight))" fill="#2a8c3c">0%</text>
        <text x="\(fmt(x + margin + 6))" y="\(fmt(shareTop + 12))" fill="#2a8c3c">share</text>
        </g>

        """
    }

    private static func fmt(_ value: Double) -> String { DecimalText.fixed(value, 1) }
    private static func int(_ value: Double) -> String { String(Int(value.rounded())) }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
