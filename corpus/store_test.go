package corpus

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStorage is the storage suite: each case runs on SQLite and on
// PostgreSQL with a fresh dataset.
func TestStorage(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, dsn string)
	}{
		{"ingest twice changes nothing", testIdempotent},
		{"same bytes at two paths are one report", testSameBytes},
		{"changed content replaces the report", testReplace},
		{"a batch stores what one transaction per file does", testBatch},
		{"unreadable files are recorded", testFailures},
		{"migrations apply once", testReopen},
		{"migration 006 keeps what the dataset reads", testMigrateIDs},
		{"export csv", testCSV},
		{"export json lines", testJSON},
		{"export xlsx", testXLSX},
		{"history", testHistory},
		{"cohort score and rank", testScorePeriod},
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) { c.run(t, b.fresh(t)) })
			}
		})
	}
}

func testIdempotent(t *testing.T, dsn string) {
	dir := t.TempDir()
	files := seedFiles(t, dir)
	s := openT(t, dsn)
	sum := ingest(t, s, 2, dir)
	if sum.Files != len(files) || sum.New != len(files) || len(sum.Failed) != 0 {
		t.Fatalf("first run: %+v, want %d new", sum, len(files))
	}
	if n := count(t, s, "reports"); n != len(files) {
		t.Errorf("%d reports, want %d", n, len(files))
	}
	if n := count(t, s, "indicators"); n == 0 {
		t.Error("no indicators stored")
	}
	before := dump(t, s)
	sum = ingest(t, s, 2, dir)
	if sum.Unchanged != len(files) || sum.New+sum.Replaced != 0 {
		t.Errorf("second run: %+v, want all %d unchanged", sum, len(files))
	}
	if after := dump(t, s); after != before {
		t.Error("a second ingest of the same files changed the dataset")
	}
}

func testSameBytes(t *testing.T, dsn string) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "seed000.docx"), filepath.Join(dir, "a", "q5.docx"))
	copyFile(t, filepath.Join(fixtures, "seed000.docx"), filepath.Join(dir, "b", "copy of q5.docx"))
	s := openT(t, dsn)
	sum := ingest(t, s, 2, dir)
	if sum.New != 1 || sum.Unchanged != 1 {
		t.Errorf("summary %+v, want 1 new and 1 unchanged", sum)
	}
	if r, p := count(t, s, "reports"), count(t, s, "paths"); r != 1 || p != 2 {
		t.Errorf("%d reports and %d paths, want 1 and 2", r, p)
	}
}

func testReplace(t *testing.T, dsn string) {
	dir := t.TempDir()
	p := filepath.Join(dir, "q3.txt")
	write(t, p, sheet{"Quận 3", 2023, 4, "60%"}.bytes(t))
	s := openT(t, dsn)
	ingest(t, s, 1, dir)
	first := dump(t, s)
	write(t, p, sheet{"Quận 3", 2023, 9, "60%"}.bytes(t))
	sum := ingest(t, s, 1, dir)
	if sum.Replaced != 1 {
		t.Fatalf("summary %+v, want 1 replaced", sum)
	}
	if r := count(t, s, "reports"); r != 1 {
		t.Errorf("%d reports after replacing, want 1: the old version must go", r)
	}
	var measure float64
	if err := s.db.QueryRow(`select measure from points where indicator = '5.1'`).Scan(&measure); err != nil || measure != 9 {
		t.Errorf("5.1 measure after replacing: %v, %v; want 9", measure, err)
	}
	// Going back to the first content gives the first dataset.
	write(t, p, sheet{"Quận 3", 2023, 4, "60%"}.bytes(t))
	ingest(t, s, 1, dir)
	if dump(t, s) != first {
		t.Error("restoring the first content did not restore the first dataset")
	}
}

