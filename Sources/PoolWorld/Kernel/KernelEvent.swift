/// The events the kernel itself puts on a simulator's agenda. Each simulator's own event enum conforms with
/// cases of these names, so the kernel schedules them without knowing which world it runs.
protocol KernelEvent: DatabaseWakeEvent {
    /// The next open-loop arrival (kept beside the heap, see `Agenda`).
    static var arrival: Self { get }
    static func burst(index: Int32) -> Self
    /// A closed-loop client has thought long enough and sends its next request.
    static func clientWake(client: Int32) -> Self
    /// Time to sample the gauges for the run's series.
    static var sample: Self { get }
}

extension EngineEvent: KernelEvent {}
extension ProxyEngineEvent: KernelEvent {}
