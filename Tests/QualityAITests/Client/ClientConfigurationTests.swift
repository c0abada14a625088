import Testing

@testable import QualityAI

@Suite struct ClientConfigurationTests {
    static let valid = APIConfiguration(
        baseURL: "https://platform.kore.ai", streamIds: ["st-1", "st-2"], accountId: "67a9ca06cf0e510a8632aaaa",
        orgId: "o-da5be4e0",
        credentials: .clientCredentials(clientId: "cs-1", clientSecret: PlantedSecrets.clientSecret))

    func failure(_ configuration: APIConfiguration) -> APIError? {
        do {
            try configuration.validate()
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsMatchTheVendorContract() {
        let configuration = APIConfiguration()
        #expect(configuration.pathPrefix == "/qualityai/api/v1/public/qualitymanagement/app")
        #expect(configuration.requestsPerMinute == 60)
        #expect(configuration.pageSize == 100)
        #expect(configuration.includeBelowThreshold)
        #expect(failure(Self.valid) == nil)
    }

    @Test func badTextSettingsAreNamed() {
        let cases: [(WritableKeyPath<APIConfiguration, String>, String, String)] = [
            (\.baseURL, "platform.kore.ai", "baseURL"),
            (\.baseURL, "ftp://platform.kore.ai", "baseURL"),
            (\.baseURL, "https://platform.kore.ai/?x=1", "baseURL"),
            (\.pathPrefix, "qualityai/api", "pathPrefix"),
            (\.accountId, " ", "QAI_ACCOUNT_ID"),
            (\.orgId, "", "QAI_ORG_ID"),
        ]
        for (setting, value, name) in cases {
            var configuration = Self.valid
            configuration[keyPath: setting] = value
            let error = failure(configuration)
            #expect(error?.code == .configuration, "\(value)")
            #expect(error?.description.contains(name) == true, "\(value)")
            #expect(error?.description.contains("must") == true, "\(value)")
        }
    }

    @Test func outOfRangeNumbersAreNamed() {
        let cases: [(WritableKeyPath<APIConfiguration, Int>, Int, String)] = [
            (\.pageSize, 0, "between 1 and 100"),
            (\.pageSize, 101, "between 1 and 100"),
            (\.requestsPerMinute, -1, "QAI_REQUESTS_PER_MINUTE"),
            (\.maxAttempts, 0, "maxAttempts"),
            (\.splitThreshold, 50, "splitThreshold"),
        ]
        for (setting, value, text) in cases {
            var configuration = Self.valid
            configuration[keyPath: setting] = value
            let error = failure(configuration)
            #expect(error?.code == .configuration, "\(text)")
            #expect(error?.description.contains(text) == true, "\(text)")
            #expect(error?.description.contains("got \(value)") == true, "\(text)")
        }
    }

    @Test func streamsMustBeGivenAndNonEmpty() {
        var configuration = Self.valid
        configuration.streamIds = []
        #expect(failure(configuration)?.description.contains("QAI_STREAM_ID") == true)
        configuration.streamIds = ["st-1", ""]
        #expect(failure(configuration)?.description.contains("empty id") == true)
    }

    @Test func credentialsMustBeComplete() {
        var configuration = Self.valid
        configuration.credentials = .jwt("not-a-jwt")
        #expect(failure(configuration)?.description.contains("QAI_JWT") == true)
        configuration.credentials = .clientCredentials(clientId: "", clientSecret: "x")
        #expect(failure(configuration)?.description.contains("QAI_CLIENT_ID") == true)
        configuration.credentials = .clientCredentials(clientId: "cs-1", clientSecret: "")
        #expect(failure(configuration)?.description.contains("QAI_CLIENT_SECRET") == true)
        configuration.credentials = .jwt(PlantedSecrets.jwt)
        #expect(failure(configuration) == nil)
    }

    @Test func contactDirectionIsInboundOrOutbound() {
        var configuration = Self.valid
        configuration.contactDirection = "sideways"
        #expect(failure(configuration)?.description.contains("inbound or outbound") == true)
        configuration.contactDirection = "outbound"
        #expect(failure(configuration) == nil)
    }

    @Test(arguments: [
        APICredentials.jwt(PlantedSecrets.jwt),
        .clientCredentials(clientId: "cs-1", clientSecret: PlantedSecrets.clientSecret),
    ])
    func everyPrintedFormHidesTheSecrets(credentials: APICredentials) {
        var configuration = Self.valid
        configuration.credentials = credentials
        var dumped = ""
        dump(configuration, to: &dumped)
        var dumpedCredentials = ""
        dump(credentials, to: &dumpedCredentials)
        let printed = [
            configuration.description, configuration.debugDescription, String(reflecting: configuration),
            "\(configuration)", dumped, "\(credentials)", String(reflecting: credentials), dumpedCredentials,
        ]
        for text in printed {
            #expect(!PlantedSecrets.appears(in: text), "leaked in: \(text.prefix(60))")
            #expect(text.contains("<redacted>"))
        }
    }
}
