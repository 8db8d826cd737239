/// An entry on the proxy world's agenda.
enum ProxyEngineEvent {
    case arrival
    case burst(index: Int32)
    case clientWake(client: Int32)
    case stepDone(slot: Int32, token: UInt32)
    case retry(slot: Int32, token: UInt32)
    /// A request's message was answered: it continues (kept on the agenda so it never runs mid-delivery).
    case answered(slot: Int32, token: UInt32)
    case loginDone(server: Int32)
    case timer(ProxyTimer, generation: UInt32)
    case cpu(generation: UInt32)
    case statementDone(backend: Int32, generation: UInt32, statement: UInt32)
    case statementTimeout(backend: Int32, generation: UInt32, statement: UInt32)
    case serverLostOnUse(server: Int32)
    /// A server's answer reaches its client, one proxy hop after the server sent it.
    case relayed(client: Int32)
    /// A client's login packet reaches the proxy, `ProxyScenario.clientLogin` after it connected.
    case clientLogin(client: Int32)
    /// A pod's new client connection was accepted or refused: its request goes on.
    case podClientReady(client: Int32)
    case idleCheck(backend: Int32, generation: UInt32, activity: UInt32)
    case sample
}
