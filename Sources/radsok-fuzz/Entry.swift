import Foundation

#if FUZZING
/// libFuzzer's entry point: built with `-sanitize=fuzzer -DFUZZING` (`Benchmarks/fuzz.sh`),
/// libFuzzer supplies `main` and calls this with each input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.selected.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
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
