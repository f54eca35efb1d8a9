package serve

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"chiso/corpus"
	"chiso/internal/msg"
)

// homePage is the upload form and, with a dataset, its overview.
type homePage struct {
	page
	Periods []string   // the overview's columns
	Units   []unitLine // its rows, one page of them
	Years   []int      // the years a ranking can be asked for
	Prev    string     // the links to the neighbouring pages, "" at the ends
	Next    string
}

// unitLine is a unit's row of the overview: per period the rows read and
// the findings on them.
type unitLine struct {
	Unit, Link string
	Cells      []overviewCell
}

type overviewCell struct {
	Rows, Findings int
}

// unitsPerPage is how many units one overview page lists.
const unitsPerPage = 40

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "Check reports")
	hp := homePage{page: p}
	if s.Store != nil {
		if err := s.overview(r, &hp); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
	}
	s.render(w, http.StatusOK, "home", hp)
}

// periodKey orders periods: a year, then its quarters and months (the
// year's own report after them).
type periodKey struct {
	year, quarter, month int
	label                string
}

func (k periodKey) order() (int, int, int) {
	q, m := k.quarter, k.month
	if q == 0 && m == 0 {
		q, m = 5, 13
	}
	return k.year, q, m
}

func (s *Server) overview(r *http.Request, hp *homePage) error {
	type cellKey struct{ unit, period string }
	cells := map[cellKey]*overviewCell{}
	periods := map[string]periodKey{}
	units := map[string]bool{}
	years := map[int]bool{}
	err := s.Store.EachRow(r.Context(), func(row *corpus.Row) error {
		k := periodKey{year: deref(row.Year), quarter: deref(row.Quarter), month: deref(row.Month), label: row.PeriodLabel}
		periods[row.PeriodLabel] = k
		units[row.Unit] = true
		if k.year > 0 {
			years[k.year] = true
		}
		c := cells[cellKey{row.Unit, row.PeriodLabel}]
		if c == nil {
			c = &overviewCell{}
			cells[cellKey{row.Unit, row.PeriodLabel}] = c
		}
		c.Rows++
		if row.Findings != "" {
			c.Findings += strings.Count(row.Findings, ",") + 1
		}
		return nil
	})
	if err != nil {
		return err
	}
	ps := make([]periodKey, 0, len(periods))
	for _, k := range periods {
		ps = append(ps, k)
	}
	slices.SortFunc(ps, func(a, b periodKey) int {
		ay, aq, am := a.order()
		by, bq, bm := b.order()
		return cmp.Or(cmp.Compare(ay, by), cmp.Compare(aq, bq), cmp.Compare(am, bm), strings.Compare(a.label, b.label))
	})
	for _, k := range ps {
		hp.Periods = append(hp.Periods, k.label)
	}
	names := make([]string, 0, len(units))
	for u := range units {
		names = append(names, u)
	}
	slices.Sort(names)
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	from := min((pageNo-1)*unitsPerPage, len(names))
	to := min(from+unitsPerPage, len(names))
	for _, u := range names[from:to] {
		line := unitLine{Unit: u, Link: "/unit?" + url.Values{"name": {u}}.Encode()}
		for _, k := range ps {
			c := cells[cellKey{u, k.label}]
			if c == nil {
				c = &overviewCell{}
			}
			line.Cells = append(line.Cells, *c)
		}
		hp.Units = append(hp.Units, line)
	}
	if from > 0 {
		hp.Prev = "/?page=" + strconv.Itoa(pageNo-1)
	}
	if to < len(names) {
		hp.Next = "/?page=" + strconv.Itoa(pageNo+1)
	}
	for y := range years {
		hp.Years = append(hp.Years, y)
	}
	slices.Sort(hp.Years)
	return nil
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// unitPage is a unit's indicators across the periods, each as a chart.
type unitPage struct {
	page
	Unit   string
	Charts []indicatorChart
}

type indicatorChart struct {
	ID, Label string
	Chart     template.HTML
	Points    []pointView
}

type pointView struct {
	Period, Value, Raw, Source string
}

func (s *Server) unit(w http.ResponseWriter, r *http.Request) {
	if s.Store == nil {
		s.fail(w, r, http.StatusNotFound, "no dataset: start chiso serve with --db")
		return
	}
	name := r.URL.Query().Get("name")
	p := s.page(w, r, "Unit")
	pts, err := s.Store.History(r.Context(), name, "")
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	up := unitPage{page: p, Unit: name}
	byID := map[string][]corpus.Point{}
	var ids []string
	for _, pt := range pts {
		if _, ok := byID[pt.Indicator]; !ok {
			ids = append(ids, pt.Indicator)
		}
		byID[pt.Indicator] = append(byID[pt.Indicator], pt)
	}
	slices.SortFunc(ids, compareIDs)
	for _, id := range ids {
		ic := indicatorChart{ID: id}
		var series []chartPoint
		pts := byID[id]
		slices.SortStableFunc(pts, func(a, b corpus.Point) int { return comparePeriods(a.Period, b.Period) })
		for _, pt := range pts {
			ic.Label = pt.RowLabel
			v := pointView{Period: pt.Label, Raw: pt.Raw, Source: pt.Source, Value: "–"}
			if pt.Value != nil {
				v.Value = msg.Number(p.Lang, *pt.Value, 2)
			}
			ic.Points = append(ic.Points, v)
			series = append(series, chartPoint{Label: pt.Label, Value: pt.Value})
		}
		ic.Chart = lineChart(series, p.Lang)
		up.Charts = append(up.Charts, ic)
	}
	if len(up.Charts) == 0 {
		s.fail(w, r, http.StatusNotFound, "the dataset has no report of this unit")
		return
	}
	s.render(w, http.StatusOK, "unit", up)
}

// comparePeriods orders the dataset's period keys ("2024", "2024-Q3",
// "2024-M07") as time runs: a year's quarters and months, then the year's
// own report, which covers them all.
func comparePeriods(a, b string) int {
	key := func(k string) (string, int) {
		y, rest, _ := strings.Cut(k, "-")
		switch {
		case rest == "":
			return y, 99
		case rest[0] == 'Q':
			q, _ := strconv.Atoi(rest[1:])
			return y, 3 * q
		case rest[0] == 'M':
			m, _ := strconv.Atoi(rest[1:])
			return y, m
		}
		return y, 98
	}
	ay, am := key(a)
	by, bm := key(b)
	return cmp.Or(strings.Compare(ay, by), cmp.Compare(am, bm), strings.Compare(a, b))
}

// compareIDs orders rubric ids as numbers part by part: 6.2 before 6.10.
func compareIDs(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx == nil && erry == nil {
			if c := cmp.Compare(x, y); c != 0 {
				return c
			}
			continue
		}
		if c := strings.Compare(as[i], bs[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}

// rankPage is a period's ranking as bars.
type rankPage struct {
	page
	Year   int
	Chart  template.HTML
	Groups []rankGroup // the rubric's groups, the table's subtotal columns
	Units  []rankLine
	Max    string
}

type rankGroup struct {
	ID, Label, Max string
}

type rankLine struct {
	Rank, Unit, Total, Source, Link string
	Groups                          []string // points of each of rankPage.Groups
}

func (s *Server) rank(w http.ResponseWriter, r *http.Request) {
	if s.Store == nil || s.Rubric == nil {
		s.fail(w, r, http.StatusNotFound, "no dataset: start chiso serve with --db")
		return
	}
	p := s.page(w, r, "Ranking")
	year, err := strconv.Atoi(r.URL.Query().Get("period"))
	if err != nil || year < 1000 || year > 9999 {
		s.fail(w, r, http.StatusBadRequest, "a year is written with four digits, e.g. 2023")
		return
	}
	us, err := s.Store.ScorePeriod(r.Context(), s.Rubric, year)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	rp := rankPage{page: p, Year: year, Max: msg.Number(p.Lang, s.Rubric.Max, 2)}
	for _, g := range s.Rubric.Groups {
		rp.Groups = append(rp.Groups, rankGroup{ID: g.ID, Label: g.Label, Max: msg.Number(p.Lang, g.Max, 2)})
	}
	var bars []bar
	for _, u := range us {
		rank := strconv.Itoa(u.Rank)
		if u.Tied {
			rank += "="
		}
		line := rankLine{Rank: rank, Unit: u.Unit, Total: msg.Number(p.Lang, u.Total, 2), Source: u.Source,
			Link: "/unit?" + url.Values{"name": {u.Unit}}.Encode()}
		for _, g := range s.Rubric.Groups {
			line.Groups = append(line.Groups, msg.Number(p.Lang, u.Groups[g.ID], 2))
		}
		rp.Units = append(rp.Units, line)
		bars = append(bars, bar{Label: u.Unit, Value: u.Total})
	}
	rp.Chart = barChart(bars, s.Rubric.Max, p.Lang)
	s.render(w, http.StatusOK, "rank", rp)
}

// export writes the dataset as the officers open it: CSV in the
// Vietnamese profile or XLSX, in the page's language.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	if s.Store == nil {
		s.fail(w, r, http.StatusNotFound, "no dataset: start chiso serve with --db")
		return
	}
	lang := langOf(w, r)
	h, err := corpus.HeadingsFor(lang)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	switch r.PathValue("format") {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="chiso.csv"`)
		err = s.Store.ExportCSV(r.Context(), w, h, corpus.VietnameseCSV)
	case "xlsx":
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="chiso.xlsx"`)
		err = s.Store.ExportXLSX(r.Context(), w, h)
	default:
		s.fail(w, r, http.StatusNotFound, "the exports are csv and xlsx")
		return
	}
	if err != nil {
		// The headers are sent; the truncated file says what happened in
		// the server's log only.
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
