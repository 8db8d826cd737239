import PoolWorld

/// What the shell asks the learner-pool child to run: written as JSON to a file the child is given.
struct LearnerPoolRequest: Codable, Sendable {
    /// The exercise whose pool runs (`waiting-pool`).
    var exercise: String
    /// The lab's settings (`load`, `compare` in the shell); nil: `poolschool sim`'s defaults.
    var lab: LabSnapshot?
    var plan: LoadPlan
    /// Columns the charts may use.
    var width: Int
    /// CPU seconds the child may use before the kernel stops it (an endless loop in the learner's pool).
    var cpuSeconds: Int

    init(exercise: String, lab: LabSnapshot?, plan: LoadPlan, width: Int, cpuSeconds: Int = 20) {
        self.exercise = exercise
        self.lab = lab
        self.plan = plan
        self.width = width
        self.cpuSeconds = cpuSeconds
    }

    init(exercise: String, lab: LabSnapshot?, options: WorkloadOptions, width: Int) {
        self.init(exercise: exercise, lab: lab, plan: LoadPlan(options: options), width: width)
    }
}

/// What the child answers: the run, already rendered, and its row for `compare`.
struct LearnerPoolReply: Codable, Sendable {
    /// Set when the child could not run the request (the rest is empty then).
    var error: String?
    /// `poolschool sim`'s summary and JSON.
    var text = ""
    var json = ""
    /// The timeline and the latency chart, at the request's width.
    var timeline = ""
    var latency = ""
    var row: ComparisonRow?
    /// Broken pool contracts the world's checker found, the first few.
    var violations: [String] = []

    init(error: String? = nil) {
        self.error = error
    }
}
