import Crypto
import Foundation
import MockAPI

/// JWTs made by the tests themselves (HS256 with swift-crypto), independent of the mock's verifier.
enum TestToken {
    static let header = #"{"alg":"HS256","typ":"JWT"}"#

    static func make(
        payload: String, header: String = TestToken.header, secret: String = MockAPIConfiguration.defaultClientSecret
    ) -> String {
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(payload.utf8))
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(signingInput.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return signingInput + "." + base64URL(Data(mac))
    }

    /// A token the mock must accept: `{"appId": "cs-test-app"}`, no exp, no jti.
    static var valid: String { make(payload: #"{"appId":"cs-test-app"}"#) }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static var nowSeconds: Int { Int(Date().timeIntervalSince1970) }
}
