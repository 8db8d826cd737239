import Foundation
import PoolWorld
import RealServers

/// `--setup NAME`: the world's presets, and `measured` (`-trust`, `-tls-scram`) from `real calibrate`.
enum SetupPreset {
    /// The names `--setup` takes, for help and errors.
    static var names: [String] { ConnectionSetup.presets.map(\.name) + Calibration.presetNames }

    /// The setup called `name`; a measured one is read from `$POOLSCHOOL_HOME/real/calibration.json`.
    static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(InputError) -> ConnectionSetup
    {
        let lowered = name.lowercased()
        guard Calibration.presetNames.contains(lowered) else {
            do {
                return try ConnectionSetup.preset(named: name)
            } catch {
                throw InputError(
                    "unknown setup preset \"\(Sanitizer.clean(name))\": use one of \(names.joined(separator: ", "))")
            }
        }
        let layout = RealLayout(home: ShellHome.resolve(environment: environment).path)
        do throws(ServerError) {
            let calibration = try Calibration.load(layout)
            guard let setup = calibration.setup(named: lowered) else { throw ServerError("no preset \(lowered)") }
            return setup
        } catch {
            throw InputError(error.message)
        }
    }
}
