package pdf

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pfault "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/fault"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"chiso/parse/fault"
	"chiso/parse/internal/pdfcheck"
)

// maxRepairSize bounds the copy made to repair a file in memory.
const maxRepairSize = 1 << 30

// errPassword is returned for files that cannot be opened without a user
// password.
var errPassword = fmt.Errorf("%w: a user password is required", fault.ErrEncrypted)

// open returns a ledongthuc Reader for the file, repairing what ledongthuc
// refuses: bytes after the last %%EOF (ledongthuc looks only at the last
// 100 bytes), a %PDF-2.0 header, and — through pdfcpu — stale or broken
// cross-reference tables, AES-256 and RC4-40 encryption. note says which
// repair was needed ("" when none).
func open(ctx context.Context, r io.ReaderAt, size int64) (rd *lpdf.Reader, note string, err error) {
	head := make([]byte, 1024)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, "", fault.Damaged("not a PDF file: no %%PDF- header")
	}
	if err := checkStructure(r, size); err != nil {
		return nil, "", err
	}
	first, err := tryOpen(r, size)
	if err == nil && !weakCipher(first) {
		return first, "", nil
	}
	if err == nil {
		err = errors.New("RC4 40-bit encryption")
	}
	if size > maxRepairSize {
		return nil, "", fmt.Errorf("damaged PDF (%v) too large to repair in memory", err)
	}
	data := make([]byte, size)
	if n, rerr := r.ReadAt(data, 0); int64(n) != size {
		return nil, "", fmt.Errorf("reading: %v", rerr)
	}
	fixed, what := patch(data)
	if what != "" {
		if rd, err2 := tryOpen(bytes.NewReader(fixed), int64(len(fixed))); err2 == nil && !weakCipher(rd) {
			return rd, what, nil
		} else if err2 != nil {
			err = err2
		}
	}
	if err := pdfcheck.StreamRefs(fixed); err != nil {
		return nil, "", err
	}
	repaired, rerr := repair(ctx, fixed)
	if rerr != nil {
		if errors.Is(rerr, errPassword) {
			return nil, "", errPassword
		}
		if !bytes.Contains(data, []byte("%%EOF")) {
			return nil, "", fmt.Errorf("damaged PDF: truncated (no %%%%EOF) and not repairable: %v", rerr)
		}
		return nil, "", fault.Damaged("damaged PDF: %v; repair failed: %v", err, rerr)
	}
	// pdfcpu sizes the table it writes by the highest object number
	// referenced, not by the objects there are: a reference to object
	// 2^31-1 gives a /Size that ledongthuc would allocate.
	if err := checkStructure(bytes.NewReader(repaired), int64(len(repaired))); err != nil {
		return nil, "", err
	}
	rd, err2 := tryOpen(bytes.NewReader(repaired), int64(len(repaired)))
	if err2 != nil {
		return nil, "", fmt.Errorf("damaged PDF: %v; repaired copy unreadable: %v", err, err2)
	}
	switch {
	case bytes.Contains(fixed, []byte("/Encrypt")):
		return rd, fmt.Sprintf("decrypted with pdfcpu (%v)", err), nil
	case !bytes.Contains(fixed, []byte("%%EOF")):
		return rd, "truncated file repaired with pdfcpu: text at its end may be missing", nil
	}
	return rd, fmt.Sprintf("damaged file repaired with pdfcpu (%v)", err), nil
}

// tryOpen calls ledongthuc, turning its panics into errors.
func tryOpen(r io.ReaderAt, size int64) (rd *lpdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			rd, err = nil, fmt.Errorf("opening: %v", x)
		}
	}()
	// ledongthuc follows /Prev from one cross-reference section to the
	// one before without remembering where it has been: a section whose
	// /Prev is itself, or two naming each other, loop for ever (and on
	// past the deadline, in a goroutine nothing can stop). Reading every
	// section once reads the file at most once, plus a buffer a section;
	// past that the reads fail, and so does the open.
	br := &openBudget{r: r, left: 2*size + 4<<20}
	rd, err = lpdf.NewReader(br, size)
	br.done.Store(true)
	if br.spent.Load() {
		return nil, fault.Damaged("cross-reference sections that loop (/Prev)")
	}
	if err == nil && rd.Trailer().Key("Root").Key("Pages").IsNull() {
		return nil, errors.New("no page tree")
	}
	return rd, err
}

