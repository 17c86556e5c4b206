import Foundation

/// What the fuzz targets share: a scratch file per process, the one-line check, and replay.
///
/// A fuzz target is built twice. With `-DFUZZING` and `-sanitize=fuzzer,address` (`make fuzz`) it
/// is a libFuzzer binary; without, it is a small command that replays saved inputs through the
/// same check, which is how a crash input found by the fuzzer is reproduced and kept as a test.
public enum FuzzInput {
    /// A path in a scratch folder of this process, where an input is written to be read as a file.
    public static func scratchPath(named name: String) -> String {
        let folder = scratchFolder
        return (folder as NSString).appendingPathComponent(name)
    }

    private static let scratchFolder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = (base as NSString).appendingPathComponent("studio-forecast-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Stops the process, as a finding, when a problem is reported on more than one line or on none.
    ///
    /// The tool promises one line per problem whatever the input; a message that carries a
    /// newline from the input, or dumps a whole file, breaks that promise.
    public static func requireOneLinePerProblem(_ messages: [String]) {
        if messages.isEmpty {
            report("finding: an input was refused without any problem reported")
            abort()
        }
        for message in messages where message.isEmpty || message.contains(where: \.isNewline) {
            report("finding: a problem is not reported on one line: \(message.debugDescription)")
            abort()
        }
    }

    /// Runs every file named in `paths` through `check`, printing `ok PATH` after each.
    private static func replay(_ paths: some Sequence<String>, through check: (UnsafeRawBufferPointer) -> Void) {
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                report("cannot read \(path)")
                exit(1)
            }
            data.withUnsafeBytes { check($0) }
            print("ok \(path)")
        }
    }

    /// The whole of a fuzz target's `main`: under `make fuzz` (`-DFUZZING`) libFuzzer calls
    /// `check` with each input it makes; otherwise each file named on the command line is
    /// replayed through `check`, which is how a finding becomes a test.
    public static func main(checking check: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        #if FUZZING
        exit(runLibFuzzer(check))
        #else
        replay(CommandLine.arguments.dropFirst(), through: check)
        exit(0)
        #endif
    }

    #if FUZZING
    /// Hands the process to libFuzzer, which calls `check` with each input it makes.
    ///
    /// The package's executables get a `main` of their own, so libFuzzer's is not linked; its
    /// driver is started here with the process's arguments instead.
    private static func runLibFuzzer(_ check: @escaping (UnsafeRawBufferPointer) -> Void) -> Int32 {
        currentCheck = check
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzInput.currentCheck?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
    }

    nonisolated(unsafe) private static var currentCheck: ((UnsafeRawBufferPointer) -> Void)?
    #endif

    private static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

#if FUZZING
/// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
