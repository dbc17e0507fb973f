// The entry point only dispatches: each command lives in Commands/ and returns a
// sysexits code, so that `main` is the one place that exits.
#if canImport(Glibc)
import Glibc
#endif

exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
