package extract

import "testing"

// TestNextDigit checks nextDigit against a byte loop for every byte value
// at every position of a chunk and past it.
func TestNextDigit(t *testing.T) {
	slow := func(s string, i int) int {
		for ; i < len(s); i++ {
			if isDigit(s[i]) {
				return i
			}
		}
		return len(s)
	}
	fill := []byte("xyz\xc3\xa0 \xe1\xbb\x87.,/:;")
	for c := 0; c < 256; c++ {
		for at := 0; at < 19; at++ {
			b := make([]byte, 19)
			for k := range b {
				b[k] = fill[k%len(fill)]
			}
			b[at] = byte(c)
			s := string(b)
			for i := 0; i <= len(s); i++ {
				if got, want := nextDigit(s, i), slow(s, i); got != want {
					t.Fatalf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}
