import MockAPI
import TestSupport
import Testing

/// 400/404/405/415 answers, each in the vendor's error shape.
@Suite struct RequestValidationTests {
    @Test func missingAccountOrOrgIdIs400() async throws {
        let replies = try await MockHarness.withServer { http in
            [
                try await http.rawData(body: requestBody(), accountId: nil),
                try await http.rawData(body: requestBody(), orgId: nil),
                try await http.rawData(body: requestBody(), accountId: ""),
            ]
        }
        #expect(replies.map(\.status) == [400, 400, 400])
        #expect(try replies[0].vendorError().message == "accountId header is required")
        #expect(try replies[1].vendorError().message == "orgId header is required")
    }

    @Test func wrongMethodIs405WithAllowHeader() async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(), method: .get)
        }
        #expect(reply.status == 405)
        #expect(reply.headers[.allow] == "POST")
        #expect(try reply.vendorError().code == 405)
    }

    @Test func unknownStreamIs404() async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(stream: "st-nope", body: requestBody())
        }
        #expect(reply.status == 404)
        #expect(try reply.vendorError().code == 404)
    }

    @Test(arguments: [(0, 400), (1, 200), (100, 200), (101, 400), (-5, 400)])
    func limitMustBeBetween1And100(limit: Int, status: Int) async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(limit: limit))
        }
        #expect(reply.status == status)
    }

    static let dates: [(String, Int)] = [
        ("2026-03-21 10:00:00", 200),
        ("2026-03-21T10:00:00", 200),
        ("2026-03-21T10:00:00.000Z", 200),
        ("2026-03-21T10:00:00.5Z", 200),
        ("2026-03-21", 400),
        ("2026/03/21 10:00:00", 400),
        ("2026-02-30 10:00:00", 400),
        ("2026-03-21 24:00:00", 400),
        ("2026-03-21T10:00:00+01:00", 400),
        ("2026-03-21 10:00:00.000Z", 400),
        ("21-03-2026 10:00:00", 400),
    ]

    @Test(arguments: dates)
    func startDateFormats(startDate: String, status: Int) async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(startDate: startDate))
        }
        #expect(reply.status == status, "\(startDate)")
        if status == 400 { #expect(try reply.vendorError().code == 400) }
    }

    @Test func startAfterEndIs400() async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(startDate: "2026-03-22 00:00:01", endDate: "2026-03-22 00:00:00"))
        }
        #expect(reply.status == 400)
        #expect(try reply.vendorError().message == "startDate must not be after endDate")
    }

    /// The vendor's own sample request, which misses a comma after `"page": 1`.
    @Test func theVendorSampleRequestIsInvalidJSON() async throws {
        let sample = """
            {
                "offset": 0,
                "startDate": "2026-03-23 10:17:54",
                "endDate": "2026-03-23 23:00:35",
                "limit": 5,
                "page": 1
                "contact_direction": "inbound"
              }
            """
        let reply = try await MockHarness.withServer { http in
            try await http.rawData(body: sample)
        }
        #expect(reply.status == 400)
        #expect(try reply.vendorError().message.hasPrefix("Invalid JSON body"))
    }

    @Test func missingRequiredFieldsAndWrongTypesAre400() async throws {
        let bodies = [
            requestBody(offset: nil), requestBody(startDate: nil), requestBody(endDate: nil),
            requestBody(page: 0), requestBody(offset: -1),
            #"{"offset":"0","startDate":"2026-03-21 00:00:00","endDate":"2026-03-22 00:00:00"}"#,
            requestBody(extra: #""contact_direction":"sideways""#),
            requestBody(extra: #""custom_fields":{"region":1}"#),
            requestBody(extra: #""include_below_threshold":"maybe""#), "[]",
        ]
        let statuses = try await MockHarness.withServer { http in
            var statuses: [Int] = []
            for body in bodies { statuses.append(try await http.rawData(body: body).status) }
            return statuses
        }
        #expect(statuses == Array(repeating: 400, count: bodies.count))
    }

    @Test func wrongContentTypeIs415() async throws {
        let reply = try await MockHarness.withServer { http in
            try await http.send(
                .post, MockHarness.rawDataPath + "/st-test/rawdata",
                headers: [
                    ("auth", TestToken.valid), ("accountId", "a"), ("orgId", "o"), ("Content-Type", "text/plain"),
                ],
                body: requestBody())
        }
        #expect(reply.status == 415)
    }

    @Test func olderAgentAssistPrefixServesTheSameBytes() async throws {
        let (current, older) = try await MockHarness.withServer { http in
            (
                try await http.rawData(body: requestBody(limit: 20)),
                try await http.rawData(
                    body: requestBody(limit: 20), prefix: "/agentassist/api/v1/public/qualitymanagement/app")
            )
        }
        #expect(current.status == 200)
        #expect(older.status == 200)
        #expect(current.body == older.body)
    }
}
