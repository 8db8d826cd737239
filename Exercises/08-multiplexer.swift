// Exercise 8: a transaction-mode multiplexer, a tiny PgBouncer.
// Lesson: Lessons/10-proxy-pooling.md. Hints: `hint multiplexer` in the shell (make run).
// Check it: `swift test --filter Multiplexer`, or `check multiplexer` in the shell.
//
// Many clients send statements; you have at most `config.defaultPoolSize` server connections. Build the state
// machine that shares them the way PgBouncer's pool modes do (Sources/Grading/API/MultiplexerExercise.swift):
// - `.clientSent(client, statement)`: forward it (`.forward(statement, from: client, to: server)`) on the
//   client's server, or a free one; with none free, the client waits (first come, first served) and you open
//   a server if there is room (`.openServer`; the grader answers `.serverOpened(s1)`, `s2`, …).
// - `.serverReplied(server, result, status)`: answer the client (`.reply(client, result)`). Then the server
//   goes back to the pool: in transaction mode when `status` is `.idle` (the transaction is over); in
//   statement mode after every statement; in session mode only when the client disconnects (`config.poolMode`).
// - Session mode resets a server before another client gets it: `.reset(server)` runs `DISCARD ALL`
//   (`server_reset_query`); wait for its `.serverReplied` before handing the server on. Transaction and
//   statement mode do not reset (unless `config.serverResetQueryAlways`), exactly as PgBouncer.
// - Statement mode refuses transaction blocks: when a server reports it is in a transaction after a client's
//   statement, close the client with `.closeClient(client, .transactionBlocksNotAllowed)` ("FATAL: transaction
//   blocks not allowed in statement pooling mode") and close that server (`.closeServer`).
//
// The grader runs six clients against PoolWorld's fake PostgreSQL and reads each server's session state:
// a client never runs inside another client's transaction, never inherits SET or PREPARE in session mode,
// and every statement gets exactly the server's answer.
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct Multiplexer: MultiplexerExercise {
    let config: MultiplexerConfig

    init(config: MultiplexerConfig) {
        self.config = config
    }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        // Your code here.
    }
}

extension Multiplexer: Unattempted {}
