// Command benchgen writes N distinct reports for the ingest benchmark
// (scripts/bench-ingest.sh) from the golden fixtures, in all four formats:
//
//   - text and HTML copies name another unit and another year, and carry
//     a note with their number, so each is a different report;
//   - DOCX copies are rewritten zips: the unit and year replaced in
//     word/document.xml where a run holds them whole, and every entry
//     stamped with a time of its own, so no two have the same bytes;
//   - PDF copies get a comment line after %%EOF, which readers ignore:
//     distinct bytes, same content (a PDF cannot be edited in place).
//
// Identical bytes would be one report (ingest dedupes by sha256), so every
// file written is distinct.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// units are the units the copies are attributed to.
var units = []string{"Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8", "Quận 10",
	"Quận 11", "Quận 12", "Quận Bình Tân", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Phú Nhuận",
	"Quận Tân Bình", "Quận Tân Phú", "Huyện Bình Chánh", "Huyện Cần Giờ", "Huyện Củ Chi",
	"Huyện Hóc Môn", "Huyện Nhà Bè", "Thành phố Thủ Đức"}

// originals are the units and years the seeds name, to be replaced.
var originals = []string{"Quận 5", "Quận Bình Tân", "Quận 1"}

func main() {
	n := flag.Int("n", 2000, "number of reports to write")
	src := flag.String("src", "golden/testdata", "folder of the seed fixtures")
	out := flag.String("out", "bench-docs", "folder to write")
	flag.Parse()
	seeds := []string{"seed000", "seed001", "seed004", "seed004_filled"}
	// Formats in proportion: text and HTML vary fully; DOCX and PDF are
	// slower to read and vary less.
	formats := []string{".txt", ".txt", ".html", ".html", ".docx", ".txt", ".html", ".pdf", ".docx", ".txt"}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for i := range *n {
		seed := seeds[i%len(seeds)]
		ext := formats[i/len(seeds)%len(formats)]
		data, err := os.ReadFile(filepath.Join(*src, seed+ext))
		if err != nil {
			log.Fatal(err)
		}
		unit := units[i%len(units)]
		year := 2019 + i%6
		switch ext {
		case ".txt", ".html":
			data = []byte(vary(string(data), unit, year))
			note := fmt.Sprintf("\nGhi chú: bản số %d.\n", i)
			if ext == ".html" {
				note = fmt.Sprintf("<!-- bản số %d -->\n", i)
			}
			data = append(data, note...)
		case ".docx":
			data, err = varyDocx(data, unit, year, i)
			if err != nil {
				log.Fatalf("%s%s: %v", seed, ext, err)
			}
		case ".pdf":
			data = append(data, fmt.Sprintf("\n%% chiso bench copy %d\n", i)...)
		}
		name := filepath.Join(*out, fmt.Sprintf("%04d-%s%s", i, seed, ext))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// vary names another unit and year in a report's text.
func vary(s, unit string, year int) string {
	for _, o := range originals {
		s = strings.ReplaceAll(s, o, unit)
		s = strings.ReplaceAll(s, strings.ToUpper(o), strings.ToUpper(unit))
	}
	for _, y := range []string{"2023", "2024"} {
		s = strings.ReplaceAll(s, "năm "+y, fmt.Sprintf("năm %d", year))
		s = strings.ReplaceAll(s, "NĂM "+y, fmt.Sprintf("NĂM %d", year))
	}
	return s
}

// varyDocx rewrites a DOCX with the unit and year varied in its main part
// and entry times of its own.
func varyDocx(data []byte, unit string, year, i int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 2 * time.Second)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "word/document.xml" {
			b = []byte(vary(string(b), unit, year))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
