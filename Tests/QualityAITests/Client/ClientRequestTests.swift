import Foundation
import Testing

@testable import QualityAI

@Suite struct ClientRequestTests {
    // 2026-03-23 10:17:54 UTC = 1774261074; 23:00:35 = 1774306835.
    let window = TimeWindow(start: 1_774_261_074, end: 1_774_306_835)

    func json(_ bytes: [UInt8]) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
    }

    @Test func bodyCarriesPagingDatesAndFilters() {
        var configuration = APIConfiguration(pageSize: 50, includeBelowThreshold: true)
        configuration.contactDirection = "inbound"
        configuration.customFields = ["region": "EMEA \"north\""]
        let context = PageContext(streamId: "st-1", window: window, page: 3)
        let body = json(RawDataRequestBody(context, configuration: configuration).encoded())
        #expect(body["offset"] as? Int == 0)
        #expect(body["page"] as? Int == 3)
        #expect(body["limit"] as? Int == 50)
        #expect(body["startDate"] as? String == "2026-03-23 10:17:54")
        #expect(body["endDate"] as? String == "2026-03-23 23:00:35")
        #expect(body["include_below_threshold"] as? Bool == true)
        #expect(body["contact_direction"] as? String == "inbound")
        #expect((body["custom_fields"] as? [String: String]) == ["region": "EMEA \"north\""])
        #expect(body.count == 8)
    }

    @Test func optionalFiltersAreLeftOutWhenUnset() {
        let context = PageContext(streamId: "st-1", window: window, page: 1)
        let configuration = APIConfiguration(includeBelowThreshold: false)
        let body = json(RawDataRequestBody(context, configuration: configuration).encoded())
        #expect(Set(body.keys) == ["offset", "page", "limit", "startDate", "endDate", "include_below_threshold"])
        #expect(body["include_below_threshold"] as? Bool == false)
        #expect(body["limit"] as? Int == 100)
    }

    @Test func urlJoinsBasePrefixAndEncodedStream() {
        let configuration = APIConfiguration(baseURL: "https://platform.kore.ai/")
        #expect(
            configuration.rawDataURL(streamId: "st-9f1c")
                == "https://platform.kore.ai/qualityai/api/v1/public/qualitymanagement/app/st-9f1c/rawdata")
        let older = APIConfiguration(
            baseURL: "http://127.0.0.1:8089", pathPrefix: "/agentassist/api/v1/public/qualitymanagement/app/")
        #expect(
            older.rawDataURL(streamId: "a/b c?d%")
                == "http://127.0.0.1:8089/agentassist/api/v1/public/qualitymanagement/app/a%2Fb%20c%3Fd%25/rawdata")
    }

    @Test func nonASCIIStreamIdsArePercentEncodedAsUTF8() {
        #expect(APIConfiguration.percentEncodedSegment("é~_.-") == "%C3%A9~_.-")
    }
}
