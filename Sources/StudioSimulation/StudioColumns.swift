/// The named studios of one replication, one column per field, in naming order: storage that a
/// simulator allocates once and every replication of its worker reuses, so that the yearly
/// loops read and write plain memory, with no per-studio value copied in and out and no
/// shared-storage check per write.
///
/// Studios are only appended during a replication and all removed when the next begins.
final class StudioColumns {
    /// How many studios the columns hold.
    private(set) var count = 0
    private var capacity = 0
    /// Each studio's grant state, numbered by the simulator's ``LifecycleTable``.
    private(set) var state: UnsafeMutablePointer<Int32>
    /// Its calendar year of naming.
    private(set) var namedYear: UnsafeMutablePointer<Int>
    /// The forecast year of naming (0-based), or −1 for a studio named before the start.
    private(set) var cohort: UnsafeMutablePointer<Int>
    /// Its own factor on its odds against passing, from heterogeneity.
    private(set) var factor: UnsafeMutablePointer<Double>
    /// Its quality on the 0...100 scale, for the score-based assessment.
    private(set) var quality: UnsafeMutablePointer<Double>
    /// Its rank in its cohort, or its place among studios named before the start, from 0.
    private(set) var position: UnsafeMutablePointer<Int>
    /// Its label's index in the simulator's labels when tracing a studio named from the pool, or −1.
    private(set) var label: UnsafeMutablePointer<Int>
    /// Grant paid to it before the forecast began (a studio named before the start).
    private(set) var grantPaidBefore: UnsafeMutablePointer<Double>
    /// Its stable identity, for its keyed streams.
    private(set) var key: UnsafeMutablePointer<StreamKey.StudioKey>
    /// Its cohort's rule set: the entry of the scenario's cohort rules in force when it was named.
    private(set) var ruleSet: UnsafeMutablePointer<Int>
    /// Its lifecycle stream.
    private(set) var lifecycle: UnsafeMutablePointer<RandomStream>
    /// Its subsidy stream's index in the replication's streams, once first drawn from, or −1.
    private(set) var subsidyStream: UnsafeMutablePointer<Int>
    /// Art. 12 subsidies paid to it so far: those declared as paid before the forecast (a studio
    /// named before the start), then those of the forecast years.
    private(set) var subsidiesPaid: UnsafeMutablePointer<Double>

    /// Empty columns with room for `capacity` studios before they grow.
    init(capacity: Int) {
        let size = max(capacity, 16)
        self.capacity = size
        state = .allocate(capacity: size)
        namedYear = .allocate(capacity: size)
        cohort = .allocate(capacity: size)
        factor = .allocate(capacity: size)
        quality = .allocate(capacity: size)
        position = .allocate(capacity: size)
        label = .allocate(capacity: size)
        grantPaidBefore = .allocate(capacity: size)
        key = .allocate(capacity: size)
        ruleSet = .allocate(capacity: size)
        lifecycle = .allocate(capacity: size)
        subsidyStream = .allocate(capacity: size)
        subsidiesPaid = .allocate(capacity: size)
    }

    deinit {
        // Every column holds trivial values, so freeing needs no deinitialisation.
        state.deallocate()
        namedYear.deallocate()
        cohort.deallocate()
        factor.deallocate()
        quality.deallocate()
        position.deallocate()
        label.deallocate()
        grantPaidBefore.deallocate()
        key.deallocate()
        ruleSet.deallocate()
        lifecycle.deallocate()
        subsidyStream.deallocate()
        subsidiesPaid.deallocate()
    }

    /// Forgets every studio, keeping the storage.
    func removeAll() {
        count = 0
    }

    /// Appends a studio and returns its index.
    @inline(__always)
    @discardableResult
    func append(
        state: Int32, namedYear: Int, cohort: Int, factor: Double, quality: Double, position: Int, label: Int,
        grantPaidBefore: Double, key: StreamKey.StudioKey, ruleSet: Int, lifecycle: RandomStream,
        subsidiesPaid: Double = 0
    ) -> Int {
        if count == capacity { grow() }
        let index = count
        (self.state + index).initialize(to: state)
        (self.namedYear + index).initialize(to: namedYear)
        (self.cohort + index).initialize(to: cohort)
        (self.factor + index).initialize(to: factor)
        (self.quality + index).initialize(to: quality)
        (self.position + index).initialize(to: position)
        (self.label + index).initialize(to: label)
        (self.grantPaidBefore + index).initialize(to: grantPaidBefore)
        (self.key + index).initialize(to: key)
        (self.ruleSet + index).initialize(to: ruleSet)
        (self.lifecycle + index).initialize(to: lifecycle)
        (self.subsidyStream + index).initialize(to: -1)
        (self.subsidiesPaid + index).initialize(to: subsidiesPaid)
        count += 1
        return index
    }

    /// Doubles the storage, keeping the studios.
    private func grow() {
        let size = capacity * 2
        func moved<T>(_ column: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let larger = UnsafeMutablePointer<T>.allocate(capacity: size)
            larger.moveInitialize(from: column, count: count)
            column.deallocate()
            return larger
        }
        state = moved(state)
        namedYear = moved(namedYear)
        cohort = moved(cohort)
        factor = moved(factor)
        quality = moved(quality)
        position = moved(position)
        label = moved(label)
        grantPaidBefore = moved(grantPaidBefore)
        key = moved(key)
        ruleSet = moved(ruleSet)
        lifecycle = moved(lifecycle)
        subsidyStream = moved(subsidyStream)
        subsidiesPaid = moved(subsidiesPaid)
        capacity = size
    }
}
