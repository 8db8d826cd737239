// swift-format-ignore-file: OrderedImports
// The learner API: the world's types an exercise needs, one line each. `import Grading` brings these and the
// exercise protocols of this folder, and nothing else of PoolWorld, so a learner's completion list stays short.
// The shell, the tests and the benchmarks import PoolWorld themselves where they need more.
//
// Adding a line here is adding to what learners see: do it only for a type an exercise's stub or solution names.
// Operators on time (`now + timeout`, `deadline - now`) are forwarded in TimeOperators.swift, since a type's
// operators are found only where the module declaring them is imported.

// The pool's state machine (exercises 2 to 7).
@_exported import protocol PoolWorld.ConnectionPoolStateMachine
@_exported import enum PoolWorld.PoolEvent
@_exported import enum PoolWorld.PoolAction
@_exported import struct PoolWorld.PoolActions
@_exported import struct PoolWorld.PoolConfig
@_exported import enum PoolWorld.PoolError
@_exported import struct PoolWorld.PoolMetrics
@_exported import struct PoolWorld.PoolTimer
@_exported import enum PoolWorld.CloseReason
@_exported import struct PoolWorld.ConnectionID
@_exported import struct PoolWorld.RequestID
@_exported import struct PoolWorld.WorldRandom
// The course's own pool, which exercise 7 may wrap.
@_exported import struct PoolWorld.ReferencePool

// Virtual time.
@_exported import struct PoolWorld.SimInstant
@_exported import struct PoolWorld.SimDuration

// The database's side, as the pools and the multiplexer (exercise 8) meet it.
@_exported import struct PoolWorld.DatabaseError
@_exported import enum PoolWorld.SQLStatement
@_exported import struct PoolWorld.StatementResult
@_exported import struct PoolWorld.SessionState

// PgBouncer's terms (exercise 8).
@_exported import enum PoolWorld.PoolMode
@_exported import struct PoolWorld.ClientID
@_exported import struct PoolWorld.ServerID
