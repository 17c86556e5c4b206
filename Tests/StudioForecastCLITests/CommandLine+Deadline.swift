import Foundation
import _TestSupport

extension CommandLine {
    /// What a program run under a deadline did.
    struct TimedResult {
        var status: Int32
        /// Whether it ended on a signal (then `status` is the signal).
        var signalled: Bool
        var errors: String
        /// Whether it was stopped because the deadline passed.
        var timedOut: Bool
        var seconds: Double
    }

    /// Runs `program` (the tool by default) with `arguments` in `folder`, stopping it after
    /// `deadline` seconds; standard output is discarded.
    static func run(
        _ arguments: [String], program: URL = executable, in folder: URL = Fixtures.packageRoot,
        deadline: Double
    ) throws -> TimedResult {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Standard error goes to a file, read once the process has ended.
        let errorFile = try Fixtures.temporaryDirectory().appendingPathComponent("stderr")
        try Data().write(to: errorFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let started = Date()
        // A child inherits the spawning thread's signal mask, and the test runner's worker threads
        // block SIGINT and SIGTERM; a user's shell does not, so unblock them for the spawn.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        var mask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &signals, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return TimedResult(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            errors: String(decoding: errorData, as: UTF8.self), timedOut: timedOut, seconds: seconds)
    }
}
