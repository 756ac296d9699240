extension LearningRateSchedule {
    /// Reads a `--schedule` value.
    ///
    /// Grammar (fields after the name are colon-separated, trailing ones
    /// optional):
    /// `constant` · `step:EPOCHS[:GAMMA]` (gamma 0.1) · `exp:GAMMA` ·
    /// `cosine[:WARMUP_BATCHES[:MIN_LR[:START_FACTOR]]]` (0, 0, 1/3) ·
    /// `onecycle[:MAX_LR]` (the base rate) ·
    /// `plateau[:PATIENCE[:FACTOR]]` (10, 0.1).
    public init(parsing text: String) throws(ScheduleError) {
        let parts = text
            .split(separator: ":", omittingEmptySubsequences: false)
            .map(String.init)
        let name = parts[0]
        var fields = FieldReader(
            schedule: name, fields: Array(parts.dropFirst()))
        switch name {
        case "constant":
            try fields.finish(allowed: 0)
            self = .constant
        case "step":
            let size = try fields.integer("EPOCHS", atLeast: 1, default: nil)
            let gamma = try fields.positive("GAMMA", default: 0.1)
            try fields.finish(allowed: 2)
            self = .step(stepSize: size, gamma: gamma)
        case "exp":
            let gamma = try fields.positive("GAMMA", default: nil)
            try fields.finish(allowed: 1)
            self = .exponential(gamma: gamma)
        case "cosine":
            let warmup = try fields.integer("WARMUP_BATCHES", atLeast: 0,
                                            default: 0)
            let minimum = try fields.nonNegative("MIN_LR", default: 0)
            let start = try fields.fraction("START_FACTOR", default: 1.0 / 3)
            try fields.finish(allowed: 3)
            self = .cosine(warmupSteps: warmup, warmupStartFactor: start,
                           minimumRate: minimum)
        case "onecycle":
            let peak = try fields.optionalPositive("MAX_LR")
            try fields.finish(allowed: 1)
            self = .oneCycle(maximumRate: peak)
        case "plateau":
            let patience = try fields.integer("PATIENCE", atLeast: 0,
                                              default: 10)
            let factor = try fields.cut("FACTOR", default: 0.1)
            try fields.finish(allowed: 2)
            self = .plateau(PlateauSettings(patience: patience, factor: factor))
        default:
            throw .unknownSchedule(name: name)
        }
    }
}

/// Takes a schedule's fields in order, each checked as it is read.
private struct FieldReader {
    let schedule: String
    let fields: [String]
    var next = 0

    init(schedule: String, fields: [String]) {
        self.schedule = schedule
        self.fields = fields
    }

    /// The next field, nil when absent; empty text counts as present.
    private mutating func take() -> String? {
        defer { next += 1 }
        return next < fields.count ? fields[next] : nil
    }

    private func bad(
        _ field: String, _ text: String, _ expected: String
    ) -> ScheduleError {
        .badField(schedule: schedule, field: field, text: text,
                  expected: expected)
    }

    mutating func integer(
        _ field: String, atLeast low: Int, default value: Int?
    ) throws(ScheduleError) -> Int {
        let expected = "a whole number of at least \(low)"
        guard let text = take() else {
            guard let value else { throw bad(field, "", expected) }
            return value
        }
        guard let number = Int(text), number >= low else {
            throw bad(field, text, expected)
        }
        return number
    }

    private mutating func number(
        _ field: String, default value: Double?, expected: String,
        _ accept: (Double) -> Bool
    ) throws(ScheduleError) -> Double {
        guard let text = take() else {
            guard let value else { throw bad(field, "", expected) }
            return value
        }
        guard let number = Double(text), number.isFinite, accept(number)
        else { throw bad(field, text, expected) }
        return number
    }

    mutating func positive(
        _ field: String, default value: Double?
    ) throws(ScheduleError) -> Double {
        try number(field, default: value, expected: "a number above 0") {
            $0 > 0
        }
    }

    mutating func optionalPositive(
        _ field: String
    ) throws(ScheduleError) -> Double? {
        guard next < fields.count else { return nil }
        return try positive(field, default: nil)
    }

    mutating func nonNegative(
        _ field: String, default value: Double
    ) throws(ScheduleError) -> Double {
        try number(field, default: value, expected: "a number of at least 0") {
            $0 >= 0
        }
    }

    mutating func fraction(
        _ field: String, default value: Double
    ) throws(ScheduleError) -> Double {
        try number(field, default: value,
                   expected: "a number above 0 and at most 1") {
            $0 > 0 && $0 <= 1
        }
    }

    mutating func cut(
        _ field: String, default value: Double
    ) throws(ScheduleError) -> Double {
        try number(field, default: value,
                   expected: "a number above 0 and below 1") {
            $0 > 0 && $0 < 1
        }
    }

    func finish(allowed: Int) throws(ScheduleError) {
        guard fields.count <= allowed else {
            throw .tooManyFields(
                schedule: schedule, found: fields.count, allowed: allowed)
        }
    }
}
