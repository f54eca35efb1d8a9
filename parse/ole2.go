package parse

import (
	"bytes"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"

	"chiso/doc"
)

// sniffOLE2 tells apart the formats kept in a compound (OLE2) file by the
// streams at its root: WordDocument for Word 97–2003 (.doc), Workbook or
// Book for Excel 97–2003 and 5.0 (.xls), "PowerPoint Document" for .ppt.
// Only the directory is read. A Word document may embed a workbook and
// the other way round, but embedded objects live in storages below the
// root, so they do not confuse this.
func sniffOLE2(data []byte) (string, error) {
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return "ole2", fmt.Errorf("a damaged compound (OLE2) file, the container of Word 97 .doc and Excel .xls: %v", err)
	}
	root := map[string]bool{}
	for e, err := cf.Next(); err != io.EOF; e, err = cf.Next() {
		if err != nil {
			return "ole2", fmt.Errorf("a damaged compound (OLE2) file, the container of Word 97 .doc and Excel .xls: %v", err)
		}
		if len(e.Path) == 0 {
			root[e.Name] = true
		}
	}
	switch {
	case root["WordDocument"]:
		return string(doc.DOC), nil
	case root["Workbook"]:
		return string(doc.XLS), nil
	case root["Book"]:
		return "xls", fmt.Errorf("Excel 5.0/95 workbooks (BIFF5) are not supported: open it in Excel or LibreOffice and save it as .xlsx")
	case root["PowerPoint Document"]:
		return "ppt", fmt.Errorf("PowerPoint files are not supported")
	}
	return "ole2", fmt.Errorf("a compound (OLE2) file that is neither a Word 97 .doc nor an Excel .xls")
}
