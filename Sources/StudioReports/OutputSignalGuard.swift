import Foundation
import Synchronization

/// What SIGINT and SIGTERM do while an output folder is written (DESIGN.md, "Writing").
///
/// While the temporary files are written, a signal removes them and the pending journal and ends
/// the process with 128 + the signal (130 for SIGINT, 143 for SIGTERM), leaving the earlier set.
/// During the commit's renames both signals are blocked on the committing thread, and a signal
/// that reaches another thread is held back, so the commit completes and the process then ends
/// with the same status, leaving the new set. The handler only reads memory prepared before it
/// is installed and calls `unlink(2)` and `_exit(2)`, both async-signal-safe.
enum OutputSignalGuard {
    /// The phase of the write the handler sees.
    private enum Phase {
        static let idle = 0
        static let writing = 1
        static let committing = 2
        static let aborting = 3
        /// A signal held back during the commit is recorded as this plus its number.
        static let heldBack = 100
    }

    /// Serialises writes within the process: the phase and the handler are process-wide.
    static let writeLock = NSLock()

    /// The current phase, or a held-back signal.
    private static let phase = Atomic<Int>(Phase.idle)
    /// The files the handler removes when a signal arrives while the temporaries are written.
    nonisolated(unsafe) private static var removable: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var removableCount = 0

    /// The handlers replaced, put back by ``finish()``.
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    private static let signals: [Int32] = [SIGINT, SIGTERM]

    /// Starts the temporary writes: a signal from now on removes `paths` and ends the process.
    ///
    /// Called again while writing (a file streamed during the run, then the write that places
    /// it), it replaces the list; the earlier list is left allocated, since a handler running on
    /// another thread may still be reading it.
    static func beginWriting(removing paths: [String]) {
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(paths.count, 1))
        for (index, path) in paths.enumerated() { list[index] = strdup(path) }
        if phase.load(ordering: .sequentiallyConsistent) == Phase.writing {
            removableCount = min(removableCount, paths.count)
            removable = list
            removableCount = paths.count
            return
        }
        removable = list
        removableCount = paths.count
        phase.store(Phase.writing, ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = outputSignalHandler
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        for signal in signals {
            var earlier = sigaction()
            sigaction(signal, &action, &earlier)
            previous[signal] = earlier
        }
    }

    /// Enters the commit: blocks the signals on this thread and holds back any that reach others.
    ///
    /// - Returns: the thread's earlier signal mask, for ``endCommit(restoring:)``.
    static func beginCommit() -> sigset_t {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        var earlier = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &earlier)
        // A handler on another thread may have begun removing the temporaries: let it end the process.
        while !phase.compareExchange(
            expected: Phase.writing, desired: Phase.committing, ordering: .sequentiallyConsistent
        )
        .exchanged {
            pause()
        }
        freeRemovable()
        return earlier
    }

    /// Leaves the commit, unblocking the signals; a signal held back ends the process now that
    /// the folder holds the complete new set.
    static func endCommit(restoring earlier: sigset_t) {
        var mask = earlier
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        let (exchanged, held) = phase.compareExchange(
            expected: Phase.committing, desired: Phase.idle, ordering: .sequentiallyConsistent)
        restoreHandlers()
        if !exchanged && held > Phase.heldBack { exit(Int32(held - Phase.heldBack) + 128) }
    }

    /// Ends a write that failed before its commit: the handlers are put back.
    static func abandonWriting() {
        _ = phase.compareExchange(
            expected: Phase.writing, desired: Phase.idle, ordering: .sequentiallyConsistent)
        restoreHandlers()
        freeRemovable()
    }

    private static func restoreHandlers() {
        for signal in signals {
            if var earlier = previous[signal] { sigaction(signal, &earlier, nil) }
        }
        previous = [:]
    }

    private static func freeRemovable() {
        guard let list = removable else { return }
        for index in 0..<removableCount { free(list[index]) }
        list.deallocate()
        removable = nil
        removableCount = 0
    }

    /// The handler's work; see the type's summary.
    fileprivate static func handle(_ signal: Int32) {
        while true {
            let current = phase.load(ordering: .sequentiallyConsistent)
            if current == Phase.writing {
                guard
                    phase.compareExchange(
                        expected: current, desired: Phase.aborting, ordering: .sequentiallyConsistent
                    )
                    .exchanged
                else { continue }
                if let list = removable {
                    for index in 0..<removableCount { if let path = list[index] { unlink(path) } }
                }
                _exit(128 + signal)
            } else if current == Phase.committing {
                guard
                    phase.compareExchange(
                        expected: current, desired: Phase.heldBack + Int(signal),
                        ordering: .sequentiallyConsistent
                    ).exchanged
                else { continue }
                return
            } else if current == Phase.idle {
                _exit(128 + signal)
            } else {
                return
            }
        }
    }
}

/// The C signal handler; it forwards to ``OutputSignalGuard``.
private func outputSignalHandler(_ signal: Int32) {
    OutputSignalGuard.handle(signal)
}
