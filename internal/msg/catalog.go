package msg

import (
	"errors"
	"io/fs"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"chiso/parse/fault"
	"chiso/parse/ocr"
)

// The command line's texts, in English (the key) and Vietnamese. A text
// with verbs is a format for Printer's Fprintf, which writes its %d the
// way the language writes numbers; one without is looked up with String.
// A text the catalogue lacks prints in English, so a command added
// without its translation still says something.
var vi = map[string]string{
	// The command list and usage.
	"usage: chiso COMMAND [flags] [FILE...]":                                         "cách dùng: chiso LỆNH [tuỳ chọn] [TỆP...]",
	"commands:":                                                                      "các lệnh:",
	"Run 'chiso COMMAND -h' for a command's flags.":                                  "Chạy 'chiso LỆNH -h' để xem các tuỳ chọn của một lệnh.",
	"flags of every command:":                                                        "tuỳ chọn của mọi lệnh:",
	"usage: chiso %s %s\n":                                                           "cách dùng: chiso %s %s\n",
	"chiso: unknown command %q\n\n":                                                  "chiso: không có lệnh %q\n\n",
	"chiso %s: --%s %s: %s\n":                                                        "chiso %s: --%s %s: %s\n",
	"chiso %s: --%s needs a value\n":                                                 "chiso %s: --%s cần một giá trị\n",
	"the languages are vi (Vietnamese) and en (English)":                             "các ngôn ngữ là vi (tiếng Việt) và en (tiếng Anh)",
	"at least one file must be read at a time":                                       "phải đọc ít nhất một tệp mỗi lần",
	"the profiles are vi (for Excel set to Vietnamese) and intl":                     "các kiểu là vi (cho Excel tiếng Việt) và intl",
	"the formats are csv, xlsx and json":                                             "các định dạng là csv, xlsx và json",
	"the shells are bash and powershell":                                             "các shell là bash và powershell",
	"%s: no such flag":                                                               "%s: không có tuỳ chọn này",
	"%s: needs a value":                                                              "%s: cần một giá trị",
	"-%s %s: not a value this flag takes":                                            "-%s %s: không phải giá trị tuỳ chọn này nhận",
	"a year is written with four digits, e.g. 2023":                                  "năm được viết bằng bốn chữ số, ví dụ 2023",
	"the time limit must be above zero, e.g. 2m":                                     "giới hạn thời gian phải lớn hơn 0, ví dụ 2m",
	"a rubric is needed: --rubric ID (chiso rubrics lists them) or a YAML file":      "cần một bộ tiêu chí: --rubric MÃ (chiso rubrics liệt kê) hoặc một tệp YAML",
	"a unit is needed, e.g. --unit q5":                                               "cần một đơn vị, ví dụ --unit q5",
	"at least one file or folder is needed":                                          "cần ít nhất một tệp hoặc thư mục",
	"export reads the dataset and takes no file: --out FILE names the file to write": "export đọc bộ dữ liệu và không nhận tệp: --out TỆP là tệp để ghi",
	"history reads the dataset and takes no file":                                    "history đọc bộ dữ liệu và không nhận tệp",
	"the dataset is read, and no file is taken: --db names it":                       "lệnh đọc bộ dữ liệu và không nhận tệp: --db chỉ ra bộ dữ liệu",
	"default": "mặc định",
	"a period is a year or a quarter: 2023 or 2023-Q3":                      "kỳ là một năm hoặc một quý: 2023 hoặc 2023-Q3",
	"only findings about this period: a year (2023) or a quarter (2023-Q3)": "chỉ các phát hiện về kỳ này: một năm (2023) hoặc một quý (2023-Q3)",
	"print one JSON object: the dataset's findings":                         "in một đối tượng JSON: các phát hiện của bộ dữ liệu",
	"Findings across reports (%d):\n":                                       "Phát hiện giữa các báo cáo (%d):\n",
	"findings across reports: %d (chiso audit --db lists them)\n":           "phát hiện giữa các báo cáo: %d (chiso audit --db liệt kê)\n",
	", table %d row %d": ", bảng %d dòng %d",
	"chiso: %d reports were stored by an older chiso and are left out: run chiso ingest over their files again to upgrade them\n": "chiso: %d báo cáo do phiên bản chiso cũ lưu nên không được đối chiếu: chạy lại chiso ingest trên các tệp đó để nâng cấp\n",

	// Summaries of the commands.
	"print the document model (paragraphs and tables as read)":                     "in mô hình tài liệu (đoạn văn và bảng như đã đọc)",
	"print each report's indicators and findings":                                  "in các chỉ số và phát hiện của từng báo cáo",
	"print only the findings (discrepancies), grouped per file":                    "chỉ in các phát hiện (sai lệch), theo từng tệp",
	"map rows to a rubric, compute each indicator's points and the total":          "khớp các dòng với bộ tiêu chí, tính điểm từng chỉ số và tổng điểm",
	"list the rubrics that ship (ID, title, max points, indicators)":               "liệt kê các bộ tiêu chí có sẵn (mã, tên, điểm tối đa, số chỉ số)",
	"read every report under folders into a dataset (idempotent by content)":       "đọc mọi báo cáo trong các thư mục vào bộ dữ liệu (không trùng theo nội dung)",
	"write the dataset as one long table: csv, xlsx or json":                       "xuất bộ dữ liệu thành một bảng dài: csv, xlsx hoặc json",
	"an indicator's values for a unit across periods":                              "số liệu một chỉ số của một đơn vị qua các kỳ",
	"rank the units of a period in a dataset, highest first":                       "xếp hạng các đơn vị của một kỳ trong bộ dữ liệu, cao nhất trước",
	"print a script that completes chiso's commands and flags: bash or powershell": "in đoạn mã gợi ý lệnh và tuỳ chọn của chiso: bash hoặc powershell",
	"print chiso's version and what it was built with":                             "in phiên bản của chiso và những gì nó được dựng cùng",

	// Flags.
	"print JSON Lines, one object per file":                                            "in JSON Lines, mỗi tệp một đối tượng",
	"print JSON Lines, one object per rubric":                                          "in JSON Lines, mỗi bộ tiêu chí một đối tượng",
	"print JSON Lines, one object per unit":                                            "in JSON Lines, mỗi đơn vị một đối tượng",
	"print JSON Lines":                                                                 "in JSON Lines",
	"give up on a file after this long":                                                "bỏ qua một tệp sau thời gian này",
	"rubric the rows are mapped onto (chiso rubrics lists them), a YAML file, or none": "bộ tiêu chí để khớp các dòng (chiso rubrics liệt kê), một tệp YAML, hoặc none",
	"rubric id (see chiso rubrics) or YAML file":                                       "mã bộ tiêu chí (xem chiso rubrics) hoặc tệp YAML",
	"rubric id or YAML file":                                                           "mã bộ tiêu chí hoặc tệp YAML",
	"language of the messages: vi or en":                                               "ngôn ngữ của thông báo: vi hoặc en",
	"file to write instead of the standard output":                                     "tệp để ghi thay cho đầu ra chuẩn",
	"dataset: an SQLite file or a postgres:// URL":                                     "bộ dữ liệu: tệp SQLite hoặc địa chỉ postgres://",
	"files read at once":                                                               "số tệp đọc cùng lúc",
	"largest file read, in bytes":                                                      "tệp lớn nhất được đọc, tính bằng byte",
	"print the time spent writing the dataset (also env CHISO_STATS=1)":                "in thời gian ghi bộ dữ liệu (hoặc biến môi trường CHISO_STATS=1)",
	"csv (UTF-8 with BOM), xlsx, or json (JSON Lines)":                                 "csv (UTF-8 có BOM), xlsx, hoặc json (JSON Lines)",
	`csv separators: vi (";" and decimal ",", for Excel set to Vietnamese) or intl ("," and decimal ".")`: `dấu phân cách csv: vi (";" và thập phân ",", cho Excel tiếng Việt) hoặc intl ("," và thập phân ".")`,
	`unit as people type it: "q5", "Quận 5", "binh tan"`:                                                  `đơn vị, gõ tự nhiên: "q5", "Quận 5", "binh tan"`,
	"rubric indicator id, e.g. 6.3 (default: all)":                                                        "mã chỉ số trong bộ tiêu chí, ví dụ 6.3 (mặc định: tất cả)",
	"year whose units are scored, e.g. 2023":                                                              "năm có các đơn vị được chấm điểm, ví dụ 2023",
	// A PostgreSQL dataset that stops answering (corpus.ErrUnreachable).
	"the connection to the dataset's PostgreSQL server was lost":                                                                                   "mất kết nối tới máy chủ PostgreSQL của bộ dữ liệu",
	"the connection to the dataset's PostgreSQL server was lost: the reports stored before it are whole; run ingest again once the server answers": "mất kết nối tới máy chủ PostgreSQL của bộ dữ liệu: các báo cáo đã lưu trước đó vẫn trọn vẹn; chạy lại ingest khi máy chủ hoạt động trở lại",
	// ingest --follow-links.
	"follow links that point outside the folders given (default: only those inside them)": "theo cả liên kết trỏ ra ngoài các thư mục đã cho (mặc định: chỉ liên kết trỏ vào trong)",

	// Summaries and lines of output.
	"files %d, new %d, unchanged %d, replaced %d, failed %d, time %s\n": "tệp %d, mới %d, không đổi %d, thay thế %d, lỗi %d, thời gian %s\n",
	"findings: %s\n":   "phát hiện: %s\n",
	"failed: %s: %s\n": "lỗi: %s: %s\n",
	"%s: failed: %s\n": "%s: lỗi: %s\n",
	"new":              "mới",
	"unchanged":        "không đổi",
	"replaced":         "thay thế",
	"failed":           "lỗi",
	"points":           "điểm",
	"chiso: interrupted: the reports above are stored; run again to finish\n":        "chiso: đã dừng: các báo cáo ở trên đã được lưu; chạy lại để làm tiếp\n",
	"chiso: not writing a workbook to a terminal: use --out FILE or a redirection\n": "chiso: không ghi sổ tính ra màn hình: dùng --out TỆP hoặc chuyển hướng\n",
	"chiso: no values for unit %q\n":                                                 "chiso: không có số liệu cho đơn vị %q\n",
	"chiso: no report of %d scored with %s in the dataset\n":                         "chiso: bộ dữ liệu không có báo cáo năm %d nào được chấm theo %s\n",
	"\n\"=\": equal totals share a rank; Decision 79/QĐ-UBND gives no tie-break.\n":  "\n\"=\": tổng điểm bằng nhau thì cùng hạng; Quyết định 79/QĐ-UBND không quy định cách phân hạng khi bằng điểm.\n",

	// The text output of extract, audit, score and rubrics.
	"STT":                "STT",
	"Indicator":          "Chỉ số",
	"Value (as written)": "Số liệu (ghi)",
	"Read as":            "Đọc được",
	"Findings (%d):\n":   "Phát hiện (%d):\n",
	"  (%d info findings (rows matching no rubric indicator) not shown: --json has them all)\n": "  (%d phát hiện mức thông tin (dòng không khớp bộ chỉ số) không in ra: --json có đủ)\n",
	"== %s (%s, %d blocks":   "== %s (%s, %d khối",
	", %d pages":             ", %d trang",
	"%s  table, %d rows\n":   "%s  bảng, %d dòng\n",
	"built with %s for %s\n": "dựng bằng %s cho %s\n",
	"needs OCR (install Tesseract, then ingest again): %d files\n":                     "cần nhận dạng chữ (cài Tesseract rồi chạy ingest lại): %d tệp\n",
	"scans read with Tesseract %s\n":                                                   "bản quét đọc bằng Tesseract %s\n",
	"scans cannot be read: Tesseract is not installed\n":                               "chưa đọc được bản quét: chưa cài Tesseract\n",
	"the Tesseract program that reads scans (default: CHISO_TESSERACT, then the PATH)": "chương trình Tesseract đọc bản quét (mặc định: CHISO_TESSERACT, rồi PATH)",
	"version takes no file":                                                            "version không nhận tệp",
	"total":                                                                            "tổng điểm",
	"self-assessed":                                                                    "tự chấm",
	"self":                                                                             "tự chấm",
	"needs other reports":                                                              "cần báo cáo khác",
	"findings":                                                                         "phát hiện",
	"%-26s %4s points %3d indicators  %s\n":                                            "%-26s %4s điểm %3d chỉ số  %s\n",
	"== %s — %s (%s)\n   %s points, %d groups, %d indicators\n":                         "== %s — %s (%s)\n   %s điểm, %d nhóm, %d chỉ số\n",
	"storage: %s in write transactions (summed over workers), %s%% of the run's time\n": "ghi dữ liệu: %s trong các giao dịch ghi (cộng qua các luồng), %s%% thời gian chạy\n",

	// The kinds of reading failure (package parse's sentinels).
	"file too large":       "tệp quá lớn so với giới hạn",
	"format not supported": "định dạng không được hỗ trợ",
	"stopped chiso on an earlier run while it was being read: it is not read again until the file changes":                                                                           "đã làm dừng chương trình ở lần chạy trước khi đang được đọc: không đọc lại cho đến khi tệp thay đổi",
	"no text layer: the file is scanned images and needs OCR":                                                                                                                        "không có lớp chữ: tệp là ảnh quét, cần nhận dạng ký tự (OCR)",
	"scanned images, and Tesseract (the OCR program) is not installed: install tesseract-ocr and tesseract-ocr-vie (Windows: the UB Mannheim installer) or name it with --tesseract": "tệp là ảnh quét, mà chưa cài Tesseract (chương trình nhận dạng chữ): cài tesseract-ocr và tesseract-ocr-vie (Windows: bộ cài của UB Mannheim) hoặc chỉ đường dẫn bằng --tesseract",
	"time limit reached": "quá thời gian cho phép",
	"damaged file":       "tệp bị hỏng",
	"encrypted: open it, save it without a password, and try again":                                         "tệp có mật khẩu: mở, lưu lại không mật khẩu rồi thử lại",
	"over a budget of the reader":                                                                           "vượt giới hạn của bộ đọc",
	"the dataset was made by an older chiso: run chiso ingest on it once, with write access, to upgrade it": "bộ dữ liệu do phiên bản chiso cũ hơn tạo: chạy chiso ingest trên nó một lần, có quyền ghi, để nâng cấp",
	"the dataset was made by a newer chiso: use that version or a later one":                                "bộ dữ liệu do phiên bản chiso mới hơn tạo: hãy dùng phiên bản đó hoặc mới hơn",
	"not a chiso dataset": "không phải bộ dữ liệu của chiso",
	"chiso %s: --rubric %s: not a rubric chiso ships (%s) nor a file\n": "chiso %s: --rubric %s: không phải bộ tiêu chí có sẵn (%s) và cũng không phải một tệp\n",
	"no such file":      "không có tệp này",
	"permission denied": "không có quyền đọc",
}

