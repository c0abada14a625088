import NIOHTTP1
import Testing

@testable import QualityAI

@Suite struct ClientResponseTests {
    let credentialsBody = Array(#"{"errors":[{"msg":"Invalid SDK credentials","code":4002}]}"#.utf8)
    let rateLimitBody = Array(
        #"{"message":"You've exceeded the per-minute rate limit. Wait for sometime before retrying."}"#.utf8)

    func failure(_ status: Int, _ body: [UInt8] = [], headers: HTTPHeaders = [:]) -> APIError? {
        RawDataClient.failure(status: status, headers: headers, body: body, secrets: [PlantedSecrets.jwt])
    }

    @Test func successIsNoFailure() {
        #expect(failure(200) == nil)
        #expect(failure(204) == nil)
    }

    @Test(arguments: [
        (400, APIError.Code.badRequest), (401, .unauthorized), (403, .forbidden), (404, .streamNotFound),
        (405, .unexpectedStatus), (408, .timeout), (429, .rateLimited), (500, .server), (502, .server),
        (503, .server), (504, .server),
    ])
    func statusesMapToCodes(status: Int, code: APIError.Code) {
        #expect(failure(status)?.code == code)
        #expect(failure(status)?.status == status)
    }

    @Test func finalStatusesAreNotRetryable() {
        for status in [400, 401, 403, 404, 405] { #expect(failure(status)?.isRetryable == false) }
        for status in [408, 429, 500, 503] { #expect(failure(status)?.isRetryable == true) }
    }

    @Test func theVendorsMessageIsRead() {
        let error = failure(401, credentialsBody)
        #expect(error?.vendorMessage == "Invalid SDK credentials")
        #expect(error?.description.contains("Invalid SDK credentials") == true)
    }

    @Test(arguments: [200, 400, 503])
    func aRateLimitMessageIsRateLimitedWhateverTheStatus(status: Int) {
        let error = failure(status, rateLimitBody)
        if status == 200 {
            #expect(error == nil)
        } else {
            #expect(error?.code == .rateLimited)
        }
    }

    @Test func retryAfterIsReadInSecondsAndAsADate() {
        #expect(failure(429, headers: ["Retry-After": "17"])?.retryAfter == .seconds(17))
        let future = failure(503, headers: ["Retry-After": "Fri, 01 Jan 2100 00:00:00 GMT"])?.retryAfter
        #expect(future.map { $0 > .seconds(86_400 * 365 * 50) } == true)
        #expect(failure(429, headers: ["Retry-After": "later"])?.retryAfter == nil)
    }

    @Test func anEchoedTokenNeverReachesTheError() {
        let body = Array(#"{"errors":[{"msg":"bad token \#(PlantedSecrets.jwt)"}]}"#.utf8)
        let error = failure(401, body)
        #expect(error?.bodySnippet?.contains("<redacted>") == true)
        #expect(!PlantedSecrets.appears(in: error?.debugDescription ?? ""))
        #expect(!PlantedSecrets.appears(in: error?.vendorMessage ?? ""))
    }
}
