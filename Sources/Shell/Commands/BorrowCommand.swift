import PoolWorld

/// How long `borrow --wait` moves the clock before it gives up and says so.
private let longestWait = SimDuration.seconds(600)

extension ShellCommand {
    static let borrow = ShellCommand(
        name: "borrow", group: .lab, summary: "Borrow a connection from the pool", usage: "borrow [as NAME] [--wait]",
        details: """
            Asks the pool for a connection for borrower NAME (default b1, b2, …). If none is free the borrower \
            waits in line; `--wait` moves the clock until it gets one or its borrow times out.
            """,
        complete: { request, _ in request.argumentIndex == 0 ? ["as", "--wait"] : ["--wait"] },
        run: { arguments, session throws(ShellError) in
            var words = arguments
            let wait = words.contains("--wait")
            words.removeAll { $0 == "--wait" }
            var name: String?
            if words.first == "as" {
                guard words.count >= 2 else { throw .usage("'as' needs a name, e.g. borrow as a") }
                name = words[1]
                words.removeFirst(2)
            }
            guard words.isEmpty else { throw .usage("unexpected '\(Sanitizer.clean(words[0]))'") }
            let lab = try session.requirePoolLab("borrow")
            let borrower = name ?? lab.freshBorrowerName()
            do {
                session.show(try lab.world.borrow(borrower))
                lab.sample()
                guard wait else { return }
                // Move the clock until the borrower holds a connection or its borrow has ended, but not
                // forever: with no timeout and a pool that cannot open connections it never would.
                var waited = SimDuration.zero
                while lab.world.borrowerSummary.contains(where: { $0.name == borrower && $0.connection == nil }) {
                    guard !session.interrupt.isRaised else {
                        throw ShellError.failed("stopped; \(borrower) still waits")
                    }
                    guard waited < longestWait else {
                        throw ShellError.failed(
                            "stopped after \(longestWait) of virtual time: \(borrower) still waits for a connection; "
                                + "'stats' and 'events' show why, 'advance' waits longer")
                    }
                    // One sample per step, not lab.advance's hundred: a long wait stays cheap.
                    session.show(try lab.world.advance(by: .milliseconds(100)))
                    lab.sample()
                    waited = waited + .milliseconds(100)
                }
            } catch {
                throw session.labFailure(error)
            }
        })
}
