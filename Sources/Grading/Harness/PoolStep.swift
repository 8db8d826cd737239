import PoolWorld

/// One thing that happens to a pool in a graded schedule.
///
/// Steps name borrowers and connections by their place in a list (the k-th holder, the k-th waiter) rather
/// than by id, and a step with nobody to act on does nothing, so any part of a schedule can be cut away and the
/// rest still makes sense: that is what lets a failing schedule shrink to its smallest form.
enum PoolStep: Hashable, Sendable {
    /// A new borrower asks for a connection.
    case borrow
    /// The k-th holder (oldest first, modulo their number) returns its connection.
    case release(Int)
    /// The k-th waiter gives up (`borrowCancelled`).
    case cancel(Int)
    /// Virtual time passes: opens finish, validations answer, timers fire.
    case advance(milliseconds: Int)
    /// The server silently drops the k-th open connection (a firewall, a restart): the pool is not told, and a
    /// ping or a query on it fails.
    case kill(Int)
    /// The k-th open connection breaks and the pool hears of it (`connectionClosed`).
    case breakConnection(Int)
    /// The next n attempts to open a connection fail with `too many clients`.
    case failOpens(Int)
    /// The next n connections take longer to open than any borrow timeout (a slow authentication).
    case slowOpens(Int)
    /// The next n validation pings take 40 ms: borrowers time out, give up and lifetimes end meanwhile.
    case slowPings(Int)
}

/// What a schedule for one exercise contains, and how often.
struct PoolStepMix: Sendable {
    var borrow = 5
    var release = 4
    var cancel = 0
    var advance = 4
    var kill = 0
    var breakConnection = 0
    var failOpens = 0
    var slowOpens = 0
    var slowPings = 0
    /// The most opens one `failOpens` step makes fail.
    var longestFailure = 3
    /// The longest single `advance`, in milliseconds.
    var longestAdvance = 40

    func steps(count: Int, random: inout WorldRandom) -> [PoolStep] {
        let weights = [borrow, release, cancel, advance, kill, breakConnection, failOpens, slowOpens, slowPings]
        let total = weights.reduce(0, +)
        return (0..<count).map { _ in
            var pick = random.below(total)
            var kind = 0
            while pick >= weights[kind] {
                pick -= weights[kind]
                kind += 1
            }
            switch kind {
            case 0: return .borrow
            case 1: return .release(random.below(8))
            case 2: return .cancel(random.below(8))
            case 3: return .advance(milliseconds: 1 + random.below(longestAdvance))
            case 4: return .kill(random.below(8))
            case 5: return .breakConnection(random.below(8))
            case 6: return .failOpens(1 + random.below(longestFailure))
            case 7: return .slowOpens(1 + random.below(2))
            default: return .slowPings(1 + random.below(3))
            }
        }
    }
}
