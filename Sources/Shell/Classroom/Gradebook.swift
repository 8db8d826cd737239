/// A class's reports merged: each learner's totals, and per question, lab and exercise what the class did,
/// so an instructor sees which concept the class did not get.
public struct Gradebook: Sendable {
    public struct Learner: Sendable {
        public var name: String
        public var points = 0
        public var maxPoints = 0
        public var questions = 0
        public var right = 0
        public var explained = 0
        public var labs = 0
        public var labsPassed = 0
        /// Exercise name → the last run's status.
        public var exercises: [String: String] = [:]
    }

    public struct QuestionStats: Sendable {
        public var lesson: String
        public var question: String
        /// Learners who answered (at least one graded try, or gave up) the question as it is now.
        public var tried = 0
        /// Of those, learners who missed at least once or gave up.
        public var missed = 0
        public var gaveUp = 0
        /// Learners who saw at least one hint, and the hints shown in all.
        public var hinted = 0
        public var hints = 0
        /// Learners whose record is about an earlier version of the question (it changed since).
        public var earlierVersion = 0

        public var missRate: Double { tried == 0 ? 0 : Double(missed) / Double(tried) }
        public var hintRate: Double { tried == 0 ? 0 : Double(hinted) / Double(tried) }
    }

    public struct ExerciseStats: Sendable {
        public var name: String
        public var points: Int
        public var graded = 0
        public var passed = 0
        /// Rule name → learners whose last run failed it.
        public var failingRules: [String: Int] = [:]

        public var passRate: Double { graded == 0 ? 0 : Double(passed) / Double(graded) }

        /// The rule most learners failed (ties: the first by name), with how many.
        public var mostCommonFailure: (rule: String, learners: Int)? {
            failingRules.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { ($0.key, $0.value) }
        }
    }

    public struct LabStats: Sendable {
        public var lesson: String
        public var lab: String
        public var scenario: String
        public var passed = 0
    }

    public private(set) var learners: [Learner] = []
    public private(set) var questions: [QuestionStats] = []
    public private(set) var exercises: [ExerciseStats] = []
    public private(set) var labs: [LabStats] = []

    /// Merges `reports`; `points` (exercise name → points, from the catalog) overrides the points the reports
    /// carry, so a class graded before a catalog change is scored by the catalog as it is now.
    public init(reports: [LearnerReport], points: [String: Int] = [:]) {
        var questionIndex: [String: Int] = [:]
        var exerciseIndex: [String: Int] = [:]
        var labIndex: [String: Int] = [:]
        for report in reports {
            var learner = Learner(name: report.learner)
            for lesson in report.lessons {
                for question in lesson.questions {
                    let key = lesson.id + "\u{1F}" + question.id
                    let index =
                        questionIndex[key]
                        ?? {
                            questions.append(QuestionStats(lesson: lesson.id, question: question.id))
                            questionIndex[key] = questions.count - 1
                            return questions.count - 1
                        }()
                    learner.questions += 1
                    if question.right { learner.right += 1 }
                    if question.explained { learner.explained += 1 }
                    if !question.earlier.isEmpty && question.attempts == 0 && !question.explained {
                        questions[index].earlierVersion += 1
                    }
                    guard question.attempts > 0 || question.explained else { continue }
                    questions[index].tried += 1
                    if question.explained || !question.right || question.attempts > 1 { questions[index].missed += 1 }
                    if question.explained { questions[index].gaveUp += 1 }
                    if question.hints > 0 { questions[index].hinted += 1 }
                    questions[index].hints += question.hints
                }
                for lab in lesson.labs {
                    let key = lesson.id + "\u{1F}" + lab.id
                    let index =
                        labIndex[key]
                        ?? {
                            labs.append(LabStats(lesson: lesson.id, lab: lab.id, scenario: lab.scenario))
                            labIndex[key] = labs.count - 1
                            return labs.count - 1
                        }()
                    learner.labs += 1
                    if lab.passed {
                        learner.labsPassed += 1
                        labs[index].passed += 1
                    }
                }
            }
            for exercise in report.exercises {
                let worth = points[exercise.name] ?? exercise.points
                let index =
                    exerciseIndex[exercise.name]
                    ?? {
                        exercises.append(ExerciseStats(name: exercise.name, points: worth))
                        exerciseIndex[exercise.name] = exercises.count - 1
                        return exercises.count - 1
                    }()
                learner.maxPoints += worth
                learner.exercises[exercise.name] = exercise.status
                if exercise.status == "passed" {
                    learner.points += worth
                    exercises[index].passed += 1
                }
                if exercise.status != "not graded" && exercise.status != "not started" { exercises[index].graded += 1 }
                for rule in exercise.rules where !rule.passed {
                    exercises[index].failingRules[rule.name, default: 0] += 1
                }
            }
            learners.append(learner)
        }
        learners.sort { $0.name < $1.name }
    }
}
