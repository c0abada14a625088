import Foundation
import QualityAIDecoding

/// The program's entry point. Built for fuzzing (`-DQAI_FUZZ`, see `.ci/fuzz`), it hands control
/// to libFuzzer's driver (SwiftPM makes this `main`, so libFuzzer's own `main` is not linked).
/// Built plainly, it replays the files named on the command line, e.g. a crash libFuzzer wrote,
/// through the same checks: `swift run qai-fuzz crash-1234`.
@main
enum FuzzMain {
    static func main() throws {
        #if QAI_FUZZ
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
            for path in CommandLine.arguments.dropFirst() {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                DecoderProperties.check(bytes)
                print("ok \(path) (\(bytes.count) bytes)")
            }
        #endif
    }
}

#if QAI_FUZZ
    /// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`): parses the flags, runs the fuzzer.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
