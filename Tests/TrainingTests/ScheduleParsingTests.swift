import Testing
@testable import Training

@Suite struct ScheduleParsingTests {
    @Test func everyFormParsesWithItsDefaults() throws {
        let cases: [(String, LearningRateSchedule)] = [
            ("constant", .constant),
            ("step:10:0.5", .step(stepSize: 10, gamma: 0.5)),
            ("step:3", .step(stepSize: 3, gamma: 0.1)),
            ("exp:0.95", .exponential(gamma: 0.95)),
            ("cosine", .cosine(
                warmupSteps: 0, warmupStartFactor: 1.0 / 3, minimumRate: 0)),
            ("cosine:500", .cosine(warmupSteps: 500)),
            ("cosine:500:0.001",
             .cosine(warmupSteps: 500, minimumRate: 0.001)),
            ("cosine:500:0.001:0.1", .cosine(
                warmupSteps: 500, warmupStartFactor: 0.1, minimumRate: 0.001)),
            ("onecycle", .oneCycle(maximumRate: nil)),
            ("onecycle:0.4", .oneCycle(maximumRate: 0.4)),
            ("plateau", .plateau(PlateauSettings(
                patience: 10, factor: 0.1, threshold: 1e-4, cooldown: 0,
                minimumRate: 0))),
            ("plateau:5", .plateau(PlateauSettings(patience: 5))),
            ("plateau:5:0.5",
             .plateau(PlateauSettings(patience: 5, factor: 0.5))),
        ]
        for (text, expected) in cases {
            #expect(
                try LearningRateSchedule(parsing: text) == expected,
                "\(text)")
        }
    }

    @Test func anUnknownNameListsTheSchedules() {
        #expect(throws: ScheduleError.unknownSchedule(name: "cosin")) {
            try LearningRateSchedule(parsing: "cosin:5")
        }
        #expect(ScheduleError.unknownSchedule(name: "cosin").description
                == "--schedule: \"cosin\" is not a schedule; use constant, "
                + "step, exp, cosine, onecycle or plateau, such as "
                + "cosine:500:0.001")
    }

    @Test func aBadFieldIsNamedWithAnExample() {
        let cases: [(String, ScheduleError)] = [
            ("step", .badField(schedule: "step", field: "EPOCHS", text: "",
                               expected: "a whole number of at least 1")),
            ("step:0:0.5", .badField(
                schedule: "step", field: "EPOCHS", text: "0",
                expected: "a whole number of at least 1")),
            ("step:2:-1", .badField(
                schedule: "step", field: "GAMMA", text: "-1",
                expected: "a number above 0")),
            ("exp", .badField(schedule: "exp", field: "GAMMA", text: "",
                              expected: "a number above 0")),
            ("exp:fast", .badField(schedule: "exp", field: "GAMMA",
                                   text: "fast", expected: "a number above 0")),
            ("cosine:1.5", .badField(
                schedule: "cosine", field: "WARMUP_BATCHES", text: "1.5",
                expected: "a whole number of at least 0")),
            ("cosine:10:-0.1", .badField(
                schedule: "cosine", field: "MIN_LR", text: "-0.1",
                expected: "a number of at least 0")),
            ("cosine:10:0:2", .badField(
                schedule: "cosine", field: "START_FACTOR", text: "2",
                expected: "a number above 0 and at most 1")),
            ("onecycle:inf", .badField(
                schedule: "onecycle", field: "MAX_LR", text: "inf",
                expected: "a number above 0")),
            ("plateau:5:1", .badField(
                schedule: "plateau", field: "FACTOR", text: "1",
                expected: "a number above 0 and below 1")),
            ("plateau::0.5", .badField(
                schedule: "plateau", field: "PATIENCE", text: "",
                expected: "a whole number of at least 0")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") {
                try LearningRateSchedule(parsing: text)
            }
        }
        let error = ScheduleError.badField(
            schedule: "plateau", field: "FACTOR", text: "1",
            expected: "a number above 0 and below 1")
        #expect(error.description == "--schedule plateau: FACTOR \"1\" is "
                + "not a number above 0 and below 1; write it as "
                + "plateau:5:0.5")
    }

    @Test func extraFieldsAreRefused() {
        let cases: [(String, ScheduleError)] = [
            ("constant:1", .tooManyFields(
                schedule: "constant", found: 1, allowed: 0)),
            ("onecycle:0.1:2", .tooManyFields(
                schedule: "onecycle", found: 2, allowed: 1)),
            ("step:1:0.5:3", .tooManyFields(
                schedule: "step", found: 3, allowed: 2)),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") {
                try LearningRateSchedule(parsing: text)
            }
        }
        #expect(ScheduleError.tooManyFields(
            schedule: "step", found: 3, allowed: 2).description
            == "--schedule step: 3 values after the name, at most 2; write "
            + "it as step:10:0.5")
    }
}
