import Course

/// The course as one shell session sees it: the lessons, the learner's progress, and where they are.
final class CourseState {
    private let loader: CatalogLoader
    let store: ProgressStore
    private(set) var progress: Progress
    /// Draws each learner's own params: from `--seed`, else from the learner's name.
    let seed: UInt64
    /// Said once at start when progress could not be read.
    let notice: String?
    private var openLesson: Lesson?
    /// The lesson to resume, until the catalog is first needed.
    private var resuming: String?
    private(set) var page = 0
    /// The question the last answer finished (right, or explained after three misses), until the
    /// learner moves on: a bare `explain` then shows its explanation instead of giving up the next.
    var justFinished: Question?
    /// The next save replaces the file rather than merging with it (after `reset-progress`).
    private var replaceOnSave = false
    /// A save failed and was reported: later failures stay quiet until one succeeds.
    private var saveFailureReported = false

    convenience init(catalog: CourseCatalog, store: ProgressStore, learner: String, seed: UInt64?) {
        self.init(loader: CatalogLoader(catalog), store: store, learner: learner, seed: seed)
    }

    init(loader: CatalogLoader, store: ProgressStore, learner: String, seed: UInt64?) {
        self.loader = loader
        self.store = store
        let loaded = store.load(learner: learner)
        progress = loaded.progress
        notice = loaded.notice
        self.seed = seed ?? ParamDraw.seed(forLearner: learner)
        resuming = progress.lesson
        page = max(0, progress.page)
    }

    /// Questions changed since the learner answered them, found when the lessons were first read: asked again.
    private(set) var changedQuestions: [Progress.ChangedQuestion] = []
    private var reconciled = false

    /// The lessons; the first use may wait for them to be read, and ties progress to the questions' versions.
    var catalog: CourseCatalog {
        let catalog = loader.catalog
        if !reconciled {
            reconciled = true
            changedQuestions = progress.reconcile(with: catalog.lessons)
        }
        return catalog
    }

    /// The open lesson.
    var lesson: Lesson? {
        if let id = resuming {
            resuming = nil
            openLesson = catalog.lesson(id: id)
            if let openLesson { page = min(page, openLesson.pages.count - 1) }
        }
        return openLesson
    }

    /// `02-backpressure 3/7`, for the prompt; from progress alone while the lessons are still being read.
    var location: String? {
        if let id = resuming, let pages = progress.pageCount { return "\(id) \(min(page, pages - 1) + 1)/\(pages)" }
        return lesson.map { "\($0.id) \(page + 1)/\($0.pages.count)" }
    }

    func open(_ lesson: Lesson, page: Int = 0) {
        resuming = nil
        justFinished = nil
        openLesson = lesson
        self.page = max(0, min(page, lesson.pages.count - 1))
        progress.lesson = lesson.id
        progress.page = self.page
        progress.pageCount = lesson.pages.count
        progress.lessons[lesson.id, default: LessonProgress()].pagesSeen.insert(self.page)
    }

    /// The first question on this page not yet answered or given up on.
    var currentQuestion: Question? {
        guard let lesson else { return nil }
        return lesson.pages[page].questions.first { !progress.question(lesson.id, $0.id).isDone }
    }

    /// The learner's own values for every param of the lesson.
    func values(for lesson: Lesson) -> [String: Quantity] {
        lesson.values(seed: seed)
    }

    /// Text with this learner's numbers in place of `{param}`.
    func fill(_ text: String, in lesson: Lesson) -> String {
        Placeholders.fill(text, values: values(for: lesson), units: units(for: lesson))
    }

    func units(for lesson: Lesson) -> [String: Unit] {
        var units: [String: Unit] = [:]
        for page in lesson.pages {
            for case .params(let specs) in page.blocks { for spec in specs { units[spec.name] = spec.unit } }
        }
        return units
    }

    /// The order an order question's items are shown in, the same every time for this learner.
    func presented(_ question: Question, in lesson: Lesson) -> [Int] {
        var draw = ParamDraw(seed: seed, salt: lesson.id + "/" + question.id + "/order")
        var order = draw.shuffled(Array(question.items.indices))
        if order == Array(question.items.indices), order.count > 1 { order.swapAt(0, 1) }  // Never shown solved.
        return order
    }

    /// The order a choice or multi question's options are shown in, as authored indices: the same
    /// every time for this learner, different between learners, so a letter gives nothing away.
    func choiceOrder(_ question: Question, in lesson: Lesson) -> [Int] {
        guard question.kind == .choice || question.kind == .multi else { return [] }
        var draw = ParamDraw(seed: seed, salt: lesson.id + "/" + question.id + "/choices")
        return draw.shuffled(Array(question.choices.indices))
    }

    func checker(for lesson: Lesson, _ question: Question) -> AnswerChecker {
        AnswerChecker(
            values: values(for: lesson), presented: presented(question, in: lesson),
            choiceOrder: choiceOrder(question, in: lesson))
    }

    func record(_ question: Question, in lesson: Lesson, _ change: (inout QuestionProgress) -> Void) {
        let version = lesson.version(of: question)
        progress.update(lesson.id, question.id) { record in
            record.version = version
            change(&record)
        }
    }

    /// Records that lab `id` of `lesson` passed its check.
    func recordLab(_ id: String, in lesson: Lesson) {
        progress.lessons[lesson.id, default: LessonProgress()].labs.insert(id)
    }

    func resetProgress() {
        progress = Progress(learner: progress.learner)
        replaceOnSave = true
        resuming = nil
        openLesson = nil
        page = 0
    }

    /// Saves now, merged with what another shell on this home saved; the message says why it could not,
    /// once, until a save works again.
    func save() -> String? {
        do {
            progress = try store.save(progress, replacing: replaceOnSave)
            replaceOnSave = false
            saveFailureReported = false
            return nil
        } catch {
            guard !saveFailureReported else { return nil }
            saveFailureReported = true
            return "could not save progress: \(error.message); this session keeps your answers and tries again "
                + "on each answer"
        }
    }
}
