import Foundation

/// A progress bar on standard error for runs longer than about a second: replications done,
/// rate and time left. It draws only when standard error is a terminal, and `--quiet` silences it.
///
/// Public because a command-line front end of a library user's own wants the bar `studio-forecast`
/// shows: pass its ``update(_:)`` as a run's `progress`, then call ``finish()``.
public final class ProgressBar {
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// A bar for `total` replications; silent when `quiet` or when standard error is not a terminal.
    ///
    /// - Parameters:
    ///   - total: the replications the bar counts to.
    ///   - quiet: whether to show nothing.
    public init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && isatty(FileHandle.standardError.fileDescriptor) != 0
    }

    /// Reports `done` replications.
    ///
    /// - Parameter done: the replications done so far.
    public func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= 1, now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
        lastDrawn = now
        drawn = true
        FileHandle.standardError.write(Data(("\r" + Self.line(done: done, total: total, elapsed: elapsed)).utf8))
    }

    /// Clears the bar's line once the run is over.
    public func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `[########............]  12,288/20,000  6,100/s  1 s left`.
    package static func line(done: Int, total: Int, elapsed: Double) -> String {
        let width = 24
        // Within 0...1 whatever counts a library caller passes, so that the bar's two parts are never negative.
        let share = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((share * Double(width)).rounded(.down))
        // Bounded, so that a clock that barely moved cannot make a number no integer holds.
        let rate = elapsed > 0 ? min(max(0, Double(done) / elapsed), 1e12) : 0
        let left = rate > 0 ? min(max(0, Double(total) - Double(done)) / rate, 1e12) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "[\(bar)]  \(grouped(done))/\(grouped(total))  \(grouped(Int(rate)))/s  \(Int(left.rounded(.up))) s left"
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }
}
