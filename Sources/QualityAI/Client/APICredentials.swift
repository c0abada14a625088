/// How the client authenticates: a ready-made JWT, or the app's client id and secret from which
/// the client mints its own short-lived HS256 tokens.
///
/// Printing a value never shows the JWT or the secret.
public enum APICredentials: Sendable, Hashable {
    /// A JWT minted elsewhere, sent as it is in the `auth` header.
    case jwt(String)
    /// The app's Client ID and Client Secret; tokens are minted and renewed by ``TokenProvider``.
    case clientCredentials(clientId: String, clientSecret: String)

    /// The secret values that must never appear in logs, errors or descriptions.
    var secrets: [String] {
        switch self {
        case .jwt(let token): [token]
        case .clientCredentials(_, let secret): [secret]
        }
    }
}

extension APICredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        switch self {
        case .jwt: "jwt(<redacted>)"
        case .clientCredentials(let clientId, _): "clientCredentials(clientId: \(clientId), clientSecret: <redacted>)"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}
