import Crypto

/// The content hash stored in `fact_conversation.content_hash`: MD5 of the normaliser version,
/// a newline, the stream id, a newline and the raw record, as UTF-8. Earlier versions computed
/// the same bytes in SQL (`decode(md5(...), 'hex')`), so rows they loaded still compare equal.
enum ContentHash {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The hash of `raw` received from `streamId`, as a bytea literal for COPY (`\x` and hex).
    static func byteaLiteral(raw: String, streamId: String) -> String {
        var hasher = Insecure.MD5()
        var prefix = Normaliser.version + "\n" + streamId + "\n"
        prefix.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var record = raw
        record.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var text: [UInt8] = [92, 120]
        text.reserveCapacity(34)
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
