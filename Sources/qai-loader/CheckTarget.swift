import ArgumentParser
import Warehouse

/// A value of `qai-loader check --for`: the command whose database rights must be there.
enum CheckTarget: String, Sendable, CaseIterable, ExpressibleByArgument {
    case migrate, sync, backfill, verify, status, all

    /// The command groups whose rights `--for` makes required: every group but `migrate` when
    /// the option is not given (the loading role's commands).
    static func required(_ targets: [CheckTarget]) -> Set<RightsGroup> {
        guard !targets.isEmpty else { return [.load, .status] }
        return Set(
            targets.flatMap { target -> [RightsGroup] in
                switch target {
                case .migrate: [.migrate]
                case .sync, .backfill, .verify: [.load]
                case .status: [.status]
                case .all: RightsGroup.allCases
                }
            })
    }
}
