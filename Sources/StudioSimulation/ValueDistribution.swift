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
    private var keys: [UInt64]
    private var counts: [Int]
    private var largest: [Double]
    private var mask: Int
    private(set) var occupied = 0
    /// The key and slot of the last value added: metrics often repeat a value, which then
    /// needs no hashing.
    private var lastKey = UInt64.max
    private var lastSlot = 0
    /// The bin width; 0 while values are held exactly.
    private(set) var binWidth = 0.0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        counts = Array(repeating: 0, count: size)
        largest = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Whether every value is held exactly.
    var isExact: Bool { binWidth == 0 }

    /// Adds `count` observations of `value` (not NaN).
    @inline(__always)
    mutating func add(_ value: Double, count: Int = 1) {
        let key = Self.key(value, binWidth: binWidth)
        if key == lastKey {
            counts[lastSlot] += count
            if value > largest[lastSlot] { largest[lastSlot] = value }
            return
        }
        var slot = Self.hash(key) & mask
        while true {
            let current = keys[slot]
            if current == key {
                counts[slot] += count
                if value > largest[slot] { largest[slot] = value }
                (lastKey, lastSlot) = (key, slot)
                return
            }
            if current == Self.empty { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        counts[slot] = count
        largest[slot] = value
        occupied += 1
        (lastKey, lastSlot) = (key, slot)
        if occupied * 2 > keys.count { rebuild(capacity: keys.count) }
        if occupied > Self.distinctLimit { coarsen() }
    }

    /// Adds every observation of `other`, after bringing both to the wider bin width.
    mutating func merge(_ other: ValueDistribution) {
        if other.binWidth > binWidth { rebin(width: other.binWidth) }
        for slot in other.keys.indices where other.keys[slot] != Self.empty {
            add(other.largest[slot], count: other.counts[slot])
        }
    }

    /// The entries (largest value of each bin, count), in increasing order.
    func sortedEntries() -> [(value: Double, count: Int)] {
        var entries: [(value: Double, count: Int)] = []
        entries.reserveCapacity(occupied)
        for slot in keys.indices where keys[slot] != Self.empty { entries.append((largest[slot], counts[slot])) }
        entries.sort { $0.value < $1.value }
        return entries
    }

    // MARK: - Storage

    @inline(__always)
    private static func key(_ value: Double, binWidth: Double) -> UInt64 {
        if binWidth == 0 { return (value == 0 ? 0.0 : value).bitPattern }
        let bin = Int64((value / binWidth).rounded(.down))
        return UInt64(bitPattern: bin) ^ (1 << 63)
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 32)
    }

    private mutating func rebuild(capacity: Int) {
        let old = (keys, counts, largest)
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        counts = Array(repeating: 0, count: size)
        largest = Array(repeating: 0, count: size)
        mask = size - 1
        occupied = 0
        lastKey = Self.empty
        for slot in old.0.indices where old.0[slot] != Self.empty { add(old.2[slot], count: old.1[slot]) }
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
        keys = Array(repeating: Self.empty, count: keys.count)
        occupied = 0
        lastKey = Self.empty
        for entry in entries { add(entry.value, count: entry.count) }
    }

    private static func binCount(_ entries: [(value: Double, count: Int)], width: Double) -> Int {
        var bins = 0
        var last: Int64?
        for entry in entries {
            let bin = Int64((entry.value / width).rounded(.down))
            if bin != last { bins += 1; last = bin }
        }
        return bins
    }

    private static func powerOfTwo(atMost x: Double) -> Double {
        guard x > 0, x.isFinite else { return Double.leastNormalMagnitude }
        return Double(sign: .plus, exponent: x.exponent, significand: 1)
    }
}
