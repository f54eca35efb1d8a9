package pdf

import (
	"fmt"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/parse/fault"
)

// resource looks up a named resource of a category, treating a damaged
// resource dictionary as empty rather than losing the rest of the page.
func (w *walker) resource(category, name string) (v lpdf.Value) {
	defer func() {
		if x := recover(); x != nil {
			w.warn = append(w.warn, fmt.Sprintf("page %d: resource %s /%s damaged: %v", w.out.Number, category, name, x))
			v = lpdf.Value{}
		}
	}()
	v = w.res.Key(category).Key(name)
	v.Key("Subtype") // resolve now, inside the recover
	return v
}

// xobject draws a named XObject: images are counted, forms are walked with
// their own matrix and resources.
func (w *walker) xobject(name string) {
	x := w.resource("XObject", name)
	subtype := x.Key("Subtype").Name() // x is a resolved value: no parsing, no panic
	switch subtype {
	case "Image":
		w.out.Images++
	case "Form":
		if w.depth >= maxDepth || x.Kind() != lpdf.Stream {
			return
		}
		// A form that draws itself ten times per level is 10^12 forms at
		// depth 12: the depth bound alone does not stop it.
		if w.forms++; w.forms > maxPageForms {
			panic(abort{&fault.BudgetError{What: "form XObjects drawn on one PDF page", Limit: maxPageForms}})
		}
		gs, nsaved, res, scope := w.gs, len(w.saved), w.res, w.scope
		tm, tlm := w.tm, w.tlm
		w.gs.ctm = matrixOf(x.Key("Matrix")).mul(w.gs.ctm)
		if r := x.Key("Resources"); r.Kind() == lpdf.Dict {
			w.res = r
			w.scope = map[string]*font{}
		}
		w.path.reset()
		w.depth++
		w.interpretSafe(x, "form /"+name)
		w.depth--
		w.gs, w.saved, w.res, w.scope = gs, w.saved[:min(nsaved, len(w.saved))], res, scope
		w.tm, w.tlm = tm, tlm
		w.inline = false
		w.path.reset()
	}
}
