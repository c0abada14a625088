import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Supplies the JWT for the `auth` header: a ready token as it is or, for client credentials, a
/// fresh HS256 token signed with the client secret for every request.
///
/// A fresh token per request is deliberate: an app that enforces JTI refuses a `jti` it has seen
/// before, so a reused token would fail from its second request on; signing costs microseconds.
/// Every minted token lives at most an hour (the vendor's limit), so none can expire in use.
public actor TokenProvider {
    private let credentials: APICredentials
    private let lifetime: Int64
    private let now: @Sendable () -> Int64
    private var generator = SystemRandomNumberGenerator()

    /// - Parameters:
    ///   - lifetime: how long a minted token is valid, between one minute and one hour.
    ///   - now: the wall clock in seconds since the Unix epoch (injectable for tests).
    public init(
        credentials: APICredentials, lifetime: Duration = .seconds(900),
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) {
        self.credentials = credentials
        self.lifetime = min(3_600, max(60, lifetime.components.seconds))
        self.now = now
    }

    /// The token to send with the next request.
    public func token() -> String {
        switch credentials {
        case .jwt(let token):
            return token
        case .clientCredentials(let clientId, let clientSecret):
            let now = self.now()
            let jwtId = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
            return Self.mint(
                clientId: clientId, clientSecret: clientSecret, issuedAt: now, expiresAt: now + lifetime, jwtId: jwtId)
        }
    }

    /// An HS256 JWT with the claims the vendor requires (`appId`) plus `sub`, `iat`, `exp`, `jti`.
    public static func mint(
        clientId: String, clientSecret: String, issuedAt: Int64, expiresAt: Int64, jwtId: String
    ) -> String {
        let header = Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8)
        let claims = Claims(appId: clientId, sub: clientId, iat: issuedAt, exp: expiresAt, jti: jwtId)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = try! encoder.encode(claims)  // strings and integers always encode
        let signingInput = base64URL(header) + "." + base64URL(payload)
        let key = SymmetricKey(data: Data(clientSecret.utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + base64URL(Data(signature))
    }

    /// Base64url without padding (RFC 7515 section 2).
    public static func base64URL(_ data: Data) -> String {
        var text = data.base64EncodedString()
        text = text.replacing("+", with: "-").replacing("/", with: "_")
        while text.last == "=" { text.removeLast() }
        return text
    }

    private struct Claims: Encodable {
        var appId: String
        var sub: String
        var iat: Int64
        var exp: Int64
        var jti: String
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
