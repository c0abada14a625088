/// `ReaderRole.create` refused a role name: says which role and why, never a password.
public struct ReaderRoleError: Error, Sendable, CustomStringConvertible {
    /// The role name that was refused.
    public var role: String
    /// Why, in words.
    public var reason: String

    public init(role: String, reason: String) {
        self.role = role
        self.reason = reason
    }

    public var description: String {
        "cannot make \(role) the read-only role: \(reason)\n"
            + "What to do: choose a new role name (e.g. qai_reader); qai-loader creates it with read access only"
    }
}
