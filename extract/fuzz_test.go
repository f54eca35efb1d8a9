package extract

import (
	"strings"
	"testing"

	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
)

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"78,23%", "78.23 %", "11.781", "11781", "1.05 %", "99,97%", "760.370/761.174",
		"35,5 mét", "26 bài", "0 %", "Có thành lập", "Không", "Đã ban hành", "Chưa triển khai", "Đang thực hiện",
		"Hoàn thành", "Hàng tuần", "", "1.234", "1.234,5", "12/10/2023", "1.2.3", "Đang thực hiện\n+ 100% (5/5)",
		"+5%", "-3,2 %", "−2%", "tăng 5%", "giảm 3%", "- 100%", "-12", "-1.234"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, c uint8) {
		ctx := NumberContext{Convention: Convention(c % 3), Percent: c&4 != 0, Count: c&8 != 0}
		v, p := ParseValue(s, ctx)
		switch v.Kind {
		case report.KindPercent, report.KindNumber:
			if v.Number == nil {
				t.Fatalf("%q: %s without a number", s, v.Kind)
			}
		case report.KindFraction:
			if v.Numerator == nil || v.Denominator == nil {
				t.Fatalf("%q: fraction without its parts", s)
			}
		case report.KindBool:
			if v.Bool == nil {
				t.Fatalf("%q: bool without a value", s)
			}
		case report.KindStatus:
			if v.Status == "" {
				t.Fatalf("%q: status without a value", s)
			}
		case report.KindText, report.KindEmpty:
		default:
			t.Fatalf("%q: kind %q", s, v.Kind)
		}
		if (p == ProblemAmbiguous) != v.Ambiguous {
			t.Fatalf("%q: problem %q but ambiguous=%v", s, p, v.Ambiguous)
		}
		// A minus glued to a value negates it and changes nothing else.
		if (v.Kind == report.KindPercent || v.Kind == report.KindNumber) && isDigit(s[0]) {
			n, np := ParseValue("-"+s, ctx)
			if n.Kind != v.Kind || np != p || n.Number == nil || *n.Number != -*v.Number || n.Unit != v.Unit {
				t.Fatalf("%q is %s %v, but -%q is %s %v (%q)", s, v.Kind, *v.Number, s, n.Kind, msg.Num(n.Number), np)
			}
		}
	})
}

func FuzzParseSTT(f *testing.F) {
	for _, s := range []string{"I", "IV.", "7", "7.", "1.1", "2.2.3", "1,7", "a", "b)", "(c)", "đ", "-", "STT", "XXXIX", "1..2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, ok := ParseSTT(s)
		if !ok {
			return
		}
		if st.Text == "" {
			t.Fatalf("%q: empty STT accepted", s)
		}
		// The canonical form reads back as itself.
		again, ok := ParseSTT(st.Text)
		if !ok || again != st {
			t.Fatalf("%q → %+v → %+v, %v", s, st, again, ok)
		}
	})
}

// FuzzExtract feeds arbitrary text through the seed loader and Extract:
// it must never panic, whatever the tables look like.
func FuzzExtract(f *testing.F) {
	f.Add("STT\tChỉ số\tSố liệu kê khai\tTài liệu kiểm chứng\n7\tTỷ lệ\t78.23 %\tTỷ lệ= a/b\na\tSố\t11781\tQuận: 5519 phường: 6262\nb\tTổng\t15060\t\n")
	f.Add("I. A\n\nSTT\tNội dung\n1\tx\n1\ty\n\nII. B\n\nSTT\tNội dung\n1\tz\n")
	f.Add("có 168/250 trường hợp, đạt tỷ lệ 67,2%; 99,97% (44.089/44.102)")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		d := textDocument(s)
		rep := Extract(d, Options{})
		for _, ind := range rep.Indicators {
			if len(ind.Path) == 0 || ind.Path[len(ind.Path)-1] != ind.STT {
				t.Fatalf("path %v does not end in STT %q", ind.Path, ind.STT)
			}
		}
		_ = Extract(&doc.Document{Blocks: []doc.Block{{Kind: doc.TableKind, Table: &doc.Table{Rows: [][]doc.Cell{{{Text: strings.Repeat("1", len(s)%7), RowSpan: len(s) % 3}}}}}}}, Options{})
	})
}
