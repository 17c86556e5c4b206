/// One block's replication values held column by column: every value of one cell (a metric in
/// a year, or a cohort metric at an age) next to each other, in replication order.
///
/// A ledger is written here as the block runs, and each cell's statistics are then built in
/// one pass over its column, while that cell's tables are in cache. Adding the same values one
/// replication at a time would visit every cell's tables once per replication.
struct ValueColumns {
    /// Cells per replication: a ledger's year values, then its cohort values.
    let cellCount: Int
    /// The most replications held.
    let capacity: Int
    /// Replications held.
    private(set) var count = 0
    /// `storage[cell * capacity + replication]`.
    private var storage: [Double]

    /// Room for `capacity` replications of ledgers like `ledger`.
    init(like ledger: ReplicationLedger, capacity: Int) {
        cellCount = ledger.values.count + ledger.cohortValues.count
        self.capacity = capacity
        storage = Array(repeating: 0, count: cellCount * capacity)
    }

    /// Appends one replication's values.
    mutating func append(_ ledger: ReplicationLedger) {
        precondition(count < capacity, "a block holds at most \(capacity) replications")
        let row = count
        let capacity = self.capacity
        storage.withUnsafeMutableBufferPointer { storage in
            var cell = 0
            for values in [ledger.values, ledger.cohortValues] {
                for value in values {
                    storage[cell * capacity + row] = value
                    cell += 1
                }
            }
        }
        count += 1
    }

    /// Calls `body` with the values of cell `cell`, in replication order.
    func withColumn<Result>(_ cell: Int, _ body: (UnsafeBufferPointer<Double>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { storage in
            body(UnsafeBufferPointer(rebasing: storage[(cell * capacity)..<(cell * capacity + count)]))
        }
    }
}
