/// A document outside the YAML subset `YAMLSubset` reads, or malformed within it.
public struct YAMLSubsetError: Error, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}
