/// An entry on the world's agenda.
///
/// Payloads are small integers (indices into the engine's tables) so that a heap entry stays at 32 bytes;
/// generations and tokens let a late event recognise that what it was about has moved on.
enum EngineEvent {
    case poolStart(pool: Int32)
    case arrival
    case burst(index: Int32)
    case clientWake(client: Int32)
    case stepDone(slot: Int32, token: UInt32)
    case retry(slot: Int32, token: UInt32)
    case connectDone(pool: Int32, connection: Int32)
    case poolTimer(index: Int32, generation: UInt32)
    case cpu(generation: UInt32)
    case statementDone(backend: Int32, generation: UInt32, statement: UInt32)
    case statementTimeout(backend: Int32, generation: UInt32, statement: UInt32)
    case connectionLost(pool: Int32, connection: Int32)
    case idleCheck(backend: Int32, generation: UInt32, activity: UInt32)
    case reap(backend: Int32, generation: UInt32)
    case sample
}
