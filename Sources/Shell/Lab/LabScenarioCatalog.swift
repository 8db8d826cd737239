import PoolWorld

extension LabScenario {
    /// The lab's scenarios, in course order; `default` first.
    static let catalog: [LabScenario] = [
        LabScenario(
            name: "default", summary: "A HikariCP-style pool of 10 against a PostgreSQL with default settings",
            story:
                "A pool of 10 connections, kept open (min idle 10), 30 s borrow timeout, against PostgreSQL's defaults. Try `borrow`, `query b1 SELECT 1`, `release b1`, `stats`.",
            demo: [],
            configure: { settings in
                settings.pool.minIdle = 10
            }),
        LabScenario(
            name: "setup-cost", summary: "18 ms of setup around a 6 ms query: per-request connections against a pool",
            story: """
                Every new connection pays for TCP, TLS, authentication and a forked backend: 18 ms here, around a \
                6 ms query, so three quarters of each request is ceremony. The first load opens a connection per \
                request (`--no-pool`); the second reuses a warm pool. *(sources: desk-chapter)*
                """,
            demo: [
                "load --no-pool --arrival-rate 20/s --hold-mean 6ms --hold-dist const --requests 2000",
                "load --warm --arrival-rate 20/s --hold-mean 6ms --hold-dist const --requests 2000",
            ],
            configure: { settings in
                settings.database.setup = .reservationDesk
                settings.database.cores = nil
            }),
        LabScenario(
            name: "reservation-desk", summary: "200 requests arrive at once at a pool of 25: 25 are served, 175 wait",
            story: """
                The pool is a reservation desk with 25 tables. A burst of 200 requests takes all 25 and the other \
                175 queue; each request holds its connection 100 ms. With a 250 ms borrow timeout, the back of the \
                queue gives up early instead of waiting. *(sources: desk-chapter)*
                """,
            demo: [
                "burst 200", "stats", "advance 1s", "config borrow_timeout=250ms", "burst 200", "advance 1s", "stats",
            ],
            configure: { settings in
                settings.pool.maxSize = 25
                settings.pool.minIdle = 25
                settings.database.setup = .reservationDesk
                settings.database.cores = nil
            }),
        LabScenario(
            name: "throughput-ceiling",
            summary: "20 connections × 50 ms = 400 ops/s; at 700 ops/s the queue grows without bound",
            story: """
                A pool caps throughput at size ÷ hold time: 20 ÷ 0.05 s = 400 requests a second. Below that the \
                pool keeps up; above it every second adds 300 more waiters. *(sources: desk-chapter)*
                """,
            demo: [
                "load --warm --arrival-rate 300/s --hold-mean 50ms --hold-dist const --requests 3000",
                "load --warm --arrival-rate 700/s --hold-mean 50ms --hold-dist const --requests 7000",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 20)
                settings.database.cores = nil
            }),
        LabScenario(
            name: "oversized-pool", summary: "A 4-core database with a pool of 10 and with a pool of 100",
            story: """
                The database has 4 cores. Past a few queries per core, more connections only share the same CPU: \
                each query runs slower and the waiting moves from the pool into the database. Compare \
                throughput and latency. *(sources: desk-chapter; HikariCP's pool-sizing notes)*
                """,
            demo: [
                "load --warm --clients 200 --pool-size 10 --script query --hold-mean 5ms --requests 20000",
                "load --warm --clients 200 --pool-size 100 --script query --hold-mean 5ms --requests 20000",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 10)
                settings.database.cores = 4
            }),
        LabScenario(
            name: "leak",
            summary: "Leaked connections exhaust the pool; leak detection reports them but never reclaims",
            story: """
                Five connections, each borrowed and never returned. Leak detection (5 s) reports them, as HikariCP \
                does, and leaves them lent; the next borrower times out after 2 s. *(sources: pooling-primer)*
                """,
            demo: [
                "borrow as a --wait", "borrow as b --wait", "borrow as c --wait", "borrow as d --wait",
                "borrow as e --wait", "leak a", "leak b", "leak c",
                "leak d", "leak e", "advance 6s", "borrow as f --wait", "stats",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 5, borrowTimeout: .seconds(2))
                settings.pool.leakDetectionThreshold = .seconds(5)
            }),
        LabScenario(
            name: "firewall",
            summary: "A firewall silently drops idle connections: errors, unless validated or recycled",
            story: """
                A firewall forgets connections idle for 5 minutes, telling nobody. Without validation the next \
                query on such a connection fails. Ping on borrow finds the dead one first; so does a max lifetime \
                shorter than the firewall's limit. *(sources: pooling-primer)*
                """,
            demo: [
                "borrow as a --wait", "release a", "advance 6m", "borrow as b --wait", "query b SELECT 1", "release b",
                "config validation=on-borrow", "borrow as a --wait", "release a", "advance 6m", "borrow as b --wait",
                "query b SELECT 1", "release b",
                "config validation=none max_lifetime=4m", "borrow as a --wait", "release a", "advance 6m",
                "borrow as b --wait",
                "query b SELECT 1", "release b",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 5, borrowTimeout: .seconds(30))
                settings.pool.lifetimeJitter = 0
                settings.database.firewallIdleLimit = .minutes(5)
            }),
        LabScenario(
            name: "retry-storm", summary: "Timed-out requests retry at once, adding load when there is least room",
            story: """
                Requests arrive faster than the pool can serve them and time out after 200 ms. Retrying at once \
                piles the failed requests back onto the queue; backing off with jitter spreads them out. Compare \
                the retries, the timeouts and the waiting. *(sources: desk-chapter, pooling-primer)*
                """,
            demo: [
                "load --arrival-rate 250/s --hold-mean 50ms --requests 3000 --warm --retries 3 --backoff none",
                "load --arrival-rate 250/s --hold-mean 50ms --requests 3000 --warm --retries 3 --backoff exp",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 10, borrowTimeout: .milliseconds(200))
                settings.database.cores = nil
            }),
        LabScenario(
            name: "pool-locking-deadlock", summary: "Nested transactions deadlock a pool of 4; a pool of 5 does not",
            story: """
                Four workers each hold a connection for a transaction and then need a second one. With 4 \
                connections they can all hold one and wait forever for another. HikariCP's rule: a pool needs \
                Tn × (Cm − 1) + 1 = 4 × (2 − 1) + 1 = 5. *(sources: maf-pool-guide; HikariCP's pool-sizing notes)*
                """,
            demo: [
                "load --clients 4 --script nested --hold-mean 10ms --requests 400 --pool-size 4 --warm",
                "load --clients 4 --script nested --hold-mean 10ms --requests 400 --pool-size 5 --warm",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 4)
                settings.database.cores = nil
            }),
        LabScenario(
            name: "slow-reports", summary: "Slow reports starve fast queries in one pool; pools of their own fix it",
            story: """
                About one request in thirty is a 2-second report; the rest are 5 ms queries. In one shared pool of \
                13, reports sometimes hold every connection and fast queries queue behind them (look at p95). The \
                same 13 connections split into a pool of 3 for fast queries and 10 for reports keep fast queries \
                fast. *(sources: maf-pool-guide, pooling-primer)*
                """,
            demo: [
                "load --warm --pool-size 13 --arrival-rate 100/s --hold-mean 5ms --requests 10000 --report-share 0.035 --report-hold 2s",
                "load --warm --pool-size 3 --arrival-rate 96.5/s --hold-mean 5ms --requests 9650",
                "load --warm --pool-size 10 --arrival-rate 3.5/s --hold-mean 2s --hold-dist const --requests 350",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 13)
                settings.database.cores = nil
            }),
        LabScenario(
            name: "fleet", summary: "Six pods × 20 connections against max_connections 100",
            story: """
                Each pod's pool of 20 is reasonable; six of them want 120 connections from a server with 100, \
                3 of them reserved for superusers. Past 97 the server refuses logins, and these pools (like \
                SQLAlchemy's) pass the server's error to the waiting request. Four pods (80) fit. \
                *(sources: pushbacklog, desk-chapter)*
                """,
            demo: [
                "load --instances 6 --pool-size 20 --arrival-rate 3000/s --hold-mean 40ms --requests 20000",
                "load --instances 4 --pool-size 20 --arrival-rate 1500/s --hold-mean 40ms --requests 20000",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 20, borrowTimeout: .seconds(5))
                settings.pool.failBorrowOnConnectError = true
                settings.database.cores = nil
            }),
        LabScenario(
            name: "steady-vs-spiky", summary: "Min idle = max against a small min idle: the warm-up cost at a spike",
            story: """
                A spike of 20 requests. With min idle equal to max size, 20 warm connections serve it at once. \
                With min idle 2, 18 requests wait for new connections to be opened, 18 ms each. \
                *(sources: maf-pool-guide)*
                """,
            demo: [
                "advance 1s", "burst 20", "advance 1s", "config min_idle=2", "advance 1s", "burst 20", "advance 1s",
            ],
            configure: { settings in
                settings.pool = PoolConfig.plain(size: 20, borrowTimeout: .seconds(30))
                settings.pool.minIdle = 20
                settings.database.setup = .reservationDesk
                settings.database.cores = nil
            }),
    ]
}
