package xls

import (
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"chiso/parse/sheet"
)

// shower turns a cell's number into the text the sheet shows. excelize
// holds Excel's number-format engine but formats only the cells of its
// own files, so a one-cell scratch workbook is given the number and the
// format, and asked what it shows; the result is remembered, since a
// report repeats few (format, number) pairs.
type shower struct {
	formats  map[int]string // FORMAT records by index
	date1904 bool
	scratch  *excelize.File // made at the first formatted number
	styles   map[int]int    // scratch style by format index
	memo     map[shownKey]string
}

type shownKey struct {
	format int
	v      float64
}

// maxMemo bounds the remembered texts.
const maxMemo = 1 << 16

func newShower(formats map[int]string, date1904 bool) *shower {
	return &shower{formats: formats, date1904: date1904, styles: map[int]int{}, memo: map[shownKey]string{}}
}

// kind classifies a number format index.
func (s *shower) kind(format int) sheet.NumberKind {
	if code, ok := s.formats[format]; ok {
		return sheet.CodeKind(code)
	}
	if format < 0 {
		return sheet.General
	}
	return sheet.BuiltinKind(format)
}

// show returns the text of v under the number format with the given
// index, in the Vietnamese way of writing numbers (dates as their format
// says, dd/mm/yyyy for the locale's short date).
func (s *shower) show(v float64, format int) string {
	k := s.kind(format)
	if k == sheet.General || math.IsNaN(v) || math.IsInf(v, 0) {
		return sheet.Vietnamese(general(v))
	}
	key := shownKey{format, v}
	if t, ok := s.memo[key]; ok {
		return t
	}
	t := s.excel(v, format)
	if k != sheet.Date {
		t = sheet.Vietnamese(t)
	}
	if len(s.memo) < maxMemo {
		s.memo[key] = t
	}
	return t
}

// general writes a number as Excel's General format does for the cell
// widths reports use: up to 15 significant digits, no exponent for the
// magnitudes of counts and rates.
func general(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if a := math.Abs(r); a != 0 && (a < 1e-9 || a >= 1e15) {
		return strconv.FormatFloat(r, 'E', -1, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// excel formats v through the scratch workbook; if excelize cannot, the
// number is written as General.
func (s *shower) excel(v float64, format int) string {
	const cell = "A1"
	if s.scratch == nil {
		s.scratch = excelize.NewFile(excelize.Options{ShortDatePattern: "dd/mm/yyyy"})
		if s.date1904 {
			on := true
			_ = s.scratch.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on})
		}
	}
	f := s.scratch
	sheetName := f.GetSheetName(0)
	style, ok := s.styles[format]
	if !ok {
		st := &excelize.Style{}
		if code, custom := s.formats[format]; custom {
			st.CustomNumFmt = &code
		} else {
			st.NumFmt = format
		}
		var err error
		if style, err = f.NewStyle(st); err != nil {
			style = 0
		}
		s.styles[format] = style
	}
	if f.SetCellFloat(sheetName, cell, v, -1, 64) != nil || f.SetCellStyle(sheetName, cell, cell, style) != nil {
		return general(v)
	}
	t, err := f.GetCellValue(sheetName, cell)
	if err != nil || t == "" {
		return general(v)
	}
	return t
}