// testBatch writes files in one batch, among them a path whose content
// changes within the batch, so that the report it drops had its rows
// still queued (stmtTx.flush), and compares the dataset with the one
// written one transaction per file in the same order.
func testBatch(t *testing.T, dsn string) {
	dir := t.TempDir()
	var recs []*Record
	for i, sh := range []sheet{{"Quận 3", 2023, 4, "60%"}, {"Quận 3", 2023, 9, "60%"}, {"Quận 5", 2022, 2, "45%"}} {
		p := filepath.Join(dir, fmt.Sprint(i, ".txt"))
		write(t, p, sh.bytes(t))
		recs = append(recs, readRecord(t, p))
	}
	recs[1].Path = recs[0].Path // the first file, changed
	seeds := seedFiles(t, dir)
	recs = append(recs, readRecord(t, seeds[0]), readRecord(t, seeds[3]))
	// putBatch writes in the order of sha256: so does the reference.
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Source.SHA256 < recs[j].Source.SHA256 })
	var batch []*pending
	for _, rec := range recs {
		batch = append(batch, &pending{ev: Event{Path: rec.Path}, sha: rec.Source.SHA256, rec: rec, rows: makeRows(rec)})
	}
	ref := openT(t, filepath.Join(t.TempDir(), "ref.db"))
	for _, rec := range recs {
		if _, err := ref.Put(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
	}
	s := openT(t, dsn)
	// The transaction itself: putBatch would write the files one by one
	// after its failure, and hide it.
	if err := s.batchTx(context.Background(), batch, make([]Outcome, len(batch))); err != nil {
		t.Fatal(err)
	}
	if r := count(t, s, "reports"); r != 4 {
		t.Errorf("%d reports, want 4: the replaced one must go", r)
	}
	if got, want := dump(t, s), dump(t, ref); got != want {
		t.Errorf("batch and one transaction per file differ: %s", firstDiff(got, want))
	}
	for _, table := range []string{"indicators", "cells", "findings", "points"} {
		var n int
		if err := s.db.QueryRow(`select count(*) from ` + table + ` where report not in (select id from reports)`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows of no report (%v)", table, n, err)
		}
	}
}

// readRecord reads the file at path as ingest does, sha256 and all.
func readRecord(t *testing.T, path string) *Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in := &Ingester{Rubric: district(t)}
	rec, err := in.read(context.Background(), path, data)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	rec.Source.SHA256 = hex.EncodeToString(sum[:])
	return rec
}

func testFailures(t *testing.T, dsn string) {
	dir := t.TempDir()
	good := seedFiles(t, dir)
	broken, err := filepath.Glob("testdata/broken/*")
	if err != nil || len(broken) == 0 {
		t.Fatalf("no broken files in testdata/broken: %v", err)
	}
	for _, b := range broken {
		copyFile(t, b, filepath.Join(dir, "mixed", filepath.Base(b)))
	}
	// Not a report extension: listed as unread, with the reason.
	write(t, filepath.Join(dir, "notes.json"), []byte(`{}`))
	s := openT(t, dsn)
	sum := ingest(t, s, 2, dir)
	if len(sum.Failed) != len(broken)+1 {
		t.Errorf("%d failed, want %d: %+v", len(sum.Failed), len(broken)+1, sum.Failed)
	}
	if sum.New != len(good) {
		t.Errorf("%d new, want every good file (%d)", sum.New, len(good))
	}
	rows, err := s.db.Query(`select path, reason from failures`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var p, reason string
		if err := rows.Scan(&p, &reason); err != nil {
			t.Fatal(err)
		}
		n++
		if reason == "" || strings.Contains(reason, p) {
			t.Errorf("%s: reason %q should say what went wrong, without repeating the path", p, reason)
		}
	}
	if n != len(broken)+1 {
		t.Errorf("%d failures recorded, want %d", n, len(broken)+1)
	}
}

func testReopen(t *testing.T, dsn string) {
	s := openT(t, dsn)
	s.Close()
	s = openT(t, dsn)
	want, err := latestMigration()
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "schema_migrations"); n != want {
		t.Errorf("%d migrations recorded after opening twice, want %d (one per migration)", n, want)
	}
}

