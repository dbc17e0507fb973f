import Testing
import CreditPIDCore

/// The vector file: sequences of simple-pid 1.0 steps with explicit dt.
private struct PIDVectors: Decodable {
    struct Sequence: Decodable {
        var kp, ki, kd, setpoint: Double
        var output_limits: [Double?]
        var proportional_on_measurement: Bool
        var steps: [Step]
    }
    struct Step: Decodable {
        var input, dt, output: Double
        var components: [Double]
    }
    var sequences: [Sequence]
}

@Suite("PID")
struct PIDTests {
    @Test("reproduces every step of the simple-pid 1.0 vectors within 1e-9")
    func simplePIDVectors() throws {
        let vectors = try Fixtures.decode(PIDVectors.self, from: "simple-pid-1.0.json")
        #expect(vectors.sequences.count == 60)
        var steps = 0
        for (index, sequence) in vectors.sequences.enumerated() {
            var pid = PID(kp: sequence.kp, ki: sequence.ki, kd: sequence.kd, setpoint: sequence.setpoint,
                          outputLimits: .init(lower: sequence.output_limits[0], upper: sequence.output_limits[1]),
                          proportionalOnMeasurement: sequence.proportional_on_measurement)
            for (number, step) in sequence.steps.enumerated() {
                let updated = pid.update(input: step.input, dt: step.dt)
                let output = try #require(updated)
                let where_ = "sequence \(index) step \(number)"
                #expect(abs(output - step.output) <= 1e-9, "\(where_): output \(output) != \(step.output)")
                #expect(abs(pid.components.proportional - step.components[0]) <= 1e-9, "\(where_): P")
                #expect(abs(pid.components.integral - step.components[1]) <= 1e-9, "\(where_): I")
                #expect(abs(pid.components.derivative - step.components[2]) <= 1e-9, "\(where_): D")
                steps += 1
            }
        }
        #expect(steps > 1000)
    }

    @Test("a step with dt <= 0 or NaN returns the previous output and changes nothing",
          arguments: [0.0, -1.0, -3600.0, Double.nan])
    func nonPositiveStep(dt: Double) {
        var pid = PID(kp: 2, ki: 0.5, kd: 1, outputLimits: .init(lower: -10, upper: 10))
        let none = pid.update(input: 1, dt: dt)
        #expect(none == nil)
        let first = pid.update(input: 3, dt: 1)
        let before = pid
        let again = pid.update(input: 7, dt: dt)
        #expect(again == first)
        #expect(pid == before)
    }

    @Test("a step longer than the cap integrates only the cap")
    func cappedStep() {
        var capped = PID(kp: 0, ki: 1, kd: 0, maximumStep: 7200)
        var reference = PID(kp: 0, ki: 1, kd: 0)
        capped.update(input: -1, dt: 86_400 * 3)
        reference.update(input: -1, dt: 7200)
        #expect(capped.integral == reference.integral)
        #expect(capped.integral == 7200)
    }

    @Test("narrowing the output limits clamps the integral and the last output at once")
    func narrowingLimits() {
        var pid = PID(kp: 1, ki: 1, kd: 0, outputLimits: .init(lower: -100, upper: 100))
        pid.update(input: -30, dt: 2)   // integral 60, output 90
        #expect(pid.integral == 60)
        #expect(pid.lastOutput == 90)
        pid.setOutputLimits(.init(lower: -40, upper: 40))
        #expect(pid.integral == 40)
        #expect(pid.lastOutput == 40)
    }

    @Test("the derivative acts on the measurement: a setpoint change does not kick it")
    func derivativeOnMeasurement() {
        var pid = PID(kp: 0, ki: 0, kd: 5)
        pid.update(input: 2, dt: 1)
        pid.setpoint = 50
        pid.update(input: 2, dt: 1)
        #expect(pid.components.derivative == 0)
        pid.update(input: 4, dt: 2)
        #expect(pid.components.derivative == -5)
    }
}
