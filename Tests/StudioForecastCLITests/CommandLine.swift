import Foundation
import _TestSupport

/// Runs the built `studio-forecast` as a user would and captures what it prints.
struct CommandLine {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable beside the test bundle (`swift build` puts both in the same folder).
    static let executable: URL = builtExecutable(named: "studio-forecast")

    /// The package's executable `name`, as `swift build` left it beside the test bundle.
    static func builtExecutable(named name: String) -> URL {
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            folder.appendingPathComponent(name),
            Bundle.main.bundleURL.appendingPathComponent(name),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs the tool with `arguments` in `folder` (the package root by default).
    static func run(_ arguments: [String], in folder: URL = Fixtures.packageRoot) throws -> Result {
        try run(executable, arguments, in: folder)
    }

    /// Runs `executable` with `arguments` in `folder`.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL = Fixtures.packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Writes `yaml` as `name` in a new temporary folder and returns the file's path.
    static func scenarioFile(_ yaml: String, named name: String = "scenario.yaml") throws -> String {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try Data(yaml.utf8).write(to: url)
        return url.path
    }
}