// cat is the catalogue Printer translates with.
var cat = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, v := range vi {
		b.SetString(language.Vietnamese, en, v)
		b.SetString(language.English, en, en)
	}
	return b
}()

// String is the text en in lang, en itself when the catalogue lacks it.
// It does not format: en may hold a '%'.
func String(lang, en string) string {
	if lang != "en" {
		if v, ok := vi[en]; ok {
			return v
		}
	}
	return en
}

// kinds are the failures of reading a file, in the catalogue's words.
var kinds = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "no such file"},
	{fs.ErrPermission, "permission denied"},
	{fault.ErrTooLarge, "file too large"},
	{fault.ErrUnsupported, "format not supported"},
	{ocr.ErrNoEngine, "scanned images, and Tesseract (the OCR program) is not installed: install tesseract-ocr and tesseract-ocr-vie (Windows: the UB Mannheim installer) or name it with --tesseract"},
	{fault.ErrNoText, "no text layer: the file is scanned images and needs OCR"},
	{fault.ErrTimeout, "time limit reached"},
	{fault.ErrEncrypted, "encrypted: open it, save it without a password, and try again"},
	{fault.ErrBudget, "over a budget of the reader"},
	{fault.ErrDamaged, "damaged file"},
}

// Failure says in lang what kind of failure err is, "" when it is of
// none the catalogue knows: the sentence a person reads before the
// reader's own detail.
func Failure(lang string, err error) string {
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			return String(lang, k.text)
		}
	}
	// A reader's error of no known kind says which it is (parse.Error's
	// Kind: a damaged file).
	var kinded interface{ Kind() error }
	if errors.As(err, &kinded) && kinded.Kind() != nil && !errors.Is(err, kinded.Kind()) {
		return Failure(lang, kinded.Kind())
	}
	return ""
}
