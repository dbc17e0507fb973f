/// A month in the terminal: spend against the line above, the share below.
public enum TextPlot {
    public static func render(_ result: SimulationResult, width: Int = 62, height: Int = 12) -> String {
        let scenario = result.scenario
        let hours = result.shares.count
        let cumulative = result.spendAfterEachHour
        let top = max(scenario.totalCredits, result.finalSpend)
        var rows = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        for column in 0..<width {
            let hour = min(hours - 1, column * hours / width)
            let line = result.line(afterHour: hour)
            let lineRow = height - 1 - min(height - 1, Int(line / top * Double(height - 1)))
            let spendRow = height - 1 - min(height - 1, Int(cumulative[hour] / top * Double(height - 1)))
            rows[lineRow][column] = "."
            rows[spendRow][column] = "*"
        }
        var text = "  spend (*) against the line (.), $0 to $\(DecimalText.fixed(top, 0))\n"
        for row in rows { text += "  |" + String(row) + "\n" }
        text += "  +" + String(repeating: "-", count: width) + "\n"
        let bars: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var shareLine = ""
        for column in 0..<width {
            let hour = min(hours - 1, column * hours / width)
            shareLine.append(bars[min(8, Int((result.shares[hour] / 100 * 8).rounded()))])
        }
        text += "  share, 0-100%:\n   " + shareLine + "\n"
        return text
    }
}
