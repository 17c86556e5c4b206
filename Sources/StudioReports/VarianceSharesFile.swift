package import StudioSimulation

/// `variance-shares.csv`, which `sensitivity` writes for a scenario with uncertain inputs:
/// `scenario,output,group,keys,coefficient,share,share_mcse`, one row per input group (largest
/// share first; `keys` lists a group's key paths separated by `;`), then a row whose group is
/// `(all inputs, R²)` holding the rank regression's R².
package enum VarianceSharesFile {
    /// The file's name in an output folder.
    package static let name = "variance-shares.csv"

    /// The file's text for `shares` of `output` (such as `cumulative_net_outflow 2030`).
    ///
    /// - Parameters:
    ///   - scenario: the scenario's name.
    ///   - output: the output measured.
    ///   - shares: the estimated shares.
    /// - Returns: the text of `variance-shares.csv`.
    package static func csv(scenario: String, output: String, shares: VarianceShares) -> String {
        var text = "scenario,output,group,keys,coefficient,share,share_mcse\n"
        for share in shares.shares {
            text += [
                scenario, output, share.group, share.keyPaths.joined(separator: ";"), PlainNumber.format(share.coefficient),
                PlainNumber.format(share.share), PlainNumber.format(share.mcse),
            ].joined(separator: ",") + "\n"
        }
        text += "\(scenario),\(output),(all inputs R²),,,\(PlainNumber.format(shares.rSquared)),\n"
        return text
    }
}
