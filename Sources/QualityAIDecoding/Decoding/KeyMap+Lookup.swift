extension KeyMap {
    /// The field code of the key string at node `key` in `table`, or nil for an unknown key.
    @inline(__always)
    static func code(_ table: KeyTable, _ tape: JSONTape, _ key: Int) -> UInt8? {
        if tape[key].flags & JSONNode.hasEscapes == 0 {
            return table.code(for: tape.rawBytes(key))
        }
        return table.code(for: tape.string(at: key))
    }
}
