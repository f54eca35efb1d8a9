package ziplimit

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// archive makes a zip holding one part of n repeated bytes, which deflate
// compresses about 1000:1.
func archive(t *testing.T, n int) *zip.File {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.Create("part.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(bytes.Repeat([]byte{'a'}, n)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return zr.File[0]
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name string
		size int   // bytes in the part
		left int64 // budget left before opening
		want string
	}{
		{"small part", 1000, MaxTotal, ""},
		{"over the ratio", 2 << 20, MaxTotal, "over the 100:1 limit"},
		{"over the budget", 1000, 10, "over the 200 MB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Budget{left: tt.left}
			rc, err := b.Open("part.xml", archive(t, tt.size))
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
				rc.Close()
			}
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Open: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Open: %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// The bytes read are what the budget counts: after one part of 1000
// bytes, a budget of 1500 has no room for a second.
func TestBudgetShared(t *testing.T) {
	b := &Budget{left: 1500}
	rc, err := b.Open("a.xml", archive(t, 1000))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, rc); err != nil {
		t.Fatal(err)
	}
	rc.Close()
	if b.left != 500 {
		t.Fatalf("left %d after reading 1000 of 1500, want 500", b.left)
	}
	if _, err := b.Open("b.xml", archive(t, 1000)); err == nil {
		t.Fatal("opened a second part of 1000 bytes with 500 left")
	}
}
