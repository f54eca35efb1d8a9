package pdf

// Pages drawn turned. A landscape table on portrait paper is often drawn
// with a rotated matrix and no /Rotate: the page is meant to be turned by
// the reader, and read as it is, every line of the table is a column of
// one-letter runs. The walker counts the characters it keeps by the
// direction their baseline runs in page space; when most of a page's text
// runs up, down or upside down, the page is walked again as if its /Rotate
// turned it upright, so layout sees the table as it is read.

// Directions of a baseline in page space (Y down), as dirs indexes them.
const (
	rightward = iota // upright text
	upward           // drawn turned a quarter left: read after turning the page 90° clockwise
	leftward         // upside down
	downward         // drawn turned a quarter right
)

// minTurned is the least count of characters that may turn a page: a
// page with a few turned words (a stamp, a vertical column heading) and
// little else is read as it is.
const minTurned = 40

// direction classes a baseline's unit vector; a slanted one counts as
// upright, as nothing is gained by turning the page for it.
func direction(dx, dy float64) int {
	switch {
	case dy < -0.9:
		return upward
	case dy > 0.9:
		return downward
	case dx < -0.9:
		return leftward
	}
	return rightward
}

// turnFor returns the degrees to add to the page's /Rotate so that most of
// the text the last walk kept runs left to right, or 0: turned text must
// outnumber upright text two to one.
func (w *walker) turnFor() int {
	best := rightward
	for d := upward; d <= downward; d++ {
		if w.dirs[d] > w.dirs[best] {
			best = d
		}
	}
	if best == rightward || w.dirs[best] < minTurned || w.dirs[best] < 2*w.dirs[rightward] {
		return 0
	}
	return [...]int{upward: 90, leftward: 180, downward: 270}[best]
}
