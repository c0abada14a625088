import Testing

@testable import QualityAI

@Suite struct ClientAPIErrorTests {
    let window = TimeWindow(start: 1_767_225_600, end: 1_767_311_999)

    @Test(arguments: [(APIError.Code.unauthorized, 401), (.forbidden, 403)])
    func refusedCredentialsPointAtTheAppSettings(code: APIError.Code, status: Int) {
        let error = APIError(
            code: code, streamId: "st-1", window: window, page: 1, status: status,
            vendorMessage: "Invalid SDK credentials")
        #expect(error.description.contains("HTTP \(status)"))
        #expect(error.description.contains("Invalid SDK credentials"))
        #expect(error.description.contains("check the client id and secret"))
        #expect(error.description.contains("appId claim"))
        #expect(error.description.contains("Quality Management Analytics"))
    }

    @Test func badRequestShowsTheVendorsMessage() {
        let error = APIError(code: .badRequest, streamId: "st-1", status: 400, vendorMessage: "limit must be <= 100")
        #expect(error.description.contains("limit must be <= 100"))
        #expect(error.description.contains("HTTP 400"))
    }

    @Test func unknownStreamNamesTheStreamAndTheSetting() {
        let error = APIError(code: .streamNotFound, streamId: "st-bogus", window: window, page: 1, status: 404)
        #expect(error.description.hasPrefix("stream id st-bogus is unknown"))
        #expect(error.description.contains("QAI_STREAM_ID"))
        #expect(error.description.contains("App Settings"))
    }

    @Test func placeNamesStreamWindowAndPage() {
        let error = APIError(code: .stuckPaging, streamId: "st-1", window: window, page: 3)
        #expect(error.description.contains("stream st-1, window 2026-01-01 00:00:00..2026-01-01 23:59:59, page 3"))
    }

    @Test func retriedFailuresSayHowOftenTheyWereTried() {
        let error = APIError(code: .server, streamId: "st-1", status: 503, attempts: 6)
        #expect(error.description.contains("HTTP 503"))
        #expect(error.description.contains("after 6 attempts"))
    }

    @Test func snippetIsCappedAndSecretsAreCutOut() {
        let body = Array(("{\"token\":\"\(PlantedSecrets.jwt)\",\"msg\":\"\(PlantedSecrets.clientSecret)\"}").utf8)
        let snippet = APIError.snippet(body, limit: 40, redacting: [PlantedSecrets.jwt, PlantedSecrets.clientSecret])
        #expect(snippet == "{\"token\":\"<redacted>...")
        #expect(APIError.snippet(body, limit: 6, redacting: [PlantedSecrets.jwt]) == "{\"toke...")
        let full = APIError.snippet(body, limit: 4_096, redacting: [PlantedSecrets.jwt, PlantedSecrets.clientSecret])
        #expect(full == "{\"token\":\"<redacted>\",\"msg\":\"<redacted>\"}")
        #expect(APIError.snippet(Array("short".utf8), redacting: []) == "short")
    }

    @Test func aSecretStraddlingTheCapIsStillCut() {
        let body = Array(("abc" + PlantedSecrets.clientSecret + "tail").utf8)
        let snippet = APIError.snippet(body, limit: 5, redacting: [PlantedSecrets.clientSecret])
        #expect(snippet == "abc<redacted>...")
    }

    @Test func noDescriptionContainsTheSecrets() {
        let codes: [APIError.Code] = [
            .unauthorized, .forbidden, .badRequest, .streamNotFound, .unexpectedStatus, .rateLimited, .server,
            .transport, .timeout, .invalidResponse, .responseTooLarge, .stuckPaging, .incompleteWindow,
            .configuration, .cancelled,
        ]
        let body = Array("{\"errors\":[{\"msg\":\"bad token \(PlantedSecrets.jwt)\"}]}".utf8)
        for code in codes {
            let error = APIError(
                code: code, streamId: "st-1", window: window, page: 2, status: 401, vendorMessage: "Invalid",
                bodySnippet: APIError.snippet(body, redacting: [PlantedSecrets.jwt]), detail: "detail")
            #expect(!PlantedSecrets.appears(in: error.description))
            #expect(!PlantedSecrets.appears(in: error.debugDescription))
            #expect(!error.description.isEmpty)
        }
    }
}
