import QualityAIDecoding

/// libFuzzer's entry point, one input: runs it through `DecoderProperties.check`, which traps
/// when the decoder breaks one of its promises, so libFuzzer records the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    DecoderProperties.check(bytes)
    return 0
}
