package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"sync"
	"time"

	"chiso/corpus"
	"chiso/internal/msg"
	"chiso/parse"
	"chiso/rubric"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server is the web application. The zero value is not ready: use New.
type Server struct {
	// Store is the dataset the dataset pages read; nil shows only the
	// checking of reports.
	Store *corpus.Store
	// Rubric scores the reports checked; nil extracts and audits only.
	Rubric *rubric.Rubric
	// Token, when set, must come with every request: as ?token= once (a
	// cookie then carries it) or in the cookie.
	Token string
	// MaxSize bounds one uploaded file, Timeout the reading of one (0:
	// parse's defaults, the limits of ingest).
	MaxSize int64
	Timeout time.Duration

	csrf  string // the upload form's token
	pages map[string]*template.Template

	mu      sync.Mutex
	checked map[string]*checkedReport // by id, the last keepChecked
	order   []string
}

// keepChecked is how many checked reports the server keeps for their
// pages; older ones are forgotten (the page then says so).
const keepChecked = 64

// maxFiles is the most files one upload may hold.
const maxFiles = 20

// New returns a server on store (nil: none) scoring on r (nil: none).
func New(store *corpus.Store, r *rubric.Rubric) *Server {
	s := &Server{Store: store, Rubric: r, csrf: randomToken(), checked: map[string]*checkedReport{}}
	s.pages = parsePages()
	return s
}

// RandomToken returns a token for a server that listens beyond the
// loopback address: 128 random bits, in hex.
func RandomToken() string { return randomToken() }

func randomToken() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on the systems Go supports
	}
	return hex.EncodeToString(b)
}

// Loopback reports whether addr ("127.0.0.1:8080", "localhost:80",
// "[::1]:8080") listens on the loopback interface only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler returns the application's routes behind the token check and the
// security headers.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("POST /check", s.check)
	mux.HandleFunc("GET /report/{id}", s.report)
	mux.HandleFunc("GET /unit", s.unit)
	mux.HandleFunc("GET /rank", s.rank)
	mux.HandleFunc("GET /export/{format}", s.export)
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	return s.guard(mux)
}

// guard checks the token and sets the headers every answer carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Report content is untrusted: no inline script may run, no other
		// site may frame the pages, and nothing is sniffed as HTML.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if s.Token != "" {
			if q := r.URL.Query().Get("token"); q != "" && same(q, s.Token) {
				http.SetCookie(w, &http.Cookie{Name: "chiso_token", Value: s.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			} else if c, err := r.Cookie("chiso_token"); err != nil || !same(c.Value, s.Token) {
				http.Error(w, msg.String(langOf(w, r), "a token is needed: open the address chiso serve printed"), http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// langOf is the page's language: ?lang= (kept in a cookie for the next
// pages), else the cookie, else Vietnamese.
func langOf(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "vi" || l == "en" {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", SameSite: http.SameSiteLaxMode})
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "en" || c.Value == "vi") {
		return c.Value
	}
	return "vi"
}

func (s *Server) maxSize() int64 {
	if s.MaxSize > 0 {
		return s.MaxSize
	}
	return parse.DefaultMaxSize
}

func (s *Server) timeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return parse.DefaultTimeout
}

// render writes page name with data, or a plain error.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	t, ok := s.pages[name]
	if !ok {
		http.Error(w, "no page "+name, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	t.ExecuteTemplate(w, "layout", data)
}
