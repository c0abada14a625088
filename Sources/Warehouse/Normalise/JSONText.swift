/// Minimal JSON text building for the `custom_fields` column (string keys to string values).
enum JSONText {
    /// `{"key": "value", ...}` with correct string escaping; nil values become JSON null.
    static func object(_ pairs: [(String, String?)]) -> String {
        var text = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { text += "," }
            appendString(pair.0, to: &text)
            text += ":"
            if let value = pair.1 { appendString(value, to: &text) } else { text += "null" }
        }
        return text + "}"
    }

    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{0}": text += "\u{FFFD}"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
