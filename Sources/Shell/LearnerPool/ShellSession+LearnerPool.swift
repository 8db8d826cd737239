import Foundation

extension ShellSession {
    /// Runs `plan` over the lab's settings with the learner's pool of `exercise`, in its own process.
    func runLearnerPool(_ exercise: String, plan: LoadPlan, lab: LabState?, width: Int) throws(ShellError)
        -> LearnerPoolReply
    {
        let runner = LearnerPoolRunner(root: FileManager.default.currentDirectoryPath)
        let request = LearnerPoolRequest(
            exercise: exercise, lab: lab.map(LabSnapshot.init), plan: plan, width: width)
        switch runner.run(request, observer: checkObserver()) {
        case .success(let reply): return reply
        case .failure(let failure): throw failure.isUsage ? .usage(failure.message) : .failed(failure.message)
        }
    }
}