// exported ingests the seed reports and returns the dataset.
func exported(t *testing.T, dsn string) *Store {
	dir := t.TempDir()
	seedFiles(t, dir)
	s := openT(t, dsn)
	ingest(t, s, 2, dir)
	return s
}

func testCSV(t *testing.T, dsn string) {
	s := exported(t, dsn)
	var b bytes.Buffer
	if err := s.writeCSV(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFF")) {
		t.Fatal("CSV does not start with a byte order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(Header, ",") {
		t.Errorf("header %v", recs[0])
	}
	if got, want := len(recs)-1, kept(t, s); got != want {
		t.Errorf("%d rows, want one per indicator of each content (%d)", got, want)
	}
	// Seed 000 (Quận 5) reports 6.3 as 78.23 % with a = 11781, b = 15060.
	found := false
	for _, r := range recs[1:] {
		if r[0] == "Quận 5" && r[7] == "6.3" && r[10] == "78.23" && r[12] == "11781" && r[13] == "15060" && r[14] != "" {
			found = true
		}
	}
	if !found {
		t.Error("no row for Quận 5, 6.3 = 78.23 (a 11781, b 15060) with points")
	}
	var again bytes.Buffer
	if err := s.writeCSV(context.Background(), &again); err != nil {
		t.Fatal(err)
	}
	if again.String() != b.String() {
		t.Error("two exports of one dataset differ: the order is not stable")
	}
}

func testJSON(t *testing.T, dsn string) {
	s := exported(t, dsn)
	var b bytes.Buffer
	if err := s.WriteJSON(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 1<<20)
	n, withFindings := 0, 0
	for sc.Scan() {
		var r Row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.SHA256 == "" || r.Source == "" {
			t.Errorf("line %d has no source: %s", n+1, sc.Bytes())
		}
		if r.Findings != "" {
			withFindings++
		}
		n++
	}
	if n != kept(t, s) {
		t.Errorf("%d lines, want %d", n, kept(t, s))
	}
	if withFindings == 0 {
		t.Error("no row carries its findings")
	}
}

func testXLSX(t *testing.T, dsn string) {
	s := exported(t, dsn)
	var b bytes.Buffer
	if err := s.writeXLSX(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(English.LongSheet)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows)-1, kept(t, s); got != want {
		t.Errorf("sheet %s: %d rows, want %d", English.LongSheet, got, want)
	}
	sheets := f.GetSheetList()
	has := map[string]bool{}
	for _, sh := range sheets {
		has[sh] = true
	}
	// Seed 000 is the first nine months of 2023, seed 004 the year 2024.
	for _, want := range []string{"2023-M1-9", "2024"} {
		if !has[want] {
			t.Errorf("no sheet %q among %v", want, sheets)
		}
	}
	// Seed 000 comes in four formats: one row for Quận 5, counting four.
	q3, err := f.GetRows("2023-M1-9")
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]bool{}
	for _, r := range q3[1:] {
		if units[r[0]] {
			t.Errorf("sheet 2023-M1-9 has unit %q twice", r[0])
		}
		units[r[0]] = true
		// Its four files (txt, html, docx, pdf) are one report.
		if r[0] == "Quận 5" && r[1] != "1" {
			t.Errorf("Quận 5 in 2023-M1-9: %s reports, want 1", r[1])
		}
	}
	if !units["Quận 5"] {
		t.Errorf("sheet 2023-M1-9 has no row for Quận 5: %v", q3)
	}
	comments := 0
	for _, sh := range sheets {
		cs, err := f.GetComments(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			comments++
			style, err := f.GetCellStyle(sh, c.Cell)
			if err != nil || style == 0 {
				t.Errorf("%s!%s has a comment but no fill", sh, c.Cell)
			}
		}
	}
	if comments == 0 {
		t.Error("no period sheet cell carries finding codes")
	}
}

