@testable import CreditPIDDaemon
import CreditPIDHTTP
import Foundation
import Testing

@Suite struct ConfigurationLoaderTests {
    let fixture: ConfigFixture
    let keys = ["TERNARY_API_KEY": "ternary-secret-0123456789", "GITHUB_TOKEN": "github-secret-0123"]

    init() throws {
        fixture = try ConfigFixture()
    }

    private func load(_ environment: [String: String]? = nil) throws(ConfigurationError) -> ConfigurationLoader.Loaded {
        try ConfigurationLoader(path: fixture.mainPath, environment: environment ?? keys).load()
    }

    private func errors(_ environment: [String: String]? = nil) -> [String] {
        do throws(ConfigurationError) {
            _ = try load(environment)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func defaultsFillEverythingNotSet() throws {
        try fixture.writeMain("")
        let configuration = try load().configuration
        var expected = Configuration()
        expected.ternary.tenantID = "tenant-1"
        expected.ternary.projectID = "123456789012"
        expected.credentials.ternaryAPIKey = Secret("ternary-secret-0123456789")
        expected.credentials.gitHubToken = Secret("github-secret-0123")
        expected.sources = [fixture.mainPath]
        #expect(configuration == expected)
    }

    @Test func everyKeyParses() throws {
        let scenario = try fixture.file("steady.json", "{}")
        let ca = try fixture.file("ca.pem")
        try fixture.writeMain("""
            [Budget]
            TotalCredits=250000.5
            [Controller]
            Mode=seed
            UpdateIntervalSec=30min
            LookbackDays=3
            Kp=1
            Ki=0.2
            Kd=0
            MaxStepPercent=5
            DeadbandPercent=0.5
            StaleAfterSec=12h
            [Ternary]
            URL=http://127.0.0.1:9000/
            TimeoutSec=500ms
            CAFile=\(ca)
            [Routing]
            Sink=file
            DryRun=no
            GitHubURL=http://127.0.0.1:9001
            Repository=owner/repo
            Issue=7
            CommentID=123456789
            File=/var/lib/credit-pid/share
            TimeoutSec=2s
            CAFile=\(ca)
            [State]
            Directory=/srv/state
            [Simulation]
            Scenario=\(scenario)
            Speed=3600
            """)
        let c = try load().configuration
        #expect(c.budget.totalCredits == 250_000.5)
        #expect(c.controller.mode == .seed && c.controller.updateInterval == 1800 && c.controller.lookbackDays == 3)
        #expect(c.controller.kp == 1 && c.controller.ki == 0.2 && c.controller.kd == 0)
        #expect(c.controller.maxStepPercent == 5 && c.controller.deadbandPercent == 0.5 && c.controller.staleAfter == 43_200)
        #expect(c.ternary.url.absoluteString == "http://127.0.0.1:9000" && c.ternary.timeout == 0.5 && c.ternary.caFile == ca)
        #expect(c.routing.sink == .file && !c.routing.dryRun && c.routing.repository == "owner/repo")
        #expect(c.routing.issue == 7 && c.routing.commentID == 123_456_789 && c.routing.file == "/var/lib/credit-pid/share")
        #expect(c.routing.gitHubURL.port == 9001 && c.routing.timeout == 2 && c.routing.caFile == ca)
        #expect(c.state.directory == "/srv/state")
        #expect(c.simulation.scenario == scenario && c.simulation.speed == 3600)
    }

    @Test func dropInsApplyInLexicalOrderAndLaterWins() throws {
        try fixture.writeMain("[Controller]\nKp=1\nKi=1\n")
        let first = try fixture.writeDropIn("10-first.conf", "[Controller]\nKp=2\nKd=2\n")
        let second = try fixture.writeDropIn("20-second.conf", "[Controller]\nKp=3\n")
        try fixture.writeDropIn("30-ignored.conf.disabled", "[Controller]\nKp=99\n")
        let c = try load().configuration
        #expect(c.controller.kp == 3 && c.controller.ki == 1 && c.controller.kd == 2)
        #expect(c.sources == [fixture.mainPath, first, second])
    }

    @Test func anEmptyValueRestoresTheDefault() throws {
        try fixture.writeMain("[Controller]\nKp=9\n[Routing]\nCommentID=5\n")
        try fixture.writeDropIn("50-reset.conf", "[Controller]\nKp=\n[Routing]\nCommentID=\n")
        let c = try load().configuration
        #expect(c.controller.kp == 2.0 && c.routing.commentID == nil)
    }

    @Test func unknownSectionsAndKeysAreWarningsWithFileAndLine() throws {
        let path = try fixture.writeMain("[Budget]\nTotalCredit=1\n[Bugdet]\nTotalCredits=2\n")
        let loaded = try load()
        #expect(loaded.warnings.map(\.description) == [
            "\(path):6: Unknown section [Bugdet], ignoring",
            "\(path):5: Unknown key 'TotalCredit' in section [Budget], ignoring",
        ])
        #expect(loaded.configuration.budget.totalCredits == 500_000)
    }

