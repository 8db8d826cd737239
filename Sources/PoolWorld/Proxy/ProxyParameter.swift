/// One `[pgbouncer]` parameter of PgBouncer 1.25, as pgbouncer.ini accepts it and `SHOW CONFIG` lists it.
public struct ProxyParameter: Hashable, Sendable {
    /// How a value is read; the world checks unsimulated parameters by kind too, so a typo is still caught.
    public enum Kind: Hashable, Sendable {
        case integer
        /// Seconds, fractions allowed, no unit (pgbouncer.ini's durations).
        case seconds
        case text
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    /// The default as `SHOW CONFIG` prints it.
    public let defaultValue: String
    /// `SHOW CONFIG`'s `changeable`: whether a RELOAD applies a new value (no: only a restart does).
    public let changeable: Bool

    init(_ name: String, _ kind: Kind, _ defaultValue: String, changeable: Bool) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.changeable = changeable
    }

    /// Whether the world's proxy behaves differently with this parameter (else it is accepted and shown only).
    public var simulated: Bool { ProxyConfig.simulatedKeys.contains(name) }

    public static func named(_ name: String) -> ProxyParameter? { all.first { $0.name == name } }

    /// Every parameter of PgBouncer 1.25.2 on Linux, in `SHOW CONFIG`'s (alphabetical) order, with upstream's
    /// defaults: `bouncer_params` in src/main.c. `service_name` is Windows-only upstream and left out.
    public static let all: [ProxyParameter] = [
        ProxyParameter("admin_users", .text, "", changeable: true),
        ProxyParameter("application_name_add_host", .integer, "0", changeable: true),
        ProxyParameter("auth_dbname", .text, "", changeable: true),
        ProxyParameter("auth_file", .text, "", changeable: true),
        ProxyParameter("auth_hba_file", .text, "", changeable: true),
        ProxyParameter("auth_ident_file", .text, "", changeable: true),
        ProxyParameter("auth_ldap_options", .text, "", changeable: true),
        ProxyParameter(
            "auth_query", .text,
            "SELECT rolname, CASE WHEN rolvaliduntil < now() THEN NULL ELSE rolpassword END FROM pg_authid WHERE rolname=$1 AND rolcanlogin",
            changeable: true),
        ProxyParameter(
            "auth_type", .choice(["any", "trust", "plain", "md5", "cert", "hba", "ldap", "pam", "scram-sha-256"]),
            "md5", changeable: true),
        ProxyParameter("auth_user", .text, "", changeable: true),
        ProxyParameter("autodb_idle_timeout", .seconds, "3600", changeable: true),
        ProxyParameter("cancel_wait_timeout", .seconds, "10", changeable: true),
        ProxyParameter("client_idle_timeout", .seconds, "0", changeable: true),
        ProxyParameter("client_login_timeout", .seconds, "60", changeable: true),
        ProxyParameter("client_tls13_ciphers", .text, "", changeable: true),
        ProxyParameter("client_tls_ca_file", .text, "", changeable: true),
        ProxyParameter("client_tls_cert_file", .text, "", changeable: true),
        ProxyParameter("client_tls_ciphers", .text, "default", changeable: true),
        ProxyParameter("client_tls_dheparams", .text, "auto", changeable: true),
        ProxyParameter("client_tls_ecdhcurve", .text, "auto", changeable: true),
        ProxyParameter("client_tls_key_file", .text, "", changeable: true),
        ProxyParameter("client_tls_protocols", .text, "secure", changeable: true),
        ProxyParameter(
            "client_tls_sslmode", .choice(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]),
            "disable", changeable: true),
        ProxyParameter("conffile", .text, "", changeable: true),
        ProxyParameter("default_pool_size", .integer, "20", changeable: true),
        ProxyParameter("disable_pqexec", .integer, "0", changeable: false),
        ProxyParameter("dns_max_ttl", .seconds, "15", changeable: true),
        ProxyParameter("dns_nxdomain_ttl", .seconds, "15", changeable: true),
        ProxyParameter("dns_zone_check_period", .seconds, "0", changeable: true),
        ProxyParameter("idle_transaction_timeout", .seconds, "0", changeable: true),
        ProxyParameter("ignore_startup_parameters", .text, "", changeable: true),
        ProxyParameter("job_name", .text, "pgbouncer", changeable: false),
        ProxyParameter("listen_addr", .text, "", changeable: false),
        ProxyParameter("listen_backlog", .integer, "128", changeable: false),
        ProxyParameter("listen_port", .integer, "6432", changeable: false),
        ProxyParameter("log_connections", .integer, "1", changeable: true),
        ProxyParameter("log_disconnections", .integer, "1", changeable: true),
        ProxyParameter("log_pooler_errors", .integer, "1", changeable: true),
        ProxyParameter("log_stats", .integer, "1", changeable: true),
        ProxyParameter("logfile", .text, "", changeable: true),
        ProxyParameter("max_client_conn", .integer, "100", changeable: true),
        ProxyParameter("max_db_client_connections", .integer, "0", changeable: true),
        ProxyParameter("max_db_connections", .integer, "0", changeable: true),
        ProxyParameter("max_packet_size", .integer, "2147483647", changeable: true),
        ProxyParameter("max_prepared_statements", .integer, "200", changeable: true),
        ProxyParameter("max_user_client_connections", .integer, "0", changeable: true),
        ProxyParameter("max_user_connections", .integer, "0", changeable: true),
        ProxyParameter("min_pool_size", .integer, "0", changeable: true),
        ProxyParameter("peer_id", .integer, "0", changeable: true),
        ProxyParameter("pidfile", .text, "", changeable: false),
        ProxyParameter("pkt_buf", .integer, "4096", changeable: false),
        ProxyParameter("pool_mode", .choice(["session", "transaction", "statement"]), "session", changeable: true),
        ProxyParameter("query_timeout", .seconds, "0", changeable: true),
        ProxyParameter("query_wait_notify", .integer, "5", changeable: true),
        ProxyParameter("query_wait_timeout", .seconds, "120", changeable: true),
        ProxyParameter("reserve_pool_size", .integer, "0", changeable: true),
        ProxyParameter("reserve_pool_timeout", .seconds, "5", changeable: true),
        ProxyParameter("resolv_conf", .text, "", changeable: false),
        ProxyParameter("sbuf_loopcnt", .integer, "5", changeable: true),
        ProxyParameter("scram_iterations", .integer, "4096", changeable: true),
        ProxyParameter("server_check_delay", .seconds, "30", changeable: true),
        ProxyParameter("server_check_query", .text, "<empty>", changeable: true),
        ProxyParameter("server_connect_timeout", .seconds, "15", changeable: true),
        ProxyParameter("server_fast_close", .integer, "0", changeable: true),
        ProxyParameter("server_idle_timeout", .seconds, "600", changeable: true),
        ProxyParameter("server_lifetime", .seconds, "3600", changeable: true),
        ProxyParameter("server_login_retry", .seconds, "15", changeable: true),
        ProxyParameter("server_reset_query", .text, "DISCARD ALL", changeable: true),
        ProxyParameter("server_reset_query_always", .integer, "0", changeable: true),
        ProxyParameter("server_round_robin", .integer, "0", changeable: true),
        ProxyParameter("server_tls13_ciphers", .text, "", changeable: true),
        ProxyParameter("server_tls_ca_file", .text, "", changeable: true),
        ProxyParameter("server_tls_cert_file", .text, "", changeable: true),
        ProxyParameter("server_tls_ciphers", .text, "default", changeable: true),
        ProxyParameter("server_tls_key_file", .text, "", changeable: true),
        ProxyParameter("server_tls_protocols", .text, "secure", changeable: true),
        ProxyParameter(
            "server_tls_sslmode", .choice(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]),
            "prefer", changeable: true),
        ProxyParameter("so_reuseport", .integer, "0", changeable: false),
        ProxyParameter("stats_period", .integer, "60", changeable: true),
        ProxyParameter("stats_users", .text, "", changeable: true),
        ProxyParameter("suspend_timeout", .seconds, "10", changeable: true),
        ProxyParameter("syslog", .integer, "0", changeable: true),
        ProxyParameter("syslog_facility", .text, "daemon", changeable: true),
        ProxyParameter("syslog_ident", .text, "pgbouncer", changeable: true),
        ProxyParameter("tcp_defer_accept", .integer, "1", changeable: true),
        ProxyParameter("tcp_keepalive", .integer, "1", changeable: true),
        ProxyParameter("tcp_keepcnt", .integer, "0", changeable: true),
        ProxyParameter("tcp_keepidle", .integer, "0", changeable: true),
        ProxyParameter("tcp_keepintvl", .integer, "0", changeable: true),
        ProxyParameter("tcp_socket_buffer", .integer, "0", changeable: true),
        ProxyParameter("tcp_user_timeout", .integer, "0", changeable: true),
        ProxyParameter("track_extra_parameters", .text, "IntervalStyle", changeable: false),
        ProxyParameter("transaction_timeout", .seconds, "0", changeable: true),
        ProxyParameter("unix_socket_dir", .text, "/tmp", changeable: false),
        ProxyParameter("unix_socket_group", .text, "", changeable: false),
        ProxyParameter("unix_socket_mode", .integer, "0777", changeable: false),
        ProxyParameter("user", .text, "", changeable: false),
        ProxyParameter("verbose", .integer, "0", changeable: true),
    ]
}
