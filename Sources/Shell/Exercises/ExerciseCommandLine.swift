import Course
import Foundation
import Grading

/// `poolschool check`, `watch` and `grade`, for the thin executable. They run in the project folder.
public enum ExerciseCommandLine {
    static func workspace(_ environment: [String: String]) -> ExerciseWorkspace {
        ExerciseWorkspace(
            root: FileManager.default.currentDirectoryPath, home: ShellHome.resolve(environment: environment))
    }

    /// Checks that every name is an exercise; the usage error to show otherwise.
    public static func validate(_ names: [String], environment: [String: String]) -> String? {
        let workspace = workspace(environment)
        for name in names {
            do {
                _ = try workspace.exercise(name)
            } catch {
                return error.message
            }
        }
        return nil
    }

    /// Builds once, then grades each exercise (default: all) in its own process. Exit 1 if any failed.
    public static func check(_ names: [String], environment: [String: String]) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        let workspace = workspace(environment)
        // Progress goes to standard error, marked `…`, so standard output stays the verdicts a script reads.
        let observer = RunObserver(progress: { output.write("… " + $0 + "\n", error: true) })
        if let failure = workspace.runner.build(observer: observer) {
            let outcome = ExerciseRunner.Outcome.compileErrors(failure.errors, output: failure.output)
            output.write(workspace.describe(outcome, for: workspace.exercises[0].graded) + "\n", error: true)
            return .failure
        }
        var status = ExitStatus.success
        for name in names.isEmpty ? workspace.names : names {
            guard let outcome = try? workspace.check(name, built: true, observer: observer),
                let exercise = try? workspace.exercise(name)
            else { continue }
            output.write(workspace.describe(outcome, for: exercise.graded) + "\n", error: false)
            switch outcome {
            case .graded(let report) where report.passed: break
            case .notStarted: break
            default: status = .failure
            }
        }
        return status
    }

    /// Grades every exercise and writes the results; exit 1 if the package does not build.
    public static func grade(json: String?, junit: String?, environment: [String: String]) -> ExitStatus {
        let workspace = workspace(environment)
        let failure = workspace.runner.build()
        var exercises: [GradeDocument.Exercise] = []
        for (entry, graded) in workspace.exercises {
            let outcome: ExerciseRunner.Outcome
            if let failure {
                outcome =
                    workspace.runner.markerLine(graded).map { .notStarted(line: $0) }
                    ?? .compileErrors(failure.errors, output: failure.output)
            } else {
                outcome = (try? workspace.check(entry.name, built: true)) ?? .failed("not graded")
            }
            exercises.append(GradeDocument.exercise(entry, outcome))
        }
        let document = GradeDocument(exercises: exercises)
        let output = GatedOutput(StandardOutput())
        do {
            if let json { try document.json().write(toFile: json, atomically: true, encoding: .utf8) }
            if let junit { try document.junit().write(toFile: junit, atomically: true, encoding: .utf8) }
        } catch {
            output.write("poolschool grade: cannot write the results: \(error.localizedDescription)\n", error: true)
            return .failure
        }
        output.write("score \(document.score) of \(document.maxScore)\n", error: true)
        return failure == nil ? .success : .failure
    }

    /// `poolschool start EXERCISE`: seeds it from the learner's passing previous exercise. Exit 1 if it cannot.
    public static func start(_ name: String, force: Bool, environment: [String: String]) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        do {
            output.write(try workspace(environment).start(name, force: force) + "\n", error: false)
            return .success
        } catch {
            output.write("poolschool start: \(error.message)\n", error: true)
            return .failure
        }
    }

    /// Re-grades on every save: EXERCISE if named, else the exercise saved last; moves on when it passes.
    public static func watch(_ name: String? = nil, environment: [String: String]) -> ExitStatus {
        var watch = ExerciseWatch(workspace: workspace(environment), named: name, output: GatedOutput(StandardOutput()))
        return watch.run()
    }

    static func modificationDates(in folder: String) -> [String: Date] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var stamps: [String: Date] = [:]
        for name in names where name.hasSuffix(".swift") {
            let path = (folder as NSString).appendingPathComponent(name)
            stamps[name] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        return stamps
    }

    /// The exercise catalog's problems, for `poolschool lint`, checked against the lessons and the graders.
    static func lintCatalog(lessonIDs: Set<String>, root: String) -> [Diagnostic] {
        let catalog = ExerciseCatalog.load(path: (root as NSString).appendingPathComponent(ExerciseCatalog.defaultPath))
        var graded: [String: String] = [:]
        for exercise in GradedExercise.all { graded[exercise.name] = exercise.file }
        let problems =
            catalog.diagnostics
            + catalog.crossCheck(lessonIDs: lessonIDs, gradedNames: graded) { relative in
                FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(relative))
            }
        return problems
    }
}
