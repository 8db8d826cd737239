import Foundation

/// The text of the configuration files the lab writes: PostgreSQL's settings and logins, PgBouncer's.
///
/// Loopback only, no unix socket in a system folder, a low `max_connections` so that `real exhaust` reaches it
/// with a handful of clients, and three ways to log in: trust (`app_trust`), SCRAM (`app_scram`), and SCRAM
/// over TLS (the same role with `sslmode=require`; the certificate is made at set-up).
enum ClusterFiles {
    static let superuser = "poolschool"
    static let trustUser = "app_trust"
    static let scramUser = "app_scram"
    /// Not a secret: the cluster listens on 127.0.0.1 only, and the password exists to make SCRAM run.
    static let scramPassword = "poolschool-scram"
    static let maxConnections = 20
    static let superuserReserved = 3

    /// Appended to postgresql.conf once, at set-up; the port is given at each start.
    static func postgresSettings(_ layout: RealLayout) -> String {
        """

        # poolschool's private cluster (real-server lab): loopback only, small, never durable.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        max_connections = \(maxConnections)
        superuser_reserved_connections = \(superuserReserved)
        shared_buffers = 16MB
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        ssl = on
        ssl_cert_file = \(quoted(layout.certificate))
        ssl_key_file = \(quoted(layout.privateKey))
        password_encryption = 'scram-sha-256'
        logging_collector = off

        """
    }

    /// A postgresql.conf string: single quotes, a quote inside doubled (a home folder may hold one).
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The same three logins for PostgreSQL and for PgBouncer (whose hba file takes the same lines). The
    /// superuser logs in with a password of its own: with trust, any local account could reach a superuser
    /// session (and run programs as the server's account through COPY … PROGRAM).
    static let hba = """
        # TYPE  DATABASE  USER  ADDRESS  METHOD
        host all \(superuser) 127.0.0.1/32 scram-sha-256
        host all \(trustUser) 127.0.0.1/32 trust
        host all \(scramUser) 127.0.0.1/32 scram-sha-256

        """

    /// PgBouncer needs every user in its auth file, even for trust; with SCRAM's password in plain text it
    /// can answer the client's SCRAM itself and log in to PostgreSQL with SCRAM too.
    static func userList(superuserPassword: String) -> String {
        """
        "\(superuser)" "\(superuserPassword)"
        "\(trustUser)" ""
        "\(scramUser)" "\(scramPassword)"

        """
    }

    /// PgBouncer's databases and the PostgreSQL database behind each. One per pool mode, so that `real modes
    /// MODE` needs no restart, and each its own: advisory locks and LISTEN channels are per database, and a
    /// transaction-mode run leaves its locks on server connections that a statement-mode run must not meet.
    static let databases = [
        ("session_db", "lab_session", "pool_mode=session pool_size=2"),
        ("transaction_db", "lab_transaction", "pool_mode=transaction pool_size=2"),
        ("statement_db", "lab_statement", "pool_mode=statement pool_size=2"),
        ("load_db", "lab_load", "pool_mode=transaction pool_size=\(RealExhaust.bouncerPoolSize)"),
    ]

    static func bouncerConfig(_ layout: RealLayout, postgresPort: Int, bouncerPort: Int) -> String {
        let entries = databases.map { name, database, settings in
            "\(name) = host=127.0.0.1 port=\(postgresPort) dbname=\(database) \(settings)"
        }
        return """
            [databases]
            \(entries.joined(separator: "\n"))

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = \(bouncerPort)
            unix_socket_dir =
            auth_type = hba
            auth_hba_file = \(layout.bouncerHBA)
            auth_file = \(layout.bouncerUsers)
            admin_users = \(superuser)
            stats_users = \(superuser)
            pidfile = \(layout.bouncerPidFile)
            logfile = \(layout.bouncerLog)
            max_client_conn = 200
            default_pool_size = 2
            client_tls_sslmode = allow
            client_tls_cert_file = \(layout.certificate)
            client_tls_key_file = \(layout.privateKey)
            server_tls_sslmode = disable
            ignore_startup_parameters = extra_float_digits

            """
    }
}
