/// Reads the human-readable message out of a vendor error body.
public enum VendorErrorBody {
    /// The message of an error body: `errors[0].msg` (or `.message`), else a top-level `msg`,
    /// `message` or `error` (a string, or an object with `msg`/`message`). Nil when the body is
    /// not JSON or carries none of these. The text is trimmed and cut to 300 characters.
    public static func message(_ body: [UInt8]) -> String? {
        guard let document = try? JSONParser.parse(body, options: JSONParser.Options(toleratesInvalidText: true))
        else { return nil }
        return document.withTape { tape in
            guard let text = message(in: 0, tape, depth: 0) else { return nil }
            return text.count > 300 ? String(text.prefix(300)) + "..." : text
        }
    }

    private static func message(in node: Int, _ tape: JSONTape, depth: Int) -> String? {
        switch tape[node].kind {
        case .string:
            return ValueReader.text(tape, node)
        case .array:
            guard tape[node].count > 0, depth < 3 else { return nil }
            return message(in: node + 1, tape, depth: depth + 1)
        case .object:
            guard depth < 3 else { return nil }
            var found: (rank: Int, text: String)?
            tape.forEachMember(of: node) { key, value in
                let rank: Int
                switch tape.string(at: key).lowercased() {
                case "errors": rank = 0
                case "msg": rank = 1
                case "message": rank = 2
                case "error": rank = 3
                case "error_description", "detail": rank = 4
                default: return
                }
                guard found.map({ rank < $0.rank }) ?? true,
                    let text = message(in: value, tape, depth: depth + 1)
                else { return }
                found = (rank, text)
            }
            return found?.text
        default:
            return nil
        }
    }
}
