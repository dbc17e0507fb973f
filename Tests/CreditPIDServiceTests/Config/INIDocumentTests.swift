@testable import CreditPIDDaemon
import Testing

@Suite struct INIDocumentTests {
    @Test func sectionsKeysCommentsAndBlanks() throws {
        let text = """
            # a comment
            ; another
            [Budget]
              TotalCredits = 400000\t

            [Controller]
            Mode=seed
            """
        let document = try INIDocument(path: "f.conf", text: text)
        #expect(document.assignments == [
            .init(section: "Budget", key: "TotalCredits", value: "400000", line: 4),
            .init(section: "Controller", key: "Mode", value: "seed", line: 7),
        ])
        #expect(document.sections.map(\.name) == ["Budget", "Controller"])
    }

    @Test func backslashContinuesALine() throws {
        let document = try INIDocument(path: "f.conf", text: "[Ternary]\nURL=https://a\\\n.example\nX=1\r\n# tail \\\nY=2")
        #expect(document.assignments.map(\.value) == ["https://a .example", "1", "2"])
        #expect(document.assignments.map(\.line) == [2, 4, 6])
    }

    @Test func valueMayContainEquals() throws {
        let document = try INIDocument(path: "f.conf", text: "[Routing]\nFile=/tmp/a=b")
        #expect(document.assignments.first?.value == "/tmp/a=b")
    }

    @Test(arguments: [
        ("Key=1", "f.conf:1: Failed to parse 'Key=': assignment outside of any [Section]"),
        ("[Budget]\njust words", "f.conf:2: Failed to parse line 'just words': expected [Section], Key=Value or a comment"),
        ("[Budget\nA=1", "f.conf:1: Failed to parse section header '[Budget': expected [Name]"),
        ("[Budget]\n=3", "f.conf:2: Failed to parse line '=3': missing key before '='"),
    ])
    func syntaxErrorsNameFileAndLine(_ text: String, _ expected: String) {
        #expect { try INIDocument(path: "f.conf", text: text) } throws: { error in
            "\(error)" == expected
        }
    }
}
