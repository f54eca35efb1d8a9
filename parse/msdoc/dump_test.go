package msdoc

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	name := os.Getenv("DUMP")
	if name == "" {
		t.Skip()
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(d.Warnings)
	for _, blk := range d.Blocks {
		if blk.Table == nil {
			fmt.Printf("P %q\n", blk.Text)
			continue
		}
		fmt.Println("TABLE")
		for _, row := range blk.Table.Rows {
			fmt.Print("  ")
			for _, c := range row {
				fmt.Printf("[%d×%d %q] ", c.RowSpan, c.ColSpan, c.Text)
			}
			fmt.Println()
		}
	}
}
