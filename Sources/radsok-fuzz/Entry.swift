import Foundation

#if FUZZING
/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links). Its arguments are
/// pointers and an int, passed alike by Swift's and C's conventions on the platforms we build.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// What libFuzzer calls with each input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.selected.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The executable's entry, under the name SwiftPM gives an executable's `main`: hands over to
/// libFuzzer's driver (built by `Benchmarks/fuzz.sh`).
@_cdecl("radsok_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    // The index is built before the first input, so its build does not count as a slow input.
    if FuzzTarget.selected == .query { _ = FuzzIndex.service }
    return runFuzzerDriver(&count, &arguments, fuzzOne)
}
#else
/// Without the fuzzer: replays inputs (files named on the command line, e.g. the crashes kept
/// under Tests/FuzzRegressions/) through the same targets, so a plain build can check them.
@main
struct FuzzReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("radsok-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            for target in FuzzTarget.allCases {
                data.withUnsafeBytes { target.run($0) }
            }
        }
        print("replayed \(paths.count) input(s) through \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
#endif
