import Foundation
import StudioSimulation

/// `shard.json`'s keys and value forms. A block is `{"first", "end", "cells"}` with 0-based
/// replications `first..<end`; a cell is the list `[count, shift, sum, sum of squares, minimum,
/// maximum]` of ``CellMoments``, each a decimal string or `null` for an infinite extreme.
/// Earlier versions also wrote a `layout`; a shard whose `layout` is anything but `keyed` drew
/// its replications differently from every shard run now, and is refused.
extension ShardManifest: Codable {
    private enum CodingKeys: String, CodingKey {
        case tool
        case scenarioPath = "scenario_path"
        case scenarioSHA256 = "scenario_sha256"
        case seed, generator, layout, replications, shard, shards, blocks
    }

    /// The one `layout` an earlier version wrote whose shards draw as every shard does now.
    private static let keyedLayoutName = "keyed"

    /// Decodes the fields by type; ranges are checked by ``decode(_:file:)``.
    ///
    /// - Parameter decoder: the decoder holding `shard.json`.
    /// - Throws: `DecodingError` for a missing or mistyped field, another tool's file, or an
    ///   earlier version's shard whose `layout` is not `keyed`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let tool = try container.decode(String.self, forKey: .tool)
        guard tool == Self.toolName else {
            throw DecodingError.dataCorruptedError(
                forKey: .tool, in: container,
                debugDescription: "'\(tool)' is not \(Self.toolName): not a shard manifest written by run --shard")
        }
        if let layout = try container.decodeIfPresent(String.self, forKey: .layout), layout != Self.keyedLayoutName {
            throw DecodingError.dataCorruptedError(
                forKey: .layout, in: container,
                debugDescription: "'\(layout)' shards were written by an earlier studio-forecast that drew "
                    + "differently; run the shard again")
        }
        self.init(
            scenarioPath: try container.decode(String.self, forKey: .scenarioPath),
            scenarioSHA256: try container.decode(String.self, forKey: .scenarioSHA256),
            seed: try container.decode(UInt64.self, forKey: .seed),
            generator: try container.decode(String.self, forKey: .generator),
            replications: try container.decode(Int.self, forKey: .replications),
            shard: try container.decode(Int.self, forKey: .shard), shards: try container.decode(Int.self, forKey: .shards),
            blocks: try container.decode([CodedBlock].self, forKey: .blocks).map(\.block))
    }

    /// Encodes every field.
    ///
    /// - Parameter encoder: the encoder written to.
    /// - Throws: the encoder's error, if any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.toolName, forKey: .tool)
        try container.encode(scenarioPath, forKey: .scenarioPath)
        try container.encode(scenarioSHA256, forKey: .scenarioSHA256)
        try container.encode(seed, forKey: .seed)
        try container.encode(generator, forKey: .generator)
        try container.encode(replications, forKey: .replications)
        try container.encode(shard, forKey: .shard)
        try container.encode(shards, forKey: .shards)
        try container.encode(blocks.map(CodedBlock.init), forKey: .blocks)
    }
}

/// A block as `shard.json` holds it.
private struct CodedBlock: Codable {
    var block: ShardRunner.Block

    init(_ block: ShardRunner.Block) {
        self.block = block
    }

    private enum CodingKeys: String, CodingKey {
        case first, end, cells
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let first = try container.decode(Int.self, forKey: .first)
        let end = try container.decode(Int.self, forKey: .end)
        guard first >= 0, first <= end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "end \(end) is before first \(first), or first is negative")
        }
        let cells = try container.decode([CodedCell].self, forKey: .cells)
        block = ShardRunner.Block(replications: first..<end, moments: cells.map(\.moments))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(block.replications.lowerBound, forKey: .first)
        try container.encode(block.replications.upperBound, forKey: .end)
        try container.encode(block.moments.map(CodedCell.init), forKey: .cells)
    }
}

/// A cell's moments as `shard.json` holds them: a list of six, each named here.
private struct CodedCell: Codable {
    var moments: CellMoments

    init(_ moments: CellMoments) {
        self.moments = moments
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        /// A problem with the cell, or with its moment at `index`.
        func problem(_ message: String, at index: Int? = nil) -> DecodingError {
            let path = decoder.codingPath + (index.map { [MomentIndex(intValue: $0)] } ?? [])
            return DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
        }
        guard container.count == 6 else {
            throw problem(
                "a cell holds 6 moments (count, shift, sum, sum of squares, minimum, maximum); "
                    + "found \(container.count.map(String.init) ?? "another number")")
        }
        let countText = try container.decode(String.self)
        guard let count = Int(countText) else { throw problem("the count '\(countText)' is not a whole number", at: 0) }
        func number(_ name: String, null: Double?) throws -> Double {
            let index = container.currentIndex
            if try container.decodeNil() {
                guard let null else { throw problem("the \(name) is null", at: index) }
                return null
            }
            let text = try container.decode(String.self)
            guard let value = Double(text) else { throw problem("the \(name) '\(text)' is not a number", at: index) }
            return value
        }
        moments = CellMoments(
            count: count, shift: try number("shift", null: nil), sum: try number("sum", null: nil),
            sumOfSquares: try number("sum of squares", null: nil), minimum: try number("minimum", null: .infinity),
            maximum: try number("maximum", null: -.infinity))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for value in [
            Double(moments.count), moments.shift, moments.sum, moments.sumOfSquares, moments.minimum, moments.maximum,
        ] {
            if value.isFinite { try container.encode(PlainNumber.format(value)) } else { try container.encodeNil() }
        }
    }
}

/// A moment's place in a cell's list, for key paths in errors.
private struct MomentIndex: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(intValue: Int) {
        self.intValue = intValue
    }

    init?(stringValue: String) {
        return nil
    }
}
