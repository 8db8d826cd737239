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

    /// A lab command for the learner's world (`lab --pool`): its answer, or why the child ended, after which the
    /// lab is back on the reference pool.
    func forward(_ line: String, to learner: LearnerLab) -> ExitStatus {
        switch learner.send(line, isCancelled: { [self] in interrupt.isRaised }) {
        case .success(let answer):
            guard answer.status != 0 else {
                for line in answer.lines { say(line) }
                return .success
            }
            return report(answer.lines.joined(separator: "\n"), status: answer.status == 2 ? .usage : .failure)
        case .failure(let failure):
            lab?.learner = nil
            lab?.rebuild()
            return report(
                failure.message + "\nThe lab is back on the reference pool; 'lab --pool \(learner.exercise)' starts "
                    + "yours again.", status: .failure)
        }
    }

    /// `lab --pool EXERCISE`: a fresh world of the lab's settings, running the learner's pool.
    func startLearnerLab(_ exercise: String) throws(ShellError) {
        let lab = try requirePoolLab("lab --pool")
        lab.rebuild()
        let runner = LearnerPoolRunner(root: FileManager.default.currentDirectoryPath)
        switch LearnerLab.start(exercise, lab: lab, runner: runner, observer: checkObserver()) {
        case .success(let (learner, greeting)):
            lab.learner = learner
            for line in greeting { say(line) }
            say(
                "borrow, release, leak, query, advance, burst, stats and events now go to your pool; "
                    + "'lab reset' goes back to the reference pool.")
        case .failure(let failure):
            throw failure.isUsage ? .usage(failure.message) : .failed(failure.message)
        }
    }
}
