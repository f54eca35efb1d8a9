package layout

import "chiso/parse/doc"

// blocks is a stub until the layout builder lands.
func blocks(pages []Page) []doc.Block { return nil }
