package doc

import (
	"bytes"
	"encoding/json"
)

// jsonCell and jsonBlock are the shapes of the parse --json output that
// docs/json.md documents; they are kept apart from the model so that the
// model's field names can change without changing the contract.
type jsonCell struct {
	Text    string `json:"text"`
	RowSpan int    `json:"rowspan"`
	ColSpan int    `json:"colspan"`
}

type jsonBlock struct {
	Kind Kind         `json:"kind"`
	Text *string      `json:"text,omitempty"`
	Page int          `json:"page"`
	Rows [][]jsonCell `json:"rows,omitempty"`
}

// MarshalJSON writes a block as the contract's parse output has it:
// {"kind":"paragraph","text":…,"page":…} or {"kind":"table","page":…,"rows":[[{"text","rowspan","colspan"}…]…]}.
func (b Block) MarshalJSON() ([]byte, error) {
	j := jsonBlock{Kind: b.Kind, Page: b.Page}
	if b.Kind == TableKind && b.Table != nil {
		j.Rows = make([][]jsonCell, len(b.Table.Rows))
		for r, row := range b.Table.Rows {
			j.Rows[r] = make([]jsonCell, len(row))
			for c, cell := range row {
				rs, cs := cell.Span()
				j.Rows[r][c] = jsonCell{Text: cell.Text, RowSpan: rs, ColSpan: cs}
			}
			if j.Rows[r] == nil {
				j.Rows[r] = []jsonCell{}
			}
		}
		if j.Rows == nil {
			j.Rows = [][]jsonCell{}
		}
	} else {
		text := b.Text
		j.Text = &text
	}
	// Reports quote URLs and "a<b"; escaping them as \u003c would make the
	// output unreadable where the CLI turns HTML escaping off.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// UnmarshalJSON reads what MarshalJSON writes, so that golden files and
// bug reports can be loaded back.
func (b *Block) UnmarshalJSON(data []byte) error {
	var j jsonBlock
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*b = Block{Kind: j.Kind, Page: j.Page}
	if j.Text != nil {
		b.Text = *j.Text
	}
	if j.Kind == TableKind {
		t := &Table{Rows: make([][]Cell, len(j.Rows))}
		for r, row := range j.Rows {
			t.Rows[r] = make([]Cell, len(row))
			for c, cell := range row {
				t.Rows[r][c] = Cell{Text: cell.Text, RowSpan: cell.RowSpan, ColSpan: cell.ColSpan}
			}
		}
		b.Table = t
	}
	return nil
}
