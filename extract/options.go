package extract

// Options change what Extract writes, never what it finds.
type Options struct {
	// Lang is the language of Finding.Message: "vi" (the default) or "en".
	// Codes and field names never change with it.
	Lang string
}
