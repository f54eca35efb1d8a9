package serve

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"chiso"
	"chiso/internal/msg"
)

// checkedReport is one uploaded report as the pipeline read it, or the
// reason it could not be read.
type checkedReport struct {
	ID   string
	Name string
	Res  *chiso.Result
	Err  error
}

// check reads the files of an upload and shows them: one report's page,
// or the list of several.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	lang := langOf(w, r)
	// The whole upload is capped: maxFiles files of the per-file limit,
	// plus the form's own fields.
	r.Body = http.MaxBytesReader(w, r.Body, int64(maxFiles)*s.maxSize()+1<<20)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "the upload is larger than the limit")
			return
		}
		s.fail(w, r, http.StatusBadRequest, "the upload could not be read")
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !same(r.FormValue("csrf"), s.csrf) {
		s.fail(w, r, http.StatusForbidden, "the form has expired: reload the page and send the files again")
		return
	}
	files := r.MultipartForm.File["files"]
	switch {
	case len(files) == 0:
		s.fail(w, r, http.StatusBadRequest, "choose at least one report to check")
		return
	case len(files) > maxFiles:
		s.fail(w, r, http.StatusRequestEntityTooLarge, "too many files in one upload")
		return
	}
	var done []*checkedReport
	for _, fh := range files {
		c := s.read(r.Context(), fh, lang)
		s.keep(c)
		done = append(done, c)
	}
	if len(done) == 1 {
		http.Redirect(w, r, "/report/"+done[0].ID, http.StatusSeeOther)
		return
	}
	p := s.page(w, r, "Reports checked")
	s.render(w, http.StatusOK, "reports", reportsPage{p, summaries(done, p.Lang)})
}

// read runs the pipeline on one uploaded file. Its name is the client's
// base name, used only for display and as a format hint.
func (s *Server) read(ctx context.Context, fh *multipart.FileHeader, lang string) *checkedReport {
	name := path.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
	c := &checkedReport{ID: randomToken()[:12], Name: name}
	if fh.Size > s.maxSize() {
		c.Err = errTooLarge
		return c
	}
	f, err := fh.Open()
	if err != nil {
		c.Err = err
		return c
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.maxSize()+1))
	if err != nil {
		c.Err = err
		return c
	}
	if int64(len(data)) > s.maxSize() {
		c.Err = errTooLarge
		return c
	}
	c.Res, c.Err = chiso.Process(ctx, name, data, chiso.Options{Rubric: s.Rubric, Timeout: s.timeout(), Lang: lang})
	return c
}

var errTooLarge = errors.New("larger than the limit of one file (--max-size)")

// keep remembers c for its page, forgetting the oldest beyond keepChecked.
func (s *Server) keep(c *checkedReport) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checked[c.ID] = c
	s.order = append(s.order, c.ID)
	for len(s.order) > keepChecked {
		delete(s.checked, s.order[0])
		s.order = s.order[1:]
	}
}

func (s *Server) lookup(id string) *checkedReport {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.checked[id]
}

// report shows one checked report.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	c := s.lookup(r.PathValue("id"))
	if c == nil {
		s.fail(w, r, http.StatusNotFound, "this report is no longer kept: check it again")
		return
	}
	p := s.page(w, r, "Report")
	s.render(w, http.StatusOK, "report", newReportPage(p, c))
}

// failure says why a report could not be read, in lang.
func failure(lang string, err error) string {
	if errors.Is(err, errTooLarge) {
		return msg.String(lang, "file too large")
	}
	kind := msg.Failure(lang, err)
	detail := err.Error()
	var pe interface{ Unwrap() error }
	if errors.As(err, &pe) && pe.Unwrap() != nil {
		detail = pe.Unwrap().Error()
	}
	if kind == "" {
		return detail
	}
	return kind + " (" + detail + ")"
}
