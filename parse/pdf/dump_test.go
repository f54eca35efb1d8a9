package pdf

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	name := os.Getenv("PDF")
	f, err := os.Open(name)
	if err != nil { t.Fatal(err) }
	st, _ := f.Stat()
	pages, warn, err := Pages(context.Background(), f, st.Size())
	fmt.Println("err", err, "warn", warn)
	for _, p := range pages {
		if os.Getenv("ALL") == "" && p.Number > 1 { continue }
		fmt.Printf("page %d %.0fx%.0f texts %d rules %d images %d\n", p.Number, p.Width, p.Height, len(p.Texts), len(p.Rules), p.Images)
		for i, x := range p.Texts { if i < 40 { fmt.Printf("  %6.1f %6.1f w%6.1f s%4.1f sw%4.1f %q %s\n", x.X, x.Y, x.W, x.Size, x.SpaceW, x.S, x.Font) } }
		for i, r := range p.Rules { if i < 10 { fmt.Printf("  rule %v\n", r) } }
	}
}
