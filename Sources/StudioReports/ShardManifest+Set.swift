import StudioSimulation

/// The checks across the shards of one merge.
extension ShardManifest {
    /// Orders the manifests of a merge by shard, after checking that they are the shards of one
    /// run: the same scenario file (by SHA-256), seed, generator, replications and
    /// number of shards, each shard 1...N exactly once. Since each manifest's blocks are its
    /// own shard's (``decode(_:file:)``), the blocks then tile the replications exactly once.
    ///
    /// - Parameter shards: each manifest with the file it was read from.
    /// - Throws: ``ShardError`` naming the file that does not fit.
    package static func ordered(
        _ shards: [(file: String, manifest: ShardManifest)]
    ) throws(ShardError) -> [(file: String, manifest: ShardManifest)] {
        guard let first = shards.first else {
            throw ShardError.manifest(file: fileName, keyPath: "", message: "no shard given")
        }
        for (file, manifest) in shards.dropFirst() {
            let differences: [(String, String, String)] = [
                ("scenario_sha256", manifest.scenarioSHA256, first.manifest.scenarioSHA256),
                ("seed", String(manifest.seed), String(first.manifest.seed)),
                ("generator", manifest.generator, first.manifest.generator),
                ("replications", String(manifest.replications), String(first.manifest.replications)),
                ("shards", String(manifest.shards), String(first.manifest.shards)),
            ].filter { $0.1 != $0.2 }
            if let (key, value, expected) = differences.first {
                throw ShardError.manifest(
                    file: file, keyPath: key,
                    message: "\(value) where \(first.file) has \(expected): shard \(manifest.shard) was not run like "
                        + "shard \(first.manifest.shard); scenario, seed, generator and replications must match")
            }
        }
        let count = first.manifest.shards
        guard count >= 1 else {
            throw ShardError.manifest(file: first.file, keyPath: "shards", message: "\(count) is not a number of shards")
        }
        var byShard: [Int: String] = [:]
        for (file, manifest) in shards {
            if let earlier = byShard[manifest.shard] {
                throw ShardError.manifest(
                    file: file, keyPath: "shard",
                    message: "give every shard 1...\(count) once; shard \(manifest.shard) is also \(earlier)")
            }
            byShard[manifest.shard] = file
        }
        if let missing = (1...count).first(where: { byShard[$0] == nil }) {
            throw ShardError.manifest(
                file: first.file, keyPath: "shards",
                message: "give every shard 1...\(count) once; shard \(missing) of \(count) is missing")
        }
        return shards.sorted { $0.manifest.shard < $1.manifest.shard }
    }

    /// Checks that every block holds `cells` cells, as the scenario's forecast has.
    ///
    /// - Throws: ``ShardError`` naming `file` and the block.
    package func checkCells(_ cells: Int, file: String) throws(ShardError) {
        if let index = blocks.firstIndex(where: { $0.moments.count != cells }) {
            throw ShardError.manifest(
                file: file, keyPath: "blocks[\(index)].cells",
                message: "\(blocks[index].moments.count) cells where the scenario's forecast has \(cells)")
        }
    }
}
