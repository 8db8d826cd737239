import RealServers

extension ShellSession {
    /// The real-server lab of this session, made on first use under the session's home folder.
    func realLab() -> RealServerLab {
        if let lab = realServers { return lab }
        let lab = RealServerLab(home: home.path)
        realServers = lab
        return lab
    }
}
