import Foundation
import Testing

@testable import Shell

/// `poolschool watch` follows the learner: the exercise named, else the file saved last.
@Suite struct WatchTargetTests {
    let exercises = [
        WatchTarget.Exercise(name: "sizing-arithmetic", fileName: "01-sizing.swift", passed: true, started: true),
        WatchTarget.Exercise(name: "fixed-size-pool", fileName: "02-fixed.swift", passed: false, started: true),
        WatchTarget.Exercise(name: "waiting-pool", fileName: "03-waiting.swift", passed: false, started: true),
        WatchTarget.Exercise(name: "leak-detection", fileName: "04-leak.swift", passed: false, started: false),
    ]
    let t0 = Date(timeIntervalSince1970: 1_000)

    @Test func startsOnTheStartedExerciseSavedLast() {
        let target = WatchTarget(named: nil, exercises: exercises)
        let stamps = ["01-sizing.swift": t0 + 9, "02-fixed.swift": t0, "03-waiting.swift": t0 + 5, "04-leak.swift": t0]
        #expect(target.initial(stamps: stamps) == "waiting-pool", "01 was saved later, but it has passed")
        let fresh = WatchTarget(
            named: nil,
            exercises: exercises.map {
                var copy = $0; copy.started = false; return copy
            })
        #expect(fresh.initial(stamps: stamps) == "fixed-size-pool", "none started: the first not passed")
    }

    @Test func followsTheFileJustSaved() {
        let target = WatchTarget(named: nil, exercises: exercises)
        let before = ["02-fixed.swift": t0, "03-waiting.swift": t0, "04-leak.swift": t0]
        var after = before
        after["04-leak.swift"] = t0 + 1
        #expect(target.afterSave(previous: before, now: after, current: "fixed-size-pool") == "leak-detection")
        after["notes.swift"] = t0 + 2  // Not an exercise: stay where we are.
        #expect(target.afterSave(previous: after, now: after, current: "leak-detection") == "leak-detection")
    }

    @Test func aNamedExerciseIsKeptWhateverIsSaved() {
        let target = WatchTarget(named: "fixed-size-pool", exercises: exercises)
        #expect(target.initial(stamps: [:]) == "fixed-size-pool")
        #expect(
            target.afterSave(previous: [:], now: ["03-waiting.swift": t0], current: "fixed-size-pool")
                == "fixed-size-pool")
        #expect(target.afterPass("fixed-size-pool") == nil)
    }

    @Test func afterAPassMovesToTheNextNotPassed() {
        let target = WatchTarget(named: nil, exercises: exercises)
        #expect(target.afterPass("waiting-pool") == "leak-detection")
        #expect(target.afterPass("leak-detection") == "fixed-size-pool", "wraps round to earlier ones not passed")
    }
}
