extension Database {
    /// NOTIFY on `channel` from backend `sender` reaches every live listener: at once for a listener outside a
    /// transaction block, when its block ends for one inside (PostgreSQL delivers between transactions only).
    mutating func deliver(_ channel: String, _ payload: String, from sender: Int) {
        let senderPID = backends[sender].pid
        for index in backends.indices where backends[index].serverAlive {
            guard backends[index].session.listening.contains(channel) else { continue }
            let notification = Notification(
                receiver: BackendRef(slot: Int32(index), generation: backends[index].generation),
                channel: channel, payload: payload, senderPID: senderPID)
            if index != sender, backends[index].session.transaction != .idle {
                heldNotifications.append(notification)
            } else {
                notifications.append(notification)
            }
        }
    }

    /// Backend `index` has just ended its transaction block: what arrived meanwhile is delivered now, in order.
    mutating func releaseHeldNotifications(for index: Int) {
        guard !heldNotifications.isEmpty else { return }
        let slot = Int32(index)
        notifications += heldNotifications.filter { $0.receiver.slot == slot }
        heldNotifications.removeAll { $0.receiver.slot == slot }
    }
}
