package html

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// decode returns the page as UTF-8.
func decode(data []byte) ([]byte, error) {
	// Bytes that are valid UTF-8 are read as UTF-8 whatever the page
	// says: a Vietnamese page whose bytes are all valid UTF-8 is almost
	// certainly UTF-8, and exports that declare windows-1258 while writing
	// UTF-8 are common. Pure ASCII reads the same either way.
	if utf8.Valid(data) {
		return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
	}
	enc := declared(data)
	if enc == nil {
		// Undeclared and not UTF-8: the Vietnamese Windows code page is
		// far more likely here than the HTML default windows-1252.
		enc = charmap.Windows1258
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decoding HTML: %w", err)
	}
	// The UTF-16 decoders leave the byte order mark in.
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
}

// declared returns the encoding named by a BOM or by a <meta> charset
// declaration in the first 1024 bytes (where HTML requires it), or nil.
func declared(data []byte) encoding.Encoding {
	head := data[:min(len(data), 1024)]
	enc, name, certain := charset.DetermineEncoding(head, "")
	if certain || bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		if name == "utf-8" {
			// Declared UTF-8 but not valid UTF-8: the declaration is
			// wrong, so guess as for an undeclared page.
			return nil
		}
		return enc
	}
	return nil
}
