// The process helpers (running the executable, tmux, scratch projects and homes) live in ShellTestSupport;
// re-exported here so that every end-to-end test file sees them without an import of its own.
@_exported import ShellTestSupport