    @Test func invalidValuesNameFileLineKeyValueAndWhatIsAllowed() throws {
        let path = try fixture.writeMain("[Controller]\nMode=fast\nKp=-1\n[Routing]\nDryRun=perhaps\n")
        #expect(errors() == [
            "\(path):5: Failed to parse [Controller] Mode='fast': expected one of: pacing, seed",
            "\(path):6: Failed to parse [Controller] Kp='-1': expected a number of at least 0",
            "\(path):8: Failed to parse [Routing] DryRun='perhaps': expected a boolean: yes, no, true, false, on, off, 1 or 0",
        ])
    }

    @Test func warningsTravelWithTheErrors() throws {
        let path = try fixture.writeMain("[Controller]\nKP=3\nKi=x\n")
        #expect { try load() } throws: { error in
            (error as? ConfigurationError)?.warnings.map(\.description)
                == ["\(path):5: Unknown key 'KP' in section [Controller], ignoring"]
        }
    }

    @Test func aSyntaxErrorInADropInIsReported() throws {
        try fixture.writeMain("")
        let dropIn = try fixture.writeDropIn("10-bad.conf", "[Budget]\nTotalCredits\n")
        #expect(errors() == [
            "\(dropIn):2: Failed to parse line 'TotalCredits': expected [Section], Key=Value or a comment",
        ])
    }

    @Test func aMissingFileIsAnError() {
        #expect(errors() == ["\(fixture.mainPath): Failed to open '\(fixture.mainPath)': No such file or directory"])
    }

    @Test func unreadableFilesAreErrorsNamingThem() throws {
        try fixture.writeMain("[Ternary]\nCAFile=/nonexistent/ca.pem\n")
        #expect(errors() == [
            "\(fixture.mainPath):5: Failed to parse [Ternary] CAFile='/nonexistent/ca.pem': cannot read the file: No such file or directory",
        ])
    }

    @Test func ternaryKeysAreRequiredUnlessSimulated() throws {
        let path = try fixture.writeMain("", ternary: false)
        #expect(errors([:]) == [
            "\(path): Missing [Ternary] TenantID=: required unless [Simulation] Scenario= is set",
            "\(path): Missing [Ternary] ProjectID=: required unless [Simulation] Scenario= is set",
            "\(path): Missing credential 'ternary-api-key' ($CREDENTIALS_DIRECTORY/ternary-api-key or $TERNARY_API_KEY): required unless [Simulation] Scenario= is set",
            "\(path): Missing credential 'github-token' ($CREDENTIALS_DIRECTORY/github-token or $GITHUB_TOKEN): required when Sink=github (a dry run reads the comment too)",
        ])
        let scenario = try fixture.file("s.json", "{}")
        try fixture.writeMain("[Simulation]\nScenario=\(scenario)\n[Routing]\nSink=none\n", ternary: false)
        #expect(try load([:]).configuration.credentials == Credentials())
    }

    @Test func fileSinkNeedsAFile() throws {
        let path = try fixture.writeMain("[Routing]\nSink=file\n")
        #expect(errors() == ["\(path): Missing [Routing] File=: required when Sink=file"])
    }

    @Test func gitHubTokenIsRequiredForTheGitHubSinkEvenInADryRun() throws {
        let message = "Missing credential 'github-token' ($CREDENTIALS_DIRECTORY/github-token or $GITHUB_TOKEN): "
            + "required when Sink=github (a dry run reads the comment too)"
        let ternaryOnly = ["TERNARY_API_KEY": "ternary-secret-0123456789"]
        var path = try fixture.writeMain("[Routing]\nDryRun=yes\n")
        #expect(errors(ternaryOnly) == ["\(path): \(message)"])
        path = try fixture.writeMain("[Routing]\nDryRun=no\n")
        #expect(errors(ternaryOnly) == ["\(path): \(message)"])
        #expect(errors(ternaryOnly.merging(["GITHUB_TOKEN": "ghp_token"]) { $1 }) == [])
        try fixture.writeMain("[Routing]\nSink=none\n")
        #expect(errors(ternaryOnly) == [])
    }

    @Test func statusNeedsNoCredentials() throws {
        try fixture.writeMain("")
        let loaded = try ConfigurationLoader(path: fixture.mainPath, environment: [:]).load(requiringCredentials: false)
        #expect(loaded.configuration.credentials == Credentials())
    }

    @Test func credentialsDirectoryWinsOverTheEnvironment() throws {
        try fixture.writeMain("")
        let directory = try fixture.credentials(["ternary-api-key": "from-file\n", "github-token": "gh-file\r\n"])
        let environment = ["CREDENTIALS_DIRECTORY": directory, "TERNARY_API_KEY": "from-env", "GITHUB_TOKEN": "gh-env"]
        let credentials = try load(environment).configuration.credentials
        #expect(credentials.ternaryAPIKey?.reveal() == "from-file")
        #expect(credentials.gitHubToken?.reveal() == "gh-file")
        let partial = try fixture.credentials([:], folder: "empty-credentials")
        let fallback = try load(["CREDENTIALS_DIRECTORY": partial, "TERNARY_API_KEY": "from-env",
                                 "GITHUB_TOKEN": "gh-env"]).configuration
        #expect(fallback.credentials.ternaryAPIKey?.reveal() == "from-env")
    }

    @Test func stateDirectoryDefaultsToSystemdsStateDirectory() throws {
        try fixture.writeMain("")
        let environment = keys.merging(["STATE_DIRECTORY": "/var/lib/credit-pid-x:/var/lib/other"]) { $1 }
        #expect(try load(environment).configuration.state.directory == "/var/lib/credit-pid-x")
        try fixture.writeMain("[State]\nDirectory=/srv/s\n")
        #expect(try load(environment).configuration.state.directory == "/srv/s")
    }

    @Test func effectiveTextListsEveryKeyAndMasksSecrets() throws {
        try fixture.writeMain("[Controller]\nUpdateIntervalSec=90min\n")
        let text = try load(keys.merging(["GITHUB_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"]) { $1 })
            .configuration.effectiveText
        for key in ConfigurationSchema.keys {
            #expect(text.contains("\n\(key.name)="), "\(key.section) \(key.name) missing")
        }
        #expect(text.contains("UpdateIntervalSec=1h 30min\n"))
        #expect(text.contains("TotalCredits=500000\n"))
        #expect(text.contains("#   github-token: <set, 40 bytes>\n"))
        #expect(text.contains("#   ternary-api-key: <set, 25 bytes>\n"))
        #expect(!text.contains("ghp_") && !text.contains("ternary-secret"))
        #expect("\(Secret("hunter2"))" == "(redacted)")
        #expect(String(reflecting: Secret("hunter2")) == "(redacted)")
    }

    @Test func effectiveTextReadsBackAsTheSameConfiguration() throws {
        try fixture.writeMain("[Controller]\nMode=seed\nStaleAfterSec=2h 15min\n[Routing]\nCommentID=42\n")
        let first = try load().configuration
        let copy = try fixture.file("copy.conf", first.effectiveText)
        var second = try ConfigurationLoader(path: copy, environment: keys).load().configuration
        second.sources = first.sources
        #expect(second == first)
    }
}
