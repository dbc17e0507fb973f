/// The shape of a week of CI demand that the demand model starts from before it has learned
/// the month's own: weekends at about half of a weekday, and a daily swing whose peak falls in
/// the US working day (UTC afternoon). Only the shape matters: both are scaled to a mean of 1.
/// With a flat start the model mistakes a Sunday-night first bill for the month's level and
/// overshoots for days; with this one its first estimates are near.
enum DemandProfile {
    static let hourOfDay: [Double] = normalized([
        0.90, 0.85, 0.75, 0.70, 0.65, 0.60, 0.65, 0.70, 0.75, 0.80, 0.90, 1.00,
        1.10, 1.20, 1.20, 1.30, 1.30, 1.40, 1.30, 1.35, 1.25, 1.15, 1.10, 1.00,
    ])

    /// Monday first.
    static let weekday: [Double] = normalized([1, 1, 1, 1, 1, 0.5, 0.5])

    static func normalized(_ values: [Double]) -> [Double] {
        var copy = values
        normalize(&copy)
        return copy
    }

    /// Scales `values` in place to a mean of 1.
    static func normalize(_ values: inout [Double]) {
        let mean = values.reduce(0, +) / Double(values.count)
        guard mean > 0 else { return }
        for index in values.indices { values[index] /= mean }
    }
}
