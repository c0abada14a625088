import Testing

@testable import QualityAI

/// The byte-level JSON parser on RFC 8259 edge cases.
@Suite struct JSONParserTests {
    static func parse(_ text: String, tolerant: Bool = false) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), tolerant: tolerant)
    }

    static func parse(_ bytes: [UInt8], tolerant: Bool = false) throws(JSONError) -> JSONValue {
        let document = try JSONParser.parse(bytes, options: JSONParser.Options(toleratesInvalidText: tolerant))
        return document.value(at: document.root)
    }

    @Test func structureAndDuplicateKeys() throws {
        let value = try Self.parse(#" {"a":[1,true,null,{"b":"c"}],"a":false,"":[]} "#)
        let expected = JSONValue.object([
            ("a", .array([.number("1"), .bool(true), .null, .object([("b", .string("c"))])])), ("a", .bool(false)),
            ("", .array([])),
        ])
        #expect(value == expected)
    }

    @Test(arguments: [
        (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"), (#""caf\u00e9""#, "café"),
        (#""\u00E9\u4e2d""#, "é中"), (#""\ud83d\ude00 ok""#, "😀 ok"), (#""\uD834\uDD1E""#, "𝄞"),
        (#""a\u0000b""#, "a\u{0}b"), (#""plain é 中 😀""#, "plain é 中 😀"), (#""""#, ""),
        (
            #""long string without any escapes that crosses several eight-byte words""#,
            "long string without any escapes that crosses several eight-byte words"
        ),
    ])
    func stringsUnescape(json: String, expected: String) throws {
        #expect(try Self.parse(json) == .string(expected))
    }

    @Test(arguments: ["0", "-0", "12.5", "1e3", "1E+3", "-1.5e-7", "123456789012345678901234567890", "0.000"])
    func numbersKeepTheirLiteral(literal: String) throws {
        #expect(try Self.parse("[\(literal)]") == .array([.number(literal)]))
    }

    @Test(arguments: [
        ("01", "invalid number: leading zero"), ("1.", "invalid number: expected a digit after '.'"),
        (".5", "unexpected '.'"), ("-", "invalid number: expected a digit"), ("+1", "unexpected '+'"),
        ("1e", "invalid number: expected a digit in the exponent"), ("NaN", "unexpected 'N'"),
        ("Infinity", "unexpected 'I'"), ("1.e3", "invalid number: expected a digit after '.'"),
        ("0x10", "unexpected 'x' after the end of the JSON value"),
    ])
    func badNumbersFail(text: String, reason: String) throws {
        let error = try #require(throws: JSONError.self) { try Self.parse(text) }
        #expect(error.reason == reason)
    }

    @Test(arguments: [
        ("", "empty input", 0), ("   ", "unexpected end of input", 3),
        ("{} x", "unexpected 'x' after the end of the JSON value", 3),
        (#"{"a":1,}"#, "expected a string key, found '}'", 7), ("[1,]", "unexpected ']'", 3),
        (#"{"a" 1}"#, "expected ':' after an object key", 5),
        ("[1 2]", "expected ',' or ']' in an array, found '2'", 3),
        ("{'a':1}", "expected a string key, found '''", 1), ("{a:1}", "expected a string key, found 'a'", 1),
        ("tru", "invalid literal, expected true", 0), ("nul", "invalid literal, expected null", 0),
        ("\"a\tb\"", "unescaped control character byte 0x09 in a string", 2),
        (#""\x""#, #"invalid escape \'x' in a string"#, 1),
        (#""\u12G4""#, "invalid hex digit in a \\u escape", 5), (#"["abc"#, "unterminated string", 1),
        ("[[1]", "unexpected end of input in an array", 4),
        (#"{"a":{"b":1}"#, "unexpected end of input in an object", 12),
    ])
    func malformedInputFails(text: String, reason: String, offset: Int) throws {
        let error = try #require(throws: JSONError.self) { try Self.parse(text) }
        #expect(error.reason == reason)
        #expect(error.offset == offset)
    }

    @Test func nestingIsLimitedTo64Levels() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try Self.parse(deepest) }
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(throws: JSONError.self) { try Self.parse(tooDeep) }
        #expect(error.reason == "nesting deeper than 64 levels")
        #expect(error.offset == 64)
        let objects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: JSONError.self) { try Self.parse(objects) }
    }

    @Test(
        arguments: [
            ([0x22, 0xC3, 0x28, 0x22], 1), ([0x22, 0xC0, 0xAF, 0x22], 1), ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1), ([0x22, 0x61, 0xE2, 0x82], 2), ([0x22, 0x80, 0x22], 1),
            ([0x22, 0xFF, 0x22], 1), ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),
        ] as [([UInt8], Int)])
    func invalidUTF8IsDetected(bytes: [UInt8], offset: Int) throws {
        let error = try #require(throws: JSONError.self) { try Self.parse(bytes) }
        #expect(error.reason.hasPrefix("invalid UTF-8"))
        #expect(error.offset == offset)
    }

    @Test func validMultiByteUTF8IsAccepted() throws {
        let bytes: [UInt8] = [0x22, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0xEF, 0xBF, 0xBD, 0x22]
        #expect(try Self.parse(bytes) == .string("é中😀\u{FFFD}"))
    }

    @Test func unpairedSurrogatesFailWhenStrict() throws {
        for text in [#""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#] {
            let error = try #require(throws: JSONError.self) { try Self.parse(text) }
            #expect(error.reason.hasPrefix("unpaired surrogate"))
        }
    }

    @Test func tolerantModeFlagsAndReplacesInvalidText() throws {
        #expect(try Self.parse([0x22, 0x61, 0xFF, 0x62, 0x22], tolerant: true) == .string("a\u{FFFD}b"))
        #expect(try Self.parse(#""\ud800\u0041""#, tolerant: true) == .string("\u{FFFD}A"))
        let document = try JSONParser.parse(Array(#"["ok","\u0000"]"#.utf8), options: .init(toleratesInvalidText: true))
        #expect(document.containsTextNeedingSanitising)
        #expect(document.nodes.map(\.flags) == [0, 0, JSONNode.hasEscapes | JSONNode.needsSanitising])
        #expect(document.withTape { $0.string(at: 2, sanitising: true) } == "\u{FFFD}")
    }

    @Test func tapeRangesAndText() throws {
        let document = try JSONParser.parse(Array(#"{"k": [1.5, "x"] }"#.utf8))
        #expect(document.nodes.map(\.kind) == [.object, .string, .array, .number, .string])
        #expect(document.nodes.map(\.next) == [5, 2, 5, 4, 5])
        #expect(document.text(at: 2) == #"[1.5, "x"]"#)
        #expect(document.text(at: 4) == #""x""#)
        #expect(document.nodes[3].flags & JSONNode.isInteger == 0)
    }
}
