import MockAPI
import TestSupport
import Testing

/// The `auth` header rules: HS256 with the client secret, `appId` required, `exp` not past, no
/// `jti` replay; every refusal is the vendor's 401 body.
@Suite struct AuthTests {
    @Test func validTokenIsAccepted() async throws {
        let status = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody()).status
        }
        #expect(status == 200)
    }

    static let refusedTokens: [(String, String?)] = [
        ("missing", nil),
        ("empty", ""),
        ("not a JWT", "not-a-jwt"),
        ("wrong secret", TestToken.make(payload: #"{"appId":"cs-test-app"}"#, secret: "some-other-secret")),
        ("no appId", TestToken.make(payload: #"{"sub":"cs-test-app"}"#)),
        ("empty appId", TestToken.make(payload: #"{"appId":""}"#)),
        ("alg none", TestToken.make(payload: #"{"appId":"cs-test-app"}"#, header: #"{"alg":"none"}"#)),
        ("alg HS512 label", TestToken.make(payload: #"{"appId":"cs-test-app"}"#, header: #"{"alg":"HS512"}"#)),
        ("expired", TestToken.make(payload: "{\"appId\":\"cs-test-app\",\"exp\":\(TestToken.nowSeconds - 60)}")),
    ]

    @Test(arguments: refusedTokens)
    func refusedTokenAnswersVendor401(name: String, token: String?) async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(), token: token)
        }
        #expect(reply.status == 401, "\(name)")
        let error = try reply.vendorError()
        #expect(error.message == "Invalid SDK credentials")
        #expect(error.code == 4002)
    }

    @Test func bearerAuthorizationHeaderIsNotTheAuthHeader() async throws {
        let status = try await MockHarness.withServer { http in
            try await http.send(
                .post, MockHarness.rawDataPath + "/st-test/rawdata",
                headers: [
                    ("Authorization", "Bearer " + TestToken.valid), ("accountId", "a"), ("orgId", "o"),
                    ("Content-Type", "application/json"),
                ], body: requestBody()
            ).status
        }
        #expect(status == 401)
    }

    @Test func futureExpiryIsAccepted() async throws {
        let token = TestToken.make(payload: "{\"appId\":\"cs-test-app\",\"exp\":\(TestToken.nowSeconds + 600)}")
        let status = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(), token: token).status
        }
        #expect(status == 200)
    }

    @Test func reusedJTIIsRefusedAndAFreshOneAccepted() async throws {
        let exp = TestToken.nowSeconds + 600
        let first = TestToken.make(payload: "{\"appId\":\"cs-test-app\",\"jti\":\"j-1\",\"exp\":\(exp)}")
        let second = TestToken.make(payload: "{\"appId\":\"cs-test-app\",\"jti\":\"j-2\",\"exp\":\(exp)}")
        let statuses = try await MockHarness.withServer { http in
            [
                try await http.rawData(body: requestBody(), token: first).status,
                try await http.rawData(body: requestBody(), token: first).status,
                try await http.rawData(body: requestBody(), token: second).status,
            ]
        }
        #expect(statuses == [200, 401, 200])
    }

    @Test func configuredClientIdMustMatchAppId() async throws {
        let configuration = MockHarness.configuration(clientId: "cs-expected")
        let statuses = try await MockHarness.withServer(configuration) { http in
            [
                try await http.rawData(body: requestBody(), token: TestToken.make(payload: #"{"appId":"cs-expected"}"#))
                    .status,
                try await http.rawData(body: requestBody(), token: TestToken.make(payload: #"{"appId":"cs-other"}"#))
                    .status,
            ]
        }
        #expect(statuses == [200, 401])
    }
}
