import CMallocTuning
import Foundation
import Testing

@Suite("Malloc arena cap")
struct MallocTuningTests {
    @Test("the cap is set on glibc unless MALLOC_ARENA_MAX already chose one")
    func capIsSetUnlessTheEnvironmentChose() {
        let chosen = ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] != nil
        #if canImport(Glibc)
            #expect(qai_limit_malloc_arenas() == (chosen ? 0 : 1))
        #else
            #expect(qai_limit_malloc_arenas() == 0)
        #endif
    }
}
