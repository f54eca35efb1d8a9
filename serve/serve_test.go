package serve

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chiso"
	"chiso/corpus"
	"chiso/report"
	"chiso/rubric"
)

const fixtures = "../golden/testdata"

func district(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Builtin("hcm-dti-2023-district")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// client is a browser-like client of srv: it keeps cookies and does not
// follow redirects, so that a test sees them.
func client(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t testing.TB, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// upload sends files (name → content) with the home page's form token
// (or csrf when not empty) and returns the answer.
func upload(t testing.TB, c *http.Client, base string, files map[string][]byte, csrf string) *http.Response {
	t.Helper()
	if csrf == "" {
		_, home := get(t, c, base+"/")
		m := csrfRE.FindStringSubmatch(home)
		if m == nil {
			t.Fatal("the home page has no form token")
		}
		csrf = m[1]
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	for name, b := range files {
		w, _ := mw.CreateFormFile("files", name)
		w.Write(b)
	}
	mw.Close()
	resp, err := c.Post(base+"/check", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkOne uploads one file and returns the report page's address and
// body.
func checkOne(t testing.TB, c *http.Client, base, name string, data []byte) (string, string) {
	t.Helper()
	resp := upload(t, c, base, map[string][]byte{name: data}, "")
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/report/") {
		t.Fatalf("upload of %s: %s, Location %q", name, resp.Status, loc)
	}
	code, page := get(t, c, base+loc)
	if code != http.StatusOK {
		t.Fatalf("%s: %d", loc, code)
	}
	return loc, page
}

// TestFindingOnItsRow: every finding of a fixture that has a row is shown
// on that row of the table as written, coloured by its severity, with its
// message; the expectations come from the pipeline itself.
func TestFindingOnItsRow(t *testing.T) {
	r := district(t)
	ts := httptest.NewServer(New(nil, r).Handler())
	defer ts.Close()
	for _, name := range []string{"seed000.html", "seed000.docx", "seed004_filled.txt"} {
		t.Run(name, func(t *testing.T) {
			data := readFixture(t, name)
			res, err := chiso.Process(context.Background(), name, data, chiso.Options{Rubric: r})
			if err != nil {
				t.Fatal(err)
			}
			_, page := checkOne(t, client(t), ts.URL, name, data)
			worst := map[string]report.Severity{}
			n := 0
			for _, f := range res.Findings() {
				if f.Location.Row == 0 {
					continue
				}
				id := anchor(f.Location.Block, f.Location.Row)
				worst[id] = worse(worst[id], f.Severity)
				if !strings.Contains(page, html.EscapeString(f.Message)) {
					t.Errorf("%s: message %q is not on the page", id, f.Message)
				}
				n++
			}
			if n == 0 {
				t.Fatal("the fixture has no finding on a row: the test proves nothing")
			}
			for id, sev := range worst {
				if !strings.Contains(page, `<tr id="`+id+`" class="`+string(sev)+`"`) {
					t.Errorf("row %s is not shown as %s", id, sev)
				}
			}
			if !strings.Contains(page, `class="marked"`) {
				t.Error("no cell is marked as the value a finding is about")
			}
			if res.Card != nil && !strings.Contains(page, "Bảng điểm") {
				t.Error("no score card")
			}
		})
	}
}

// TestEscaping: report content is untrusted; a label holding markup shows
// as text.
func TestEscaping(t *testing.T) {
	ts := httptest.NewServer(New(nil, district(t)).Handler())
	defer ts.Close()
	evil := `<html><body><p>UỶ BAN NHÂN DÂN QUẬN <script>alert('x')</script></p>
<table><tr><th>STT</th><th>Chỉ tiêu</th><th>Kết quả</th></tr>
<tr><td>1</td><td>Tỷ lệ "hồ sơ" &lt;script&gt;alert(1)&lt;/script&gt; ' onmouseover='x</td><td>120%</td></tr>
<tr><td>2</td><td>Số hồ sơ &lt;img src=x onerror=alert(2)&gt;</td><td>12</td></tr></table></body></html>`
	_, page := checkOne(t, client(t), ts.URL, `x"><script>alert(3)</script>.html`, []byte(evil))
	for _, bad := range []string{"<script>alert", "<img src=x", "onmouseover='x"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the label's markup is not shown as text")
	}
}

// TestUploadLimits: a file over the per-file limit is refused with the
// reason, the rest of the upload read; a form without its token is
// refused.
func TestUploadLimits(t *testing.T) {
	srv := New(nil, district(t))
	srv.MaxSize = 1000
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	c := client(t)
	resp := upload(t, c, ts.URL, map[string][]byte{
		"big.txt":   bytes.Repeat([]byte("Tỷ lệ 50%\n"), 200),
		"small.txt": []byte("STT\tChỉ tiêu\tKết quả\n1\tSố hồ sơ\t12\n"),
	}, "")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "tệp quá lớn") || !strings.Contains(string(b), "small.txt") {
		t.Errorf("%s: want the big file refused for size beside the small one:\n%s", resp.Status, b)
	}
	resp = upload(t, c, ts.URL, map[string][]byte{"small.txt": []byte("1\tSố hồ sơ\t12\n")}, "0000")
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a form with a wrong token: %s, want 403", resp.Status)
	}
}

// TestToken: with a token, a request without it is refused; the token
// once in the address sets a cookie that carries it.
func TestToken(t *testing.T) {
	srv := New(nil, nil)
	srv.Token = "s3cret"
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	c := client(t)
	if code, _ := get(t, c, ts.URL+"/"); code != http.StatusForbidden {
		t.Errorf("no token: %d, want 403", code)
	}
	if code, _ := get(t, c, ts.URL+"/?token=wrong"); code != http.StatusForbidden {
		t.Errorf("a wrong token: %d, want 403", code)
	}
	if code, _ := get(t, c, ts.URL+"/?token=s3cret"); code != http.StatusOK {
		t.Errorf("the token: %d, want 200", code)
	}
	if code, _ := get(t, c, ts.URL+"/static/style.css"); code != http.StatusOK {
		t.Errorf("the token's cookie: %d, want 200", code)
	}
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.5:8080": false, "bad": false,
	} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestLanguage: Vietnamese by default, English after the switch, and the
// findings' messages written again in it.
func TestLanguage(t *testing.T) {
	ts := httptest.NewServer(New(nil, district(t)).Handler())
	defer ts.Close()
	c := client(t)
	loc, vi := checkOne(t, c, ts.URL, "seed000.html", readFixture(t, "seed000.html"))
	if !strings.Contains(vi, "Phát hiện") || !strings.Contains(vi, "mẫu số bằng 0") {
		t.Error("the report page is not in Vietnamese")
	}
	_, en := get(t, c, ts.URL+loc+"?lang=en")
	if !strings.Contains(en, "Findings") || !strings.Contains(en, "the denominator is 0") || strings.Contains(en, "mẫu số bằng 0") {
		t.Error("the report page did not switch to English")
	}
	// The choice is kept for the next page.
	if _, home := get(t, c, ts.URL+"/"); !strings.Contains(home, "Check reports") {
		t.Error("the language was not kept")
	}
}

// dataset ingests the golden fixtures of several units and periods into a
// fresh SQLite dataset.
func dataset(t *testing.T, r *rubric.Rubric) *corpus.Store {
	t.Helper()
	s, err := corpus.Open(context.Background(), filepath.Join(t.TempDir(), "chiso.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var paths []string
	for _, n := range []string{"seed000.html", "seed001.html", "seed002.html", "seed004_filled.txt", "seed004.html"} {
		paths = append(paths, filepath.Join(fixtures, n))
	}
	// Four quarters of one district, for a history with one point a
	// period.
	quarters, _ := filepath.Glob(filepath.Join("testdata", "quan1_2024_q*.txt"))
	if len(quarters) != 4 {
		t.Fatalf("%d quarterly reports in testdata, want 4", len(quarters))
	}
	paths = append(paths, quarters...)
	in := &corpus.Ingester{Store: s, Rubric: r, Workers: 1}
	if _, err := in.Run(context.Background(), paths); err != nil {
		t.Fatal(err)
	}
	return s
}

var pointRE = regexp.MustCompile(`<circle class="point"`)

// TestDatasetPages: the overview lists every unit, a unit's page draws
// one point per period with a value, the ranking one bar per unit, and
// the exports open as Excel reads them.
func TestDatasetPages(t *testing.T) {
	r := district(t)
	s := dataset(t, r)
	ts := httptest.NewServer(New(s, r).Handler())
	defer ts.Close()
	c := client(t)
	var units []string
	years := map[int]bool{}
	if err := s.EachRow(context.Background(), func(row *corpus.Row) error {
		if len(units) == 0 || units[len(units)-1] != row.Unit {
			units = append(units, row.Unit)
		}
		if row.Year != nil {
			years[*row.Year] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	_, home := get(t, c, ts.URL+"/")
	for _, u := range units {
		if u != "" && !strings.Contains(home, html.EscapeString(u)) {
			t.Errorf("the overview does not list %q", u)
		}
	}
	checked := 0
	for _, u := range units {
		pts, err := s.History(context.Background(), u, "")
		if err != nil || len(pts) == 0 || u == "" {
			continue
		}
		code, page := get(t, c, ts.URL+"/unit?"+url.Values{"name": {u}}.Encode())
		if code != http.StatusOK {
			t.Fatalf("unit %q: %d", u, code)
		}
		withValue := 0
		for _, p := range pts {
			if p.Value != nil {
				withValue++
			}
		}
		if got := len(pointRE.FindAllString(page, -1)); got != withValue {
			t.Errorf("unit %q: %d points drawn, want %d (one per period with a value)", u, got, withValue)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no unit has a history: the test proves nothing")
	}
	for y := range years {
		us, err := s.ScorePeriod(context.Background(), r, y)
		if err != nil {
			t.Fatal(err)
		}
		_, page := get(t, c, ts.URL+"/rank?period="+strconv.Itoa(y))
		if got := strings.Count(page, `<rect class="bar"`); got != len(us) {
			t.Errorf("ranking %d: %d bars, want %d", y, got, len(us))
		}
		// A subtotal column per group of the rubric, a cell per unit.
		if got := strings.Count(page, "<th title="); got != len(r.Groups) {
			t.Errorf("ranking %d: %d group columns, want %d", y, got, len(r.Groups))
		}
		if got := strings.Count(page, `<td class="n">`); got != len(us)*(1+len(r.Groups)) {
			t.Errorf("ranking %d: %d number cells, want a total and %d subtotals for each of %d units", y, got, len(r.Groups), len(us))
		}
	}
	code, csv := get(t, c, ts.URL+"/export/csv")
	if code != http.StatusOK || !strings.HasPrefix(csv, "\ufeff") || !strings.Contains(strings.SplitN(csv, "\n", 2)[0], ";") {
		t.Errorf("CSV export: %d, want a BOM and ';' separators", code)
	}
	code, xlsx := get(t, c, ts.URL+"/export/xlsx")
	if code != http.StatusOK || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("XLSX export: %d", code)
	}
}

func TestComparePeriods(t *testing.T) {
	keys := []string{"2024", "2023", "2024-Q3", "2024-M02", "2024-Q1", "2025-Q1"}
	slices.SortFunc(keys, comparePeriods)
	want := []string{"2023", "2024-M02", "2024-Q1", "2024-Q3", "2024", "2025-Q1"}
	if !slices.Equal(keys, want) {
		t.Errorf("got %v, want %v", keys, want)
	}
}
