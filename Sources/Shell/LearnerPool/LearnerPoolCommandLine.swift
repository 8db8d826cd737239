import Foundation

/// `poolschool sim --pool EXERCISE`: the executable's way to run a learner's pool.
public enum LearnerPoolCommandLine {
    /// Runs the workload `options` describe with the learner's pool of `exercise`, in its child process. The
    /// report (or its JSON) goes to standard output; progress and any failure to standard error.
    public static func sim(exercise: String, options: WorkloadOptions, json: Bool) -> ExitStatus {
        let runner = LearnerPoolRunner(root: FileManager.default.currentDirectoryPath)
        let observer = RunObserver(progress: { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) })
        let request = LearnerPoolRequest(exercise: exercise, lab: nil, options: options, width: 80)
        switch runner.run(request, observer: observer) {
        case .success(let reply):
            print(json ? reply.json : reply.text)
            return .success
        case .failure(let failure):
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            return failure.isUsage ? .usage : .failure
        }
    }
}
