package mapping

import "testing"

// FuzzMatch: any label matches without panicking, and a match's scores
// and confidence stay in [0, 1].
func FuzzMatch(f *testing.F) {
	for _, c := range cands {
		f.Add(c.Label, c.ID)
	}
	f.Add("Ty le ho so xu ly truc tuyen", "")
	f.Add("Quận/Huyện/", "1,7.")
	f.Add("(((", "")
	f.Add("\x00\xff", "6.3")
	m := New(cands)
	f.Fuzz(func(t *testing.T, label, stt string) {
		got, ok := m.Match(label, stt)
		for _, x := range []float64{got.Score, got.RunnerUpScore, got.Confidence} {
			if !(x >= 0 && x <= 1) {
				t.Fatalf("%q %q: score outside [0, 1]: %+v", label, stt, got)
			}
		}
		if ok && got.ID == "" {
			t.Fatalf("%q: ok without an id", label)
		}
	})
}
