import Foundation
import StudioForecast
import Testing

/// Binding the forecast notebook to a run's folder.
@Suite("Forecast notebook")
struct ForecastNotebookTests {
    static let template = Data(
        #"{"cells":[{"source":"import pandas\nRUN_DIR = \"out/x\"\nprint(1)"}],"nbformat":4}"#.utf8)

    @Test("The RUN_DIR line names the folder as a Python literal, the other lines unchanged")
    func binds() throws {
        let notebook = try ForecastNotebook(template: Self.template, boundTo: "/runs/a \"b\"\nc")
        let object = try JSONSerialization.jsonObject(with: Data(notebook.json.utf8)) as? [String: Any]
        let cells = try #require(object?["cells"] as? [[String: Any]])
        let source = try #require(cells.first?["source"] as? String)
        #expect(source == "import pandas\nRUN_DIR = \"/runs/a \\\"b\\\"\\nc\"\nprint(1)")
        #expect(object?["nbformat"] as? Int == 4)
    }

    @Test("A template that is not a notebook, or has no RUN_DIR line, is refused")
    func refuses() {
        #expect(throws: ForecastNotebookError.unreadable) {
            try ForecastNotebook(template: Data("not json".utf8), boundTo: "/x")
        }
        #expect(throws: ForecastNotebookError.noRunFolderLine) {
            try ForecastNotebook(template: Data(#"{"cells":[{"source":"x = 1"}]}"#.utf8), boundTo: "/x")
        }
    }

    @Test(
        "Control characters and line separators become escapes",
        arguments: ["\u{7}", "\u{85}", "\u{2028}", "\t"])
    func escapes(character: String) {
        let literal = ForecastNotebook.quoted("a" + character + "b")
        #expect(!literal.contains(character))
        #expect(literal.hasPrefix("\"a\\") && literal.hasSuffix("b\""))
    }
}
