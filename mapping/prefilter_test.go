package mapping

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"
)

// labels are every line of the rubrics and of the golden text fixtures,
// and wordings that test the prefilters' edges: the labels the matcher
// meets, in all their cases.
func labels(t *testing.T) []string {
	out := []string{
		"QUẬN/HUYỆN/THÀNH PHỐ", "Sở / Ban / Ngành", "SỞ/BAN/NGÀNH", "ſở/ban/ngành",
		"Xã / Phường / Thị Trấn", "PHƯỜNG", "Huyện Củ Chi", "quận Tân Bình", "thành phố Thủ Đức",
		"Thành phố Thủ Đức", "Tỷ lệ (áp dụng) của quận", "(chỉ một ghi chú)", "Ωmega 数字 тест",
		"quản lý", "quán triệt", "", "  ", "Tỷ lệ hồ sơ xử lý trực tuyến (%)",
	}
	files, _ := filepath.Glob("../rubric/data/*.yaml")
	more, _ := filepath.Glob("../golden/testdata/*.txt")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(b), "\n")...)
	}
	if len(out) < 500 {
		t.Fatalf("only %d labels: rubric/data or golden/testdata missing", len(out))
	}
	return out
}

// TestSlotPrefilter: skipping the slots whose words a label lacks gives
// the tokens running every slot gives.
func TestSlotPrefilter(t *testing.T) {
	all := func(label string) string {
		saved := slots
		defer func() { slots = saved }()
		slots = slices.Clone(slots)
		for i := range slots {
			slots[i].needs, slots[i].slash = []string{""}, false // "" is in every label
		}
		return Key(label)
	}
	changed := 0
	for _, l := range labels(t) {
		want := all(l)
		if got := Key(l); got != want {
			t.Errorf("Key(%q) = %q, running every slot gives %q", l, got, want)
		}
		if strings.Contains(want, "donvi") || strings.Contains(want, "capxa") {
			changed++
		}
	}
	if changed < 20 {
		t.Errorf("only %d labels name a unit: the test does not reach the slots", changed)
	}
}

// TestFuzzable: the keys skipped before fuzzy are keys fuzzy does not
// match.
func TestFuzzable(t *testing.T) {
	ls := labels(t)
	var cs []Candidate
	for i, l := range ls[:len(ls)/2] {
		if i%4 == 0 {
			cs = append(cs, Candidate{ID: string(rune('a' + i%26)), Label: l})
		}
	}
	m := New(cs)
	found := 0
	for i, l := range ls[len(ls)/2:] {
		if i%4 != 0 {
			continue
		}
		for _, f := range formsOf(l) {
			var want []int
			for _, r := range fuzzy.FindNoSort(f.key, m.keys) {
				want = append(want, r.Index)
			}
			src := m.fuzzable(f.key, nil)
			var got []int
			for _, r := range fuzzy.FindFromNoSort(f.key, src) {
				got = append(got, src[r.Index].i)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: fuzzy over the kept keys matches %v, over all %v", f.key, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Error("fuzzy matched nothing: the test does not reach the filter")
	}
}
