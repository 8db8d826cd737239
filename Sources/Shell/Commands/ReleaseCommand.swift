extension ShellCommand {
    static let release = ShellCommand(
        name: "release", group: .lab, summary: "Return a borrowed connection", usage: "release NAME",
        details: "The borrower gives its connection back to the pool; the next waiter, if any, gets it.",
        complete: completeBorrowers,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one borrower name") }
            let lab = try session.requirePoolLab("release")
            do {
                session.show(try lab.world.release(arguments[0]))
                lab.sample()
            } catch {
                throw session.labFailure(error)
            }
        })

    static let leak = ShellCommand(
        name: "leak", group: .lab, summary: "Drop a borrowed connection without returning it", usage: "leak NAME",
        details:
            "The borrower forgets its connection: the pool still counts it as lent, forever. Leak detection reports it; nothing reclaims it.",
        complete: completeBorrowers,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one borrower name") }
            let lab = try session.requirePoolLab("leak")
            do {
                session.show(try lab.world.leak(arguments[0]))
                lab.sample()
            } catch {
                throw session.labFailure(error)
            }
        })
}
