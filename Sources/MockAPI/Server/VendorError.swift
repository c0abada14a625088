import Hummingbird

/// An error answer in the vendor's shape: `{"errors":[{"msg":"...","code":N}]}`.
struct VendorError: Error, HTTPResponseError, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String
    var code: Int
    var headers: HTTPFields = [:]

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    func response() -> Response {
        .json(bodyBytes, status: status, headers: headers)
    }

    var bodyBytes: [UInt8] {
        var w = JSONWriter(capacity: 96)
        w.beginObject()
        w.key("errors")
        w.beginArray()
        w.beginObject()
        w.key("msg")
        w.string(message)
        w.key("code")
        w.int(code)
        w.endObject()
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// A bad, missing, expired or replayed token (the vendor's exact answer).
    static let invalidCredentials = VendorError(status: .unauthorized, message: "Invalid SDK credentials", code: 4002)

    static func badRequest(_ message: String) -> VendorError {
        VendorError(status: .badRequest, message: message, code: 400)
    }
}

extension Response {
    /// A JSON answer from bytes already serialised.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