// weakCipher reports encryption that ledongthuc opens but then decrypts
// wrongly (RC4 with a 40-bit key): pdfcpu decrypts it instead.
func weakCipher(rd *lpdf.Reader) (weak bool) {
	defer func() {
		if recover() != nil {
			weak = true
		}
	}()
	enc := rd.Trailer().Key("Encrypt")
	if enc.IsNull() {
		return false
	}
	v := enc.Key("V").Int64()
	l := enc.Key("Length").Int64()
	return v < 2 || v == 2 && l <= 40
}

// patch fixes, in a copy, the damage that needs no rewriting: a 2.x
// version in the header and bytes after the last %%EOF.
func patch(data []byte) ([]byte, string) {
	var what []string
	out := data
	if i := bytes.LastIndex(out, []byte("%%EOF")); i >= 0 && len(bytes.TrimSpace(out[i+5:])) > 0 {
		out = append(append([]byte{}, out[:i+5]...), '\n')
		what = append(what, "data after %%EOF ignored")
	}
	if i := bytes.Index(out[:min(len(out), 1024)], []byte("%PDF-")); i >= 0 && i+8 <= len(out) && out[i+5] != '1' {
		if len(what) == 0 {
			out = append([]byte{}, out...)
		}
		copy(out[i+5:], "1.7")
		what = append(what, "PDF version "+string(data[i+5:i+8])+" read as 1.7")
	}
	if fixed, w := patchSize(out); w != "" {
		out = fixed
		what = append(what, w)
	}
	return out, strings.Join(what, "; ")
}

// patchSize raises the last trailer's /Size to the objects its
// cross-reference table lists when it says fewer: poppler's pdfunite
// writes such trailers (/Size 834 over 1,102 entries, the catalog among
// those past 834), which poppler and browsers read whole but ledongthuc
// cuts at /Size, losing the page tree. The table is what the file holds;
// nothing before the trailer moves, so no offset changes.
func patchSize(data []byte) ([]byte, string) {
	t := bytes.LastIndex(data, []byte("trailer"))
	x := bytes.LastIndex(data[:max(t, 0)], []byte("xref"))
	if t < 0 || x < 0 {
		return data, ""
	}
	dict := data[t:min(len(data), t+4096)]
	k := bytes.Index(dict, []byte("/Size"))
	if k < 0 {
		return data, ""
	}
	numAt := k + len("/Size")
	for numAt < len(dict) && isSpace(dict[numAt]) {
		numAt++
	}
	numEnd := numAt
	for numEnd < len(dict) && numEnd-numAt < 10 && '0' <= dict[numEnd] && dict[numEnd] <= '9' {
		numEnd++
	}
	size, err := strconv.Atoi(string(dict[numAt:numEnd]))
	if err != nil {
		return data, ""
	}
	// The subsections: a line of two numbers, first object and count,
	// then that many entries of three fields.
	entries, limit := 0, int(pdfcheck.MaxObjects(int64(len(data))))
	for _, line := range bytes.FieldsFunc(data[x+len("xref"):t], func(r rune) bool { return r == '\n' || r == '\r' }) {
		f := bytes.Fields(line)
		if len(f) != 2 {
			continue
		}
		first, err1 := strconv.Atoi(string(f[0]))
		n, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || first < 0 || n < 0 || first > limit || n > limit {
			return data, ""
		}
		entries = max(entries, first+n)
	}
	if entries <= size {
		return data, ""
	}
	at := t + numAt
	out := make([]byte, 0, len(data)+10)
	out = append(out, data[:at]...)
	out = strconv.AppendInt(out, int64(entries), 10)
	out = append(out, data[t+numEnd:]...)
	return out, fmt.Sprintf("trailer /Size %d read as %d, the entries of its cross-reference table", size, entries)
}

