import Crypto
import Foundation
import Testing

@testable import QualityAI

@Suite struct ClientTokenProviderTests {
    /// Decodes base64url without padding, independently of the code under test.
    func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    func parts(_ token: String) -> (header: [String: Any], claims: [String: Any], signingInput: String, mac: Data) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(segments.count == 3)
        let header = try! JSONSerialization.jsonObject(with: base64URLDecode(segments[0])!) as! [String: Any]
        let claims = try! JSONSerialization.jsonObject(with: base64URLDecode(segments[1])!) as! [String: Any]
        return (header, claims, "\(segments[0]).\(segments[1])", base64URLDecode(segments[2])!)
    }

    @Test func base64URLUsesTheURLAlphabetWithoutPadding() {
        #expect(TokenProvider.base64URL(Data([0xFB, 0xFF])) == "-_8")
        #expect(TokenProvider.base64URL(Data("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
    }

    @Test func mintedTokenIsSignedWithTheSecretAndCarriesTheClaims() {
        let token = TokenProvider.mint(
            clientId: "cs-1234", clientSecret: PlantedSecrets.clientSecret, issuedAt: 1_700_000_000,
            expiresAt: 1_700_003_600, jwtId: "abc123")
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        let (header, claims, signingInput, mac) = parts(token)
        #expect(header["alg"] as? String == "HS256")
        #expect(header["typ"] as? String == "JWT")
        #expect(claims["appId"] as? String == "cs-1234")
        #expect(claims["sub"] as? String == "cs-1234")
        #expect(claims["iat"] as? Int == 1_700_000_000)
        #expect(claims["exp"] as? Int == 1_700_003_600)
        #expect(claims["jti"] as? String == "abc123")
        let key = SymmetricKey(data: Data(PlantedSecrets.clientSecret.utf8))
        #expect(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(signingInput.utf8), using: key))
        let wrongKey = SymmetricKey(data: Data("another secret".utf8))
        #expect(!HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(signingInput.utf8), using: wrongKey))
    }

    @Test func aReadyJWTIsSentAsItIs() async {
        let provider = TokenProvider(credentials: .jwt(PlantedSecrets.jwt))
        #expect(await provider.token() == PlantedSecrets.jwt)
    }

    @Test func everyRequestGetsAFreshTokenThatLivesAtMostAnHour() async {
        let clock = ManualWallClock(1_800_000_000)
        let provider = TokenProvider(
            credentials: .clientCredentials(clientId: "cs-1234", clientSecret: PlantedSecrets.clientSecret),
            lifetime: .seconds(7_200), now: { clock.now })
        let first = await provider.token()
        let (_, claims, _, _) = parts(first)
        #expect(claims["iat"] as? Int == 1_800_000_000)
        #expect(claims["exp"] as? Int == 1_800_003_600)

        clock.set(1_800_000_030)
        let second = await provider.token()
        let (_, renewed, signingInput, mac) = parts(second)
        #expect(second != first)
        #expect(renewed["iat"] as? Int == 1_800_000_030)
        #expect(renewed["exp"] as? Int == 1_800_003_630)
        #expect((renewed["jti"] as? String) != (claims["jti"] as? String))
        #expect((renewed["jti"] as? String)?.count == 32)
        let key = SymmetricKey(data: Data(PlantedSecrets.clientSecret.utf8))
        #expect(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(signingInput.utf8), using: key))
    }

    @Test func defaultLifetimeIsAQuarterOfAnHour() async {
        let provider = TokenProvider(
            credentials: .clientCredentials(clientId: "cs-1", clientSecret: "s"), now: { 1_000 })
        let (_, claims, _, _) = parts(await provider.token())
        #expect(claims["exp"] as? Int == 1_900)
    }
}
