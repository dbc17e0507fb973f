/// A PID controller with no clock: the caller passes the time step.
///
/// With `proportionalOnMeasurement == false` and no `maximumStep`, one call is exactly a call
/// of simple-pid 1.0 with an explicit `dt` and `sample_time=None`, so the original controller
/// can be reproduced step for step. Where simple-pid is fragile, this one is not: a step with
/// `dt <= 0` (simple-pid divides by 1e-16 there) returns the previous output and changes
/// nothing, and a step far longer than expected (a pause, a suspended host) can be capped.
public struct PID: Sendable, Codable, Equatable {
    public var kp: Double
    public var ki: Double
    public var kd: Double
    public var setpoint: Double
    /// Proportional on measurement: the P term integrates `-kp * d(input)` instead of being
    /// `kp * error`, which avoids overshoot on setpoint changes.
    public var proportionalOnMeasurement: Bool
    /// The longest `dt` a step may use; longer steps are shortened to it. Nil: no cap.
    public var maximumStep: Double?

    public private(set) var outputLimits: OutputLimits
    public private(set) var components: Components
    public private(set) var lastOutput: Double?
    public private(set) var lastInput: Double?

    public struct OutputLimits: Sendable, Codable, Equatable {
        public var lower: Double?
        public var upper: Double?
        public static let none = OutputLimits(lower: nil, upper: nil)

        public init(lower: Double?, upper: Double?) {
            self.lower = lower
            self.upper = upper
        }

        func clamp(_ value: Double) -> Double {
            if let upper, value > upper { return upper }
            if let lower, value < lower { return lower }
            return value
        }
    }

    /// The three terms of the last output, before the output was clamped.
    public struct Components: Sendable, Codable, Equatable {
        public var proportional: Double
        public var integral: Double
        public var derivative: Double
        public static let zero = Components(proportional: 0, integral: 0, derivative: 0)
    }

    public init(kp: Double, ki: Double, kd: Double, setpoint: Double = 0,
                outputLimits: OutputLimits = .none, proportionalOnMeasurement: Bool = false,
                maximumStep: Double? = nil) {
        self.kp = kp
        self.ki = ki
        self.kd = kd
        self.setpoint = setpoint
        self.proportionalOnMeasurement = proportionalOnMeasurement
        self.maximumStep = maximumStep
        self.outputLimits = outputLimits
        self.components = .zero
        self.lastOutput = nil
        self.lastInput = nil
    }

    /// The accumulated integral term. Setting it does not clamp it, as restoring
    /// simple-pid's `_integral` from a saved state does not.
    public var integral: Double {
        get { components.integral }
        set { components.integral = newValue }
    }

    /// Changes the output limits and clamps the integral and the last output to them at
    /// once, so a narrower range takes effect on the next step rather than after windup
    /// has bled off.
    public mutating func setOutputLimits(_ limits: OutputLimits) {
        outputLimits = limits
        components.integral = limits.clamp(components.integral)
        if let lastOutput { self.lastOutput = limits.clamp(lastOutput) }
    }

    /// One step: the measurement `input` after `dt` seconds. Returns the new output, or the
    /// previous one (nil before the first step) when `dt` is not positive.
    @discardableResult
    public mutating func update(input: Double, dt rawStep: Double) -> Double? {
        guard rawStep > 0 else { return lastOutput }  // also false for NaN
        let dt = maximumStep.map { min(rawStep, $0) } ?? rawStep

        // Errors: the derivative works on the measurement, so a setpoint change
        // does not kick the output.
        let error = setpoint - input
        let inputChange = input - (lastInput ?? input)

        // Proportional term.
        if proportionalOnMeasurement {
            components.proportional -= kp * inputChange
        } else {
            components.proportional = kp * error
        }

        // Integral term, clamped to the output limits against windup.
        components.integral = outputLimits.clamp(components.integral + ki * error * dt)

        // Derivative term.
        components.derivative = -kd * inputChange / dt

        let output = outputLimits.clamp(
            components.proportional + components.integral + components.derivative)
        lastOutput = output
        lastInput = input
        return output
    }
}
