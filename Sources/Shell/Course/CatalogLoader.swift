import Course
import Foundation
import Synchronization

/// Reads the lessons on a thread of its own, so the shell's prompt does not wait for them: parsing a
/// course is most of the start-up time, and the prompt needs only the learner's progress.
final class CatalogLoader: Sendable {
    private let loaded = Mutex<CourseCatalog?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `folder` now.
    init(folder: String) {
        Thread.detachNewThread { [self] in
            let catalog = CourseCatalog.load(folder: folder)
            loaded.withLock { $0 = catalog }
            finished.signal()
        }
    }

    /// An already-read catalog (tests, `poolschool lessons`).
    init(_ catalog: CourseCatalog) {
        loaded.withLock { $0 = catalog }
        finished.signal()
    }

    /// The catalog, waiting for the reading to finish if it has not yet.
    var catalog: CourseCatalog {
        if let catalog = loaded.withLock({ $0 }) { return catalog }
        finished.wait()
        finished.signal()  // Let any other waiter through too.
        return loaded.withLock { $0 }!
    }
}
