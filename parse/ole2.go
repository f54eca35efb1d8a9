package parse

import (
	"bytes"
	"fmt"
	"io"

	"chiso/doc"
	"chiso/parse/internal/cfb"
)

// sniffOLE2 tells apart the formats kept in a compound (OLE2) file by the
// streams at its root: WordDocument for Word 97–2003 (.doc), Workbook or
// Book for Excel 97–2003 and 5.0 (.xls), "PowerPoint Document" for .ppt.
// Only the directory is read. A Word document may embed a workbook and
// the other way round, but embedded objects live in storages below the
// root, so they do not confuse this.
func sniffOLE2(data []byte) (string, error) {
	cf, err := cfb.Open(bytes.NewReader(data), int64(len(data)))
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

// oldExcel reports a bare BIFF stream, as Excel 2.x to 4.0 saved
// worksheets before workbooks lived in compound files: it starts with a
// BOF record (type 0x0009, 0x0209, 0x0409 or 0x0809) of 4 to 16 bytes
// whose substream type is a worksheet (0x0010) or a workbook (0x0100).
func oldExcel(head []byte) bool {
	if len(head) < 8 || head[0] != 0x09 || head[1]&^0x0E != 0 || head[1]&0x01 != 0 {
		return false
	}
	n := int(head[2]) | int(head[3])<<8
	dt := int(head[6]) | int(head[7])<<8
	return n >= 4 && n <= 16 && (dt == 0x0010 || dt == 0x0100)
}