var disableConfig sync.Once

// repair rewrites the file with pdfcpu, which rebuilds cross-reference
// tables and decrypts with the empty user password. pdfcpu takes no
// context, so it runs in a goroutine that is abandoned if ctx ends first.
//
// It calls pdfcpu's reader, validator, optimiser and writer directly, the
// steps api.Decrypt and api.Optimize chain, rather than pdfcpu/pkg/api:
// that package imports pdfcpu's form filling, whose go-runewidth
// dependency builds a width table for all of Unicode at start-up — about
// 35 ms of CPU in every chiso process, mostly ones that never repair a PDF.
// TestNoHeavyInit keeps it out.
func repair(ctx context.Context, data []byte) ([]byte, error) {
	disableConfig.Do(func() { model.ConfigPath = "disable" })
	return abandonable(ctx, "pdfcpu", func() ([]byte, error) {
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationRelaxed
		conf.Cmd = model.OPTIMIZE
		if bytes.Contains(data, []byte("/Encrypt")) {
			conf.Cmd = model.DECRYPT
		}
		out, err := rewrite(bytes.NewReader(data), int64(len(data)), conf)
		if err != nil && conf.Cmd == model.DECRYPT && strings.Contains(strings.ToLower(err.Error()), "password") {
			err = errPassword
		}
		return out, err
	})
}

// rewrite reads, validates and writes the file again with pdfcpu: read
// rebuilds a broken cross-reference table and decrypts, write leaves the
// copy unencrypted when conf.Cmd is DECRYPT. Optimising (merging duplicate
// fonts and images) is done for OPTIMIZE, as pdfcpu's api does.
func rewrite(rs io.ReadSeeker, size int64, conf *model.Configuration) (out []byte, err error) {
	defer pfault.Catch(&err)
	pctx, err := pdfcpu.Read(rs, conf)
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if err := pdfcheck.Table(pctx.XRefTable, size); err != nil {
		return nil, err
	}
	if err := validate.XRefTable(pctx); err != nil {
		return nil, fmt.Errorf("validating (object %d): %w", pctx.CurObj, err)
	}
	if err := pdfcheck.Table(pctx.XRefTable, size); err != nil {
		return nil, err
	}
	if conf.Cmd == model.OPTIMIZE {
		if err := pdfcpu.OptimizeXRefTable(pctx); err != nil {
			return nil, fmt.Errorf("optimizing: %w", err)
		}
	}
	if err := pdfcpu.CacheFormFonts(pctx); err != nil {
		return nil, fmt.Errorf("reading form fonts: %w", err)
	}
	var buf bytes.Buffer
	pctx.Write.Writer = bufio.NewWriter(&buf)
	if err := pdfcpu.WriteContext(pctx); err != nil {
		return nil, fmt.Errorf("writing: %w", err)
	}
	if err := pctx.Write.Flush(); err != nil {
		return nil, fmt.Errorf("writing: %w", err)
	}
	return buf.Bytes(), nil
}

// openBudget is an io.ReaderAt that fails once left bytes were read,
// until done: the bound on the reads of NewReader.
type openBudget struct {
	r     io.ReaderAt
	left  int64
	mu    sync.Mutex
	done  atomic.Bool
	spent atomic.Bool
}

// errLoop is what the reads return once the budget is spent.
var errLoop = errors.New("cross-reference sections read more than once")

func (b *openBudget) ReadAt(p []byte, off int64) (int, error) {
	if !b.done.Load() {
		b.mu.Lock()
		b.left -= int64(len(p))
		out := b.left < 0
		b.mu.Unlock()
		if out {
			b.spent.Store(true)
			return 0, errLoop
		}
	}
	return b.r.ReadAt(p, off)
}