func testHistory(t *testing.T, dsn string) {
	dir := t.TempDir()
	for _, sh := range []sheet{{"Quận 5", 2022, 3, "50%"}, {"Quận 5", 2023, 4, "60%"}, {"Quận 6", 2023, 4, "70%"}} {
		write(t, filepath.Join(dir, sh.unit+sh.rate+".txt"), sh.bytes(t))
	}
	s := openT(t, dsn)
	ingest(t, s, 1, dir)
	for _, q := range []string{"q5", "Q.5", "Quận 5", "quan 5", "QUẬN 5"} {
		pts, err := s.History(context.Background(), q, "6.13")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range pts {
			got = append(got, p.Period+"="+numStr(p.Value))
		}
		if strings.Join(got, " ") != "2022=50 2023=60" {
			t.Errorf("history %q 6.13 = %v, want [2022=50 2023=60]", q, got)
		}
	}
	if pts, _ := s.History(context.Background(), "huyen 5", "6.13"); len(pts) != 0 {
		t.Errorf("huyện 5 matched Quận 5: %v", pts)
	}
}

func testScorePeriod(t *testing.T, dsn string) {
	dir := t.TempDir()
	for _, sh := range []sheet{
		{"Quận 3", 2022, 1, "50%"}, {"Quận 3", 2023, 4, "60%"}, // growth 20 % → 10
		{"Quận 5", 2022, 1, "70%"}, {"Quận 5", 2023, 10, "70%"}, // growth 0 → 0
		{"Quận 7", 2023, 7, "70%"}, {"Quận 8", 2023, 7, "70%"}, // no 2022: growth 0
	} {
		write(t, filepath.Join(dir, sh.unit+"-"+sh.rate+"-"+string(rune('0'+sh.year%10))+".txt"), sh.bytes(t))
	}
	s := openT(t, dsn)
	ingest(t, s, 2, dir)
	us, err := s.ScorePeriod(context.Background(), district(t), 2023)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		rank          int
		minmax, growh float64
	}
	wants := map[string]want{
		"Quận 3": {1, 0, 10}, // 4 systems is the fewest; 60/50 − 1 = 20 % ≥ 10 %
		"Quận 5": {1, 10, 0}, // 10 systems is the most; no growth
		"Quận 7": {3, 5, 0},  // 7 is half way
		"Quận 8": {3, 5, 0},
	}
	if len(us) != len(wants) {
		t.Fatalf("%d units scored, want %d: %+v", len(us), len(wants), us)
	}
	base := -1.0
	for _, u := range us {
		w, ok := wants[u.Unit]
		if !ok {
			t.Errorf("unexpected unit %q", u.Unit)
			continue
		}
		got := map[string]float64{}
		for _, f := range u.Filled {
			got[f.ID] = f.Points
		}
		if got["5.1"] != w.minmax || got["6.13"] != w.growh || len(u.Filled) != 2 {
			t.Errorf("%s: filled %+v, want 5.1 = %v, 6.13 = %v", u.Unit, u.Filled, w.minmax, w.growh)
		}
		if u.Rank != w.rank || !u.Tied {
			t.Errorf("%s: rank %d tied %v, want %d tied", u.Unit, u.Rank, u.Tied, w.rank)
		}
		// The sheets differ only in 5.1 and 6.13, so the rest is equal.
		if b := u.Total - w.minmax - w.growh; base < 0 {
			base = b
		} else if b != base {
			t.Errorf("%s: total %v minus filled is %v, others %v", u.Unit, u.Total, b, base)
		}
		// The groups' points add up to the total, 5.1's group holding
		// its min-max points.
		sum := 0.0
		for _, x := range u.Groups {
			sum += x
		}
		if math.Abs(sum-u.Total) > 1e-6 || u.Groups["5"] < w.minmax {
			t.Errorf("%s: groups %v add up to %v, total %v", u.Unit, u.Groups, sum, u.Total)
		}
	}
}
