import Course
import Foundation

/// `poolschool report --json FILE`: one learner's whole record, for an LMS to collect.
public enum ReportCommandLine {
    /// Writes the report of the progress file at `progressPath` (default: the learner's home) to `json`
    /// (`-` for standard output), against the lessons folder and the exercise catalog of this project.
    public static func report(
        json: String, progressPath: String?, options: CourseOptions, environment: [String: String]
    ) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        func fail(_ message: String, _ status: ExitStatus) -> ExitStatus {
            output.write("poolschool report: " + Sanitizer.clean(message) + "\n", error: true)
            return status
        }
        let path = progressPath ?? ProgressStore(home: ShellHome.resolve(environment: environment).path).path
        let progress: Course.Progress
        switch BoundedFile.read(path, limit: ProgressStore.largestFile) {
        case .missing:
            guard progressPath == nil else { return fail("\(path): no such progress file", .usage) }
            // A learner who has not answered anything yet has an empty record, not an error.
            progress = Course.Progress(learner: CourseOptions.learner(environment))
        case .refused(let why), .tooLarge(let why):
            return fail("\(path): \(why)", .failure)
        case .contents(let data):
            do {
                progress = try JSONDecoder().decode(Course.Progress.self, from: data)
            } catch {
                return fail(
                    "\(path) is not a poolschool progress file (\(JSONProblem.describe(error))); "
                        + "it is the progress.json in a learner's poolschool home", .failure)
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let exercises = ExerciseProgress.load(from: ShellHome(path: folder.isEmpty ? "." : folder))
        let lessons = CourseCatalog.load(
            folder: CourseCatalog.folder(option: options.lessons, environment: environment))
        for problem in lessons.diagnostics { output.write("poolschool report: warning: \(problem)\n", error: true) }
        let catalogPath = (FileManager.default.currentDirectoryPath as NSString)
            .appendingPathComponent(ExerciseCatalog.defaultPath)
        let catalog = ExerciseCatalog.load(path: catalogPath)
        if !catalog.diagnostics.isEmpty {
            output.write(
                "poolschool report: warning: \(catalog.diagnostics[0]); the report lists no exercises "
                    + "(run it in the project folder)\n", error: true)
        }
        let report = LearnerReport(
            progress: progress, exercises: exercises, lessons: lessons.lessons, catalog: catalog.exercises)
        if json == "-" {
            output.write(report.json(), error: false)
            return .success
        }
        do {
            try report.json().write(toFile: json, atomically: true, encoding: .utf8)
        } catch {
            return fail("cannot write \(json): \(error.localizedDescription)", .failure)
        }
        output.write(
            "\(report.learner): \(report.totals.right) of \(report.totals.questions) questions right, "
                + "\(report.totals.points) of \(report.totals.maxPoints) points; written to \(json)\n", error: true)
        return .success
    }
}
