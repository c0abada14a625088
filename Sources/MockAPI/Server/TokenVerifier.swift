import Crypto
import Foundation

/// Checks the `auth` header as the vendor does: a JWT signed HS256 with the client secret whose
/// payload carries `appId`; `exp`, when present, must not be past; a `jti` may not be reused
/// within its lifetime (its `exp`, or an hour when it has none).
struct TokenVerifier: Sendable {
    private let secret: [UInt8]
    let clientId: String?

    init(clientSecret: String, clientId: String?) {
        secret = Array(clientSecret.utf8)
        self.clientId = clientId
    }

    /// The claims that matter once the signature is good.
    struct Claims: Sendable {
        var appId: String
        var jti: String?
        /// When the token (and its jti) stops being valid, in epoch seconds.
        var expires: Int64?
    }

    /// The reason a token was refused (logged, never the token itself).
    enum Failure: String, Error {
        case missing, malformed, algorithm, signature, appId, expired, replayed
    }

    func verify(_ token: String?, now: Int64) throws(Failure) -> Claims {
        guard let token, !token.isEmpty else { throw .missing }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.base64URL(parts[0]), let payloadData = Self.base64URL(parts[1]),
            let signature = Self.base64URL(parts[2]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            let payload = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        else { throw .malformed }
        guard header["alg"] as? String == "HS256" else { throw .algorithm }
        let signed = Data("\(parts[0]).\(parts[1])".utf8)
        guard
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: SymmetricKey(data: secret))
        else {
            throw .signature
        }
        guard let appId = payload["appId"] as? String, !appId.isEmpty, clientId == nil || clientId == appId else {
            throw .appId
        }
        var expires: Int64?
        if let exp = payload["exp"] {
            guard let number = exp as? NSNumber else { throw .malformed }
            expires = number.int64Value
            guard number.int64Value >= now else { throw .expired }
        }
        return Claims(appId: appId, jti: payload["jti"] as? String, expires: expires)
    }

    static func base64URL(_ text: Substring) -> Data? {
        var base64 = String(text.filter { $0 != "=" }).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
