//go:build unix

package corpus

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at path: opening it for reading waits for a
// writer, so a listing that opened it would hang the test.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}
