// The simulated world: virtual time, the fake database, the reference pool, the proxy and workloads.
//
// Where to start:
// - `Simulation.run(_:)` runs a `Scenario` (database, pool, workload, seed) to the end and returns a
//   `SimulationResult`: counts, latency and wait histograms, Little's law, series, trace.
// - `World` (usually `ReferenceWorld`) is the same world driven one command at a time, for the lab.
// - `ConnectionPoolStateMachine` is the shape every pool has; `ReferencePool` is the course's own.
// - `SimDuration(parsing:)`, `ArrivalRate(parsing:)` and `ConnectionSetup.preset(named:)` read what people type.
// - `Proxy` is the course's PgBouncer, configured by `ProxyConfig(ini:)`. `ProxyWorld` drives a world with it one
//   command at a time (clients connect, send SQL, disconnect; `SHOW POOLS`, `SHOW STATS`);
//   `ProxySimulation.run(_:)` runs a `ProxyScenario` (pods in front of the proxy) to the end; `ProxyLab` builds
//   the lab's named proxy scenarios (`fan-in`, `modes-side-by-side`, `proxy-fleet`).
