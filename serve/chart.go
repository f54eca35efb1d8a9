package serve

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"chiso/internal/msg"
)

// The charts are SVG drawn here: text in them is escaped with
// html.EscapeString, numbers are written by this file, so the markup is
// safe to hand to the template as template.HTML.

// chartPoint is one period of a line chart; Value nil is a period without
// a number (drawn as a gap).
type chartPoint struct {
	Label string
	Value *float64
}

const (
	chartW, chartH = 640, 220
	padL, padR     = 56, 16
	padT, padB     = 16, 48
	inset          = 48
)

// lineChart draws series as a line over its periods, one circle (class
// "point") per period with a number, its value in the circle's title.
func lineChart(series []chartPoint, lang string) template.HTML {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range series {
		if p.Value != nil {
			lo, hi = math.Min(lo, *p.Value), math.Max(hi, *p.Value)
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	lo = math.Min(lo, 0)
	if hi == lo {
		hi = lo + 1
	}
	plotW, plotH := float64(chartW-padL-padR), float64(chartH-padT-padB)
	x := func(i int) float64 {
		if len(series) == 1 {
			return padL + plotW/2
		}
		// An inset at each end, so that the periods' labels fit.
		return padL + inset + (plotW-2*inset)*float64(i)/float64(len(series)-1)
	}
	y := func(v float64) float64 { return padT + plotH*(1-(v-lo)/(hi-lo)) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart line" viewBox="0 0 %d %d" role="img" xmlns="http://www.w3.org/2000/svg">`, chartW, chartH)
	// Axes and the scale's ends.
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, padT, padL, chartH-padB)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, chartH-padB, chartW-padR, chartH-padB)
	for _, v := range []float64{lo, hi} {
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, padL-6, y(v)+4, html.EscapeString(msg.Number(lang, v, 2)))
	}
	// The line, broken where a period has no number.
	var run []string
	flush := func() {
		if len(run) > 1 {
			fmt.Fprintf(&b, `<polyline class="series" points="%s"/>`, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, p := range series {
		if p.Value == nil {
			flush()
			continue
		}
		run = append(run, fmt.Sprintf("%.1f,%.1f", x(i), y(*p.Value)))
	}
	flush()
	for i, p := range series {
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x(i), chartH-padB+18, html.EscapeString(p.Label))
		if p.Value == nil {
			continue
		}
		fmt.Fprintf(&b, `<circle class="point" cx="%.1f" cy="%.1f" r="4"><title>%s: %s</title></circle>`,
			x(i), y(*p.Value), html.EscapeString(p.Label), html.EscapeString(msg.Number(lang, *p.Value, 2)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// bar is one unit of a ranking.
type bar struct {
	Label string
	Value float64
}

// barChart draws bars, longest for the highest, on a scale to max (the
// rubric's maximum), one rect (class "bar") each.
func barChart(bars []bar, max float64, lang string) template.HTML {
	const rowH, labelW, valueW = 22, 220, 70
	h := padT + rowH*len(bars) + 8
	plotW := float64(chartW - labelW - valueW)
	if max <= 0 {
		max = 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart bars" viewBox="0 0 %d %d" role="img" xmlns="http://www.w3.org/2000/svg">`, chartW, h)
	for i, br := range bars {
		top := padT + i*rowH
		w := plotW * math.Max(0, math.Min(br.Value, max)) / max
		label := br.Label
		if r := []rune(label); len(r) > 32 {
			label = string(r[:31]) + "…"
		}
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">%s</text>`, labelW-6, top+15, html.EscapeString(label))
		fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="%.1f" height="%d"><title>%s: %s</title></rect>`,
			labelW, top+3, w, rowH-6, html.EscapeString(br.Label), html.EscapeString(msg.Number(lang, br.Value, 2)))
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d">%s</text>`, float64(labelW)+w+6, top+15, html.EscapeString(msg.Number(lang, br.Value, 2)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
