#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The JSON body of one raw data request, encoded (never spliced together from strings).
struct RawDataRequestBody: Encodable, Sendable {
    var offset: Int
    var page: Int
    var limit: Int
    var startDate: String
    var endDate: String
    var includeBelowThreshold: Bool
    var contactDirection: String?
    var customFields: [String: String]?

    enum CodingKeys: String, CodingKey {
        case offset, page, limit, startDate, endDate
        case includeBelowThreshold = "include_below_threshold"
        case contactDirection = "contact_direction"
        case customFields = "custom_fields"
    }

    /// The body for `context`: page `n` of the window with offset 0, or (when the context carries an
    /// offset) page 1 at that offset; dates as `YYYY-MM-DD HH:MM:SS` UTC.
    init(_ context: PageContext, configuration: APIConfiguration) {
        offset = context.offset
        page = context.offset > 0 ? 1 : context.page
        limit = configuration.pageSize
        startDate = context.window.startText
        endDate = context.window.endText
        includeBelowThreshold = configuration.includeBelowThreshold
        contactDirection = configuration.contactDirection
        customFields = configuration.customFields.isEmpty ? nil : configuration.customFields
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self))  // strings, integers and a string map always encode
    }
}

extension APIConfiguration {
    /// `{baseURL}{pathPrefix}/{streamId}/rawdata`, the stream id percent-encoded as one path segment.
    func rawDataURL(streamId: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var prefix = pathPrefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return base + prefix + "/" + Self.percentEncodedSegment(streamId) + "/rawdata"
    }

    /// Percent-encodes every byte but RFC 3986's unreserved characters.
    static func percentEncodedSegment(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
