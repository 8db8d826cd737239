/// Something that happened which a pool must react to: the input of a pool state machine.
///
/// The vocabulary follows PostgresNIO's pool state machine: the pool never does I/O; it hears of borrows,
/// returns, connections opening, failing and closing, validation results and timers, and answers each with
/// `PoolAction`s. Cases carrying an error are indirect so that the common events stay small to copy.
public enum PoolEvent: Hashable, Sendable {
    /// The pool was created: open the minimum, start housekeeping.
    case start
    /// Someone wants a connection.
    case borrowRequested(RequestID)
    /// A borrower that is still waiting gives up.
    case borrowCancelled(RequestID)
    /// A lent connection came back, healthy as far as the borrower knows.
    case connectionReturned(ConnectionID)
    /// A connection the pool asked for is open.
    case connectionOpened(ConnectionID)
    /// A connection the pool asked for could not be opened.
    indirect case connectionOpenFailed(ConnectionID, DatabaseError)
    /// An open connection (idle, lent or validating) broke or was ended by the server. If it was lent, the
    /// lease is over: it will not be returned.
    indirect case connectionClosed(ConnectionID, DatabaseError)
    /// A validation ping the pool asked for succeeded.
    case validationSucceeded(ConnectionID)
    /// A validation ping failed; the connection is unusable.
    indirect case validationFailed(ConnectionID, DatabaseError)
    /// A timer the pool scheduled fired.
    case timerFired(PoolTimer)
    /// Close everything and refuse further borrows.
    case shutdown
}
