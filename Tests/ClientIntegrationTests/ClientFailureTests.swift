import AsyncHTTPClient
import QualityAI
import Synchronization
import TestSupport
import Testing

/// Final failures fail at once; transient ones are retried.
@Suite struct ClientFailureTests {
    static let start: Int64 = 1_767_225_600
    let day = TimeWindow(start: start, end: start + 86_399)
    let page = #"{"results":[{"conversationId":"c-1"},{"conversationId":"c-2"}],"totalResults":2,"hasMore":false}"#

    struct Run {
        var error: APIError?
        var result: WindowResult?
        var requests: [ScriptedRequest]
        var retrySleeps: [Duration]
    }

    func run(
        credentials: APICredentials = .jwt(Planted.jwt), _ script: @escaping ScriptedServer.Script
    ) async throws -> Run {
        try await ScriptedServer.run(script) { server in
            try await HTTPClient.withHTTPClient { http in
                let configuration = ClientHarness.configuration(baseURL: server.baseURL) {
                    $0.credentials = credentials
                }
                let harness = try ClientHarness(httpClient: http, configuration: configuration)
                do {
                    let result = try await harness.client.fetchWindow(streamId: "st-1", window: day)
                    return Run(result: result, requests: server.requests, retrySleeps: harness.retryClock.sleeps)
                } catch {
                    return Run(
                        error: error as? APIError, requests: server.requests, retrySleeps: harness.retryClock.sleeps)
                }
            }
        }
    }

    /// Answers the n-th request (1-based) with `answers[n - 1]`, later ones with the last.
    func sequence(_ answers: [ScriptedResponse]) -> ScriptedServer.Script {
        let counter = Atomic(0)
        return { _ in answers[min(counter.add(1, ordering: .relaxed).newValue, answers.count) - 1] }
    }

    @Test(arguments: [
        (401, APIError.Code.unauthorized, "appId claim"), (403, .forbidden, "client id and secret"),
        (400, .badRequest, "Invalid SDK credentials"), (404, .streamNotFound, "QAI_STREAM_ID"),
        (405, .unexpectedStatus, "path prefix"),
    ])
    func finalStatusesFailAtOnceWithoutASecret(status: Int, code: APIError.Code, advice: String) async throws {
        let body = #"{"errors":[{"msg":"Invalid SDK credentials","code":4002}],"echo":"\#(Planted.jwt)"}"#
        let run = try await run { _ in ScriptedResponse(status: status, json: body) }
        #expect(run.requests.count == 1)
        #expect(run.error?.code == code)
        #expect(run.error?.status == status)
        #expect(run.error?.attempts == 1)
        #expect(run.error?.description.contains(advice) == true)
        #expect(!Planted.appears(in: run.error?.description ?? ""))
        #expect(!Planted.appears(in: run.error?.debugDescription ?? ""))
    }

    @Test func mintedTokensNeverLeakIntoAnError() async throws {
        let credentials = APICredentials.clientCredentials(clientId: "cs-1", clientSecret: Planted.clientSecret)
        let run = try await run(credentials: credentials) { request in
            ScriptedResponse(
                status: 401, json: #"{"errors":[{"msg":"Invalid SDK credentials \#(request.headers["auth"] ?? "")"}]}"#)
        }
        let token = run.requests.first?.headers["auth"] ?? ""
        #expect(token.split(separator: ".").count == 3)
        #expect(run.error?.code == .unauthorized)
        #expect(run.error?.description.contains(token) == false)
        #expect(run.error?.debugDescription.contains(token) == false)
        #expect(!Planted.appears(in: run.error?.debugDescription ?? ""))
    }

    @Test func serverErrorsAreRetriedUntilAnAnswerComes() async throws {
        let run = try await run(
            sequence([
                ScriptedResponse(status: 503, json: "{}"),
                ScriptedResponse(status: 502, body: Array("bad gateway".utf8)),
                ScriptedResponse(json: page),
            ]))
        #expect(run.result?.conversations.map(\.conversationId) == ["c-1", "c-2"])
        #expect(run.result?.statistics.requests == 3)
        #expect(run.result?.statistics.retries == 2)
        #expect(run.retrySleeps.count == 2)
    }

    @Test func retryAfterIsHonoured() async throws {
        let limited = ScriptedResponse(
            status: 429, headers: [("Retry-After", "7")], body: Array(#"{"errors":[{"msg":"slow down"}]}"#.utf8))
        let run = try await run(sequence([limited, ScriptedResponse(json: page)]))
        #expect(run.result?.conversations.count == 2)
        #expect(run.result?.statistics.rateLimited == 1)
        #expect(run.retrySleeps.count == 1)
        #expect(run.retrySleeps.first.map { $0 >= .seconds(7) } == true)
    }

    @Test func aRateLimitMessageWithStatus200IsRetried() async throws {
        let message = #"{"message":"You've exceeded the per-minute rate limit. Wait for sometime before retrying."}"#
        let run = try await run(sequence([ScriptedResponse(json: message), ScriptedResponse(json: page)]))
        #expect(run.result?.conversations.count == 2)
        #expect(run.result?.statistics.rateLimited == 1)
        #expect(run.result?.statistics.retries == 1)
    }

    @Test func truncatedAndHTMLBodiesAreRetried() async throws {
        let run = try await run(
            sequence([
                ScriptedResponse(json: String(page.prefix(30))),
                ScriptedResponse(body: Array("<html><body>Bad Gateway</body></html>".utf8)),
                ScriptedResponse(json: page),
            ]))
        #expect(run.result?.conversations.count == 2)
        #expect(run.result?.statistics.retries == 2)
    }

    @Test func persistentFailureStopsAfterTheLastAttempt() async throws {
        let run = try await run { _ in ScriptedResponse(status: 500, json: #"{"errors":[{"msg":"boom"}]}"#) }
        #expect(run.requests.count == 4)
        #expect(run.error?.code == .server)
        #expect(run.error?.attempts == 4)
        #expect(run.error?.vendorMessage == "boom")
        #expect(run.error?.description.contains("after 4 attempts") == true)
    }

    @Test func requestCarriesTheVendorsHeadersPathAndBody() async throws {
        let run = try await run { _ in ScriptedResponse(json: page) }
        let request = try #require(run.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/qualityai/api/v1/public/qualitymanagement/app/st-1/rawdata")
        #expect(request.headers["auth"] == Planted.jwt)
        #expect(request.headers["accountid"] == "acc-1")
        #expect(request.headers["orgid"] == "o-1")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["authorization"] == nil)
        let query = try #require(PageRequest(request))
        #expect(
            query
                == PageRequest(
                    offset: 0, page: 1, limit: 100, startDate: "2026-01-01 00:00:00", endDate: "2026-01-01 23:59:59"))
    }

    @Test func anUnreachableServerIsATransportError() async throws {
        try await HTTPClient.withHTTPClient { http in
            let harness = try ClientHarness(
                httpClient: http,
                configuration: ClientHarness.configuration(baseURL: "http://127.0.0.1:9") {
                    // Long enough that a loaded machine still sees the refusal before the timeout.
                    $0.requestTimeout = .seconds(10)
                    $0.maxAttempts = 2
                })
            let error = await harness.failure(window: day)
            #expect(error?.code == .transport)
            #expect(error?.attempts == 2)
            #expect(error?.description.contains("QAI_API_BASE_URL") == true)
        }
    }
}
