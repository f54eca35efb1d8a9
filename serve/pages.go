package serve

import (
	"html/template"
	"net/http"
	"net/url"

	"chiso/internal/msg"
	"chiso/report"
)

// page is what every page's layout reads.
type page struct {
	Lang  string
	Title string
	// Other is the other language and Switch this page's address in it.
	Other, Switch string
	CSRF          string
	Dataset       bool // the server has a dataset: the menu links to it
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, title string) page {
	lang := langOf(w, r)
	other := "en"
	if lang == "en" {
		other = "vi"
	}
	q := r.URL.Query()
	q.Set("lang", other)
	q.Del("token")
	sw := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	if r.Method != http.MethodGet {
		sw = url.URL{Path: "/", RawQuery: "lang=" + other}
	}
	return page{Lang: lang, Title: msg.String(lang, title), Other: other, Switch: sw.String(), CSRF: s.csrf, Dataset: s.Store != nil}
}

var funcs = template.FuncMap{
	"t":    msg.String,
	"sev":  func(lang string, s report.Severity) string { return msg.Severity(lang, s) },
	"kind": func(lang string, k report.Kind) string { return msg.Kind(lang, k) },
	"num": func(lang string, p *float64) string {
		if p == nil {
			return "–"
		}
		return msg.Number(lang, *p, 2)
	},
}

// parsePages parses each page template with the layout.
func parsePages() map[string]*template.Template {
	layout := template.Must(template.New("layout").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"home", "report", "reports", "unit", "rank", "error"} {
		t := template.Must(template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html"))
		out[name] = t
	}
	return out
}

// failPage shows a problem in the page's language.
type failPage struct {
	page
	Problem string
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, problem string) {
	p := s.page(w, r, "Problem")
	s.render(w, status, "error", failPage{p, msg.String(p.Lang, problem)})
}
