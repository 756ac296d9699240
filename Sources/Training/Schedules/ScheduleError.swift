/// Why a `--schedule` or `--early-stop` value cannot be used.
public enum ScheduleError: Error, Equatable, CustomStringConvertible {
    /// The name before the first colon is not a schedule.
    case unknownSchedule(name: String)
    /// One field does not hold what it must.
    case badField(
        schedule: String, field: String, text: String, expected: String)
    /// More colon-separated fields than the schedule takes.
    case tooManyFields(schedule: String, found: Int, allowed: Int)
    /// A cosine warmup as long as the whole run leaves no cosine.
    case warmupTooLong(warmupSteps: Int, totalSteps: Int)
    /// The `--early-stop` patience is not a whole number of epochs.
    case badPatience(text: String)

    /// A one-line explanation ending with what to do.
    public var description: String {
        switch self {
        case .unknownSchedule(let name):
            "--schedule: \"\(name)\" is not a schedule; use constant, step, "
                + "exp, cosine, onecycle or plateau, such as "
                + "\(Self.example(for: "cosine"))"
        case .badField(let schedule, let field, let text, let expected):
            "--schedule \(schedule): \(field) \"\(text)\" is not "
                + "\(expected); write it as \(Self.example(for: schedule))"
        case .tooManyFields(let schedule, let found, let allowed):
            "--schedule \(schedule): \(found) values after the name, at "
                + "most \(allowed); write it as \(Self.example(for: schedule))"
        case .warmupTooLong(let warmupSteps, let totalSteps):
            "--schedule cosine: a warmup of \(warmupSteps) batches is not "
                + "shorter than the run (\(totalSteps) batches); use fewer, "
                + "such as cosine:\(max(1, totalSteps / 10))"
        case .badPatience(let text):
            "--early-stop: \"\(text)\" is not a whole number of epochs of "
                + "at least 1; give one such as --early-stop 5"
        }
    }

    private static func example(for schedule: String) -> String {
        let examples = [
            "constant": "constant", "step": "step:10:0.5",
            "exp": "exp:0.95", "cosine": "cosine:500:0.001",
            "onecycle": "onecycle:0.4", "plateau": "plateau:5:0.5",
        ]
        return examples[schedule] ?? "cosine:500"
    }
}
