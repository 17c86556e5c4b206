/// The distribution of one metric's per-replication values, held as value counts so that
/// percentiles are exact while memory stays bounded.
///
/// Values are counted exactly while there are at most ``distinctLimit`` distinct ones, which
/// covers counts and sums of tranches. Past that, values are grouped into bins of a power-of-two
/// width `w` aligned at 0, each keeping its count and largest value; `w` doubles whenever the
/// bins again exceed the limit. When `w` was last doubled, the bins at `w/2` exceeded half the
/// limit, so `w < 4·range/limit`: a percentile is then an observed value within `w` of the exact
/// one, under 0.05% of the metric's range (DESIGN.md: within 0.1%).
///
/// - Complexity: adding a value is O(1) amortised; memory is O(``distinctLimit``).
struct ValueDistribution: Sendable {
    /// The most distinct values (or bins) held before values are grouped.
    static let distinctLimit = 8192

    private static let empty = UInt64.max

    /// One slot of the open-addressing table: a value's key (or bin), its count and the
    /// largest value seen in it, together so that adding a value touches one cache line.
    private struct Slot {
        var key: UInt64
        var count: Int
        var largest: Double

        static let empty = Slot(key: ValueDistribution.empty, count: 0, largest: 0)
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var occupied = 0
    /// The key and slot of the last value added: metrics often repeat a value, which then
    /// needs no hashing.
    private var lastKey = UInt64.max
    private var lastSlot = 0
    /// The bin width; 0 while values are held exactly.
    private(set) var binWidth = 0.0

    init(capacity: Int = 16) {
        slots = Array(repeating: .empty, count: Self.tableSize(capacity))
        mask = slots.count - 1
    }

    /// Whether every value is held exactly.
    var isExact: Bool { binWidth == 0 }

    /// Adds `count` observations of `value` (not NaN).
    @inline(__always)
    mutating func add(_ value: Double, count: Int = 1) {
        let key = Self.key(value, binWidth: binWidth)
        if key == lastKey {
            slots[lastSlot].count += count
            if value > slots[lastSlot].largest { slots[lastSlot].largest = value }
            return
        }
        var slot = Self.hash(key) & mask
        while true {
            let current = slots[slot].key
            if current == key {
                slots[slot].count += count
                if value > slots[slot].largest { slots[slot].largest = value }
                (lastKey, lastSlot) = (key, slot)
                return
            }
            if current == Self.empty { break }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, count: count, largest: value)
        occupied += 1
        (lastKey, lastSlot) = (key, slot)
        if occupied * 2 > slots.count { rebuild(capacity: slots.count) }
        if occupied > Self.distinctLimit { coarsen() }
    }

    /// Adds `count` values of `buffer` (NaN skipped), from index `first` on, `stride` apart, in
    /// order, as ``add(_:count:)`` would one by one: values whose key the table holds are counted
    /// in one pass over the table's storage; each new key goes through ``add(_:count:)``, which
    /// may grow or coarsen the table, before the pass resumes.
    mutating func add(_ buffer: UnsafeBufferPointer<Double>, first: Int, stride: Int, count: Int) {
        var index = first
        var done = 0
        while done < count {
            let binWidth = self.binWidth
            let mask = self.mask
            var lastKey = self.lastKey
            var lastSlot = self.lastSlot
            slots.withUnsafeMutableBufferPointer { slots in
                while done < count {
                    let value = buffer[index]
                    if value.isNaN {
                        index += stride
                        done += 1
                        continue
                    }
                    let key = Self.key(value, binWidth: binWidth)
                    if key != lastKey {
                        var slot = Self.hash(key) & mask
                        while slots[slot].key != key {
                            if slots[slot].key == Self.empty { return }
                            slot = (slot + 1) & mask
                        }
                        (lastKey, lastSlot) = (key, slot)
                    }
                    slots[lastSlot].count += 1
                    if value > slots[lastSlot].largest { slots[lastSlot].largest = value }
                    index += stride
                    done += 1
                }
            }
            (self.lastKey, self.lastSlot) = (lastKey, lastSlot)
            guard done < count else { return }
            // A key the table lacks: added the usual way, which may grow or coarsen the table.
            add(buffer[index])
            index += stride
            done += 1
        }
    }

    /// Adds every observation of `other`, after bringing both to the wider bin width.
    mutating func merge(_ other: ValueDistribution) {
        if other.binWidth > binWidth { rebin(width: other.binWidth) }
        for slot in other.slots where slot.key != Self.empty { add(slot.largest, count: slot.count) }
    }

    /// The entries (largest value of each bin, count), in increasing order.
    func sortedEntries() -> [(value: Double, count: Int)] {
        var entries: [(value: Double, count: Int)] = []
        entries.reserveCapacity(occupied)
        for slot in slots where slot.key != Self.empty { entries.append((slot.largest, slot.count)) }
        entries.sort { $0.value < $1.value }
        return entries
    }

    // MARK: - Storage

    @inline(__always)
    private static func key(_ value: Double, binWidth: Double) -> UInt64 {
        if binWidth == 0 { return (value == 0 ? 0.0 : value).bitPattern }
        return UInt64(bitPattern: bin(value, width: binWidth)) ^ (1 << 63)
    }

    /// The bin of `value` at `width`; the two outermost bins take anything beyond Int64, so no
    /// value, however far in a tail, traps the conversion.
    @inline(__always)
    private static func bin(_ value: Double, width: Double) -> Int64 {
        let quotient = (value / width).rounded(.down)
        if quotient >= 9.223_372_036_854_775e18 { return Int64.max }
        if quotient <= -9.223_372_036_854_775e18 { return Int64.min }
        return quotient.isNaN ? 0 : Int64(quotient)
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 32)
    }

    /// The table size for `capacity` entries: a power of two, at least 16, at most half full.
    private static func tableSize(_ capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    private mutating func rebuild(capacity: Int) {
        let old = slots
        slots = Array(repeating: .empty, count: Self.tableSize(capacity))
        mask = slots.count - 1
        occupied = 0
        lastKey = Self.empty
        for slot in old where slot.key != Self.empty { add(slot.largest, count: slot.count) }
    }

    /// Doubles the bin width (or starts binning) until the bins are at most half the limit.
    private mutating func coarsen() {
        let entries = sortedEntries()
        let range = entries[entries.count - 1].value - entries[0].value
        var width = binWidth > 0 ? binWidth * 2 : Self.powerOfTwo(atMost: range / Double(Self.distinctLimit))
        while Self.binCount(entries, width: width) > Self.distinctLimit / 2 { width *= 2 }
        rebin(width: width)
    }

    private mutating func rebin(width: Double) {
        let entries = sortedEntries()
        binWidth = width
        slots = Array(repeating: .empty, count: slots.count)
        occupied = 0
        lastKey = Self.empty
        for entry in entries { add(entry.value, count: entry.count) }
    }

    private static func binCount(_ entries: [(value: Double, count: Int)], width: Double) -> Int {
        var bins = 0
        var last: Int64?
        for entry in entries {
            let bin = Self.bin(entry.value, width: width)
            if bin != last { bins += 1; last = bin }
        }
        return bins
    }

    private static func powerOfTwo(atMost x: Double) -> Double {
        guard x > 0, x.isFinite else { return Double.leastNormalMagnitude }
        return Double(sign: .plus, exponent: x.exponent, significand: 1)
    }
}
