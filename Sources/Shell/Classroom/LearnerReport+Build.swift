import Course

extension LearnerReport {
    /// The report of `progress` and `exercises` against the course as it is now: every lesson and exercise,
    /// done or not, so reports of a class line up. `progress` is first reconciled with the lessons (in memory
    /// only), so a question changed since it was answered shows as asked again, with the earlier record.
    init(
        progress saved: Progress, exercises progressOfExercises: ExerciseProgress, lessons: [Lesson],
        catalog: [ExerciseEntry]
    ) {
        var progress = saved
        progress.reconcile(with: lessons)
        learner = progress.learner
        self.lessons = lessons.map { lesson in
            let record = progress.lessons[lesson.id] ?? LessonProgress()
            return LessonRecord(
                id: lesson.id, title: lesson.title, pages: lesson.pages.count,
                pagesSeen: record.pagesSeen.filter { $0 >= 0 && $0 < lesson.pages.count }.count,
                questions: lesson.questions.map { question in
                    let answered = record.questions[question.id] ?? QuestionProgress()
                    return QuestionRecord(
                        id: question.id, version: lesson.version(of: question), answeredVersion: answered.version,
                        attempts: answered.attempts, hints: answered.hintsShown,
                        explained: answered.revealed && !answered.solved, right: answered.solved,
                        earlier: answered.earlier.map {
                            EarlierRecord(
                                version: $0.version, attempts: $0.attempts, hints: $0.hintsShown,
                                explained: $0.revealed && !$0.solved, right: $0.solved)
                        })
                },
                labs: lesson.labs.map {
                    LabRecord(
                        id: $0.id, page: $0.page + 1, scenario: $0.block.scenario,
                        passed: record.labs.contains($0.id))
                })
        }
        exercises = catalog.map { entry in
            let run = progressOfExercises.lastRuns[entry.name]
            // The last run decides: an exercise that passed once and fails now scores nothing.
            let passed = run.map { $0.status == "passed" } ?? progressOfExercises.passed.contains(entry.name)
            return ExerciseRecord(
                name: entry.name, title: entry.title, points: entry.points, score: passed ? entry.points : 0,
                status: run?.status ?? (passed ? "passed" : "not graded"),
                hints: progressOfExercises.hintsShown[entry.name] ?? 0, rules: run?.rules ?? [])
        }
        let questions = self.lessons.flatMap(\.questions)
        let labs = self.lessons.flatMap(\.labs)
        totals = Totals(
            questions: questions.count, right: questions.filter(\.right).count,
            explained: questions.filter(\.explained).count, labs: labs.count,
            labsPassed: labs.filter(\.passed).count, points: exercises.map(\.score).reduce(0, +),
            maxPoints: exercises.map(\.points).reduce(0, +))
    }
}
