import Hummingbird
import Logging

extension RawDataController {
    /// Token, then `accountId`/`orgId`, then content type, each refused in the vendor's shape.
    func authenticate(_ request: Request, now: Int64) throws(VendorError) {
        let claims: TokenVerifier.Claims
        do throws(TokenVerifier.Failure) {
            claims = try verifier.verify(Self.header("auth", request), now: now)
        } catch {
            logger.debug("mock.auth.refused", metadata: ["auth.failure": "\(error.rawValue)"])
            throw .invalidCredentials
        }
        if let jti = claims.jti, !state.useTokenId(jti, expires: claims.expires ?? now + 3_600, now: now) {
            logger.debug("mock.auth.refused", metadata: ["auth.failure": "replayed"])
            throw .invalidCredentials
        }
        let configuration = dataset.configuration
        for (name, expected) in [("accountId", configuration.accountId), ("orgId", configuration.orgId)] {
            guard let value = Self.header(name, request), !value.isEmpty else {
                throw .badRequest("\(name) header is required")
            }
            if let expected, expected != value {
                throw VendorError(status: .forbidden, message: "The app is not authorised for this \(name)", code: 4003)
            }
        }
        if let contentType = Self.header("Content-Type", request),
            !contentType.lowercased().contains("application/json")
        {
            throw VendorError(
                status: .unsupportedMediaType, message: "Content-Type must be application/json", code: 415)
        }
    }

    /// A request header by case-insensitive name.
    static func header(_ name: String, _ request: Request) -> String? {
        let lowered = name.lowercased()
        return request.headers.first { $0.name.canonicalName == lowered }?.value
    }
}
