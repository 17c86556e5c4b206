/// The stream index of each key seen in the current replication: an open-addressing hash table
/// on the key's ``StreamKey/bits`` that forgets every entry at once when a replication begins.
///
/// It answers exactly as a `[StreamKey: Int]` dictionary cleared each replication would (each
/// slot keeps its whole key, compared on a hit), but hashes 64 bits with one multiplication
/// instead of hashing the enum, and forgets by bumping a generation rather than clearing slots,
/// so that a keyed replication's cost stays with its draws.
struct StreamKeyTable {
    private struct Slot {
        /// The replication generation that wrote the slot; any other leaves it empty.
        var generation: UInt32
        var key: StreamKey
        var index: Int
    }

    private var slots: [Slot]
    private var mask: Int
    private var generation: UInt32 = 1
    private var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 512) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(generation: 0, key: .shock, index: 0), count: size)
        mask = size - 1
    }

    /// Forgets every key.
    mutating func removeAll() {
        count = 0
        generation &+= 1
        if generation == 0 {
            // After 2^32 replications the generations wrap: clear the slots once.
            for slot in slots.indices { slots[slot].generation = 0 }
            generation = 1
        }
    }

    /// The index stored for `key`, if it was seen since the last ``removeAll()``.
    @inline(__always)
    func index(of key: StreamKey, bits: UInt64) -> Int? {
        var slot = Self.hash(bits) & mask
        while slots[slot].generation == generation {
            if slots[slot].key == key { return slots[slot].index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `index` for `key`, which is not in the table.
    mutating func insert(_ index: Int, for key: StreamKey, bits: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(bits) & mask
        while slots[slot].generation == generation { slot = (slot + 1) & mask }
        slots[slot] = Slot(generation: generation, key: key, index: index)
        count += 1
    }

    /// Doubles the slots, keeping the current generation's entries.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(generation: 0, key: .shock, index: 0), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.generation == generation {
            insert(slot.index, for: slot.key, bits: slot.key.bits)
        }
    }

    @inline(__always)
    private static func hash(_ bits: UInt64) -> Int {
        Int(truncatingIfNeeded: (bits ^ (bits >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 32)
    }
}
