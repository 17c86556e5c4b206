import Foundation

extension ForecastNotebook {
    /// Writes a copy of the notebook bound to a run's folder into that folder, as
    /// `studio-forecast export-notebook` does: the folder is first restored if a killed run left
    /// it half-written, and the copy is written all or nothing.
    ///
    /// - Parameters:
    ///   - runFolder: a run's output folder, holding `forecast.csv`.
    ///   - template: the notebook's path; by default ``templatePath``, read from the current folder.
    ///   - force: replace a `forecast.ipynb` already in the folder.
    /// - Returns: the copy's path, and the folder it is bound to as an absolute path.
    /// - Throws: ``NotebookExportError`` when the folder cannot be written or holds no run, the
    ///   template cannot be bound, or a copy is there already without `force`.
    @discardableResult
    public static func export(
        into runFolder: String, template: String = templatePath, force: Bool = false
    ) throws(NotebookExportError) -> (file: String, boundTo: String) {
        let manager = FileManager.default
        let output = OutputDirectory(path: runFolder)
        do {
            // Restores a folder left by a killed run, and checks it can be written, before the notebook is made.
            try output.prepare(force: true)
        } catch {
            throw .output(error)
        }
        guard manager.fileExists(atPath: (runFolder as NSString).appendingPathComponent("forecast.csv")) else {
            throw .notARunFolder(runFolder)
        }
        let folder = URL(fileURLWithPath: runFolder).standardizedFileURL.path
        let notebook: ForecastNotebook
        do {
            notebook = try ForecastNotebook(template: manager.contents(atPath: template) ?? Data(), boundTo: folder)
        } catch {
            throw .template(template, error)
        }
        let target = (runFolder as NSString).appendingPathComponent(fileName)
        if manager.fileExists(atPath: target) && !force { throw .exists(target) }
        do {
            try ForecastFolder(files: [(fileName, notebook.json)]).write(to: output, force: true)
        } catch {
            throw .output(error)
        }
        return (target, folder)
    }
}
