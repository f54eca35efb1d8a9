//go:build !unix

package corpus

import "testing"

func mkfifo(t *testing.T, path string) {
	t.Helper()
	t.Skip("no named pipes here")
}
