import Dispatch

/// Frees a fold on another thread once nobody needs it.
///
/// A rebuilt ledger holds millions of lines, strings and arrays, and freeing them
/// took over a second at a million events: time that the thread which folded them need not wait
/// for, when the machine has another core.
enum BackgroundRelease {
    /// Takes the fold out of `fold` (leaving nil) and frees it on a background queue.
    static func release(_ fold: inout (any ProjectionFold)?) {
        guard fold != nil else { return }
        // The box gets the only reference straight from `take()`: no local keeps the fold alive
        // past this call, so it is freed where the box is emptied.
        let box = Box(fold.take())
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Carries the last reference to a fold to the queue that frees it. Nothing else holds or
    /// uses the fold, so handing it across threads is safe although folds are not `Sendable`.
    private final class Box: @unchecked Sendable {
        private var fold: (any ProjectionFold)?

        init(_ fold: (any ProjectionFold)?) {
            self.fold = fold
        }

        func empty() {
            fold = nil
        }
    }
}
