/// A YAML document as `YAMLSubset` reads it: scalars (as text), lists and mappings.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(String)
    case list([YAMLNode])
    case map([String: YAMLNode])

    /// The node at a dotted path; list elements by number, e.g. `spec.containers.0.name`.
    public subscript(path: String) -> YAMLNode? {
        var node: YAMLNode? = self
        for part in path.split(separator: ".") {
            switch node {
            case .map(let map): node = map[String(part)]
            case .list(let items): node = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return node
    }

    /// The text of a scalar, nil for a list or a mapping.
    public var string: String? { if case .scalar(let value) = self { value } else { nil } }

    /// The elements of a list, empty for anything else.
    public var items: [YAMLNode] { if case .list(let items) = self { items } else { [] } }
}
