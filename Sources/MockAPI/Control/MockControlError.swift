/// A control call that does not fit the mock's mode or data (the HTTP endpoints answer 409 or 404).
public struct MockControlError: Error, CustomStringConvertible, Equatable {
    public var description: String
    /// Whether the call needs the other mode (HTTP 409); otherwise something was not found (404).
    public var isWrongMode: Bool

    static let notClockMode = MockControlError(
        description: "the mock runs in epoch mode: the simulated clock needs MockAPIConfiguration.clock "
            + "(qai-loader mock-api --now T); use /mock/epoch instead",
        isWrongMode: true)

    static let notEpochMode = MockControlError(
        description: "the mock runs in clock mode (a simulated clock): epochs apply only without "
            + "MockAPIConfiguration.clock (no --now); use /mock/clock instead",
        isWrongMode: true)

    static func unknownStream(_ stream: String) -> MockControlError {
        MockControlError(description: "Unknown stream \(stream)", isWrongMode: false)
    }

    var vendorError: VendorError {
        VendorError(status: isWrongMode ? .conflict : .notFound, message: description, code: isWrongMode ? 409 : 404)
    }
}
