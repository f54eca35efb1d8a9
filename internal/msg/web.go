package msg

import "golang.org/x/text/language"

// The words of the web pages (package serve), in English (the key) and
// Vietnamese. They join the catalogue when the program starts: String
// reads them like every other text.
var web = map[string]string{
	"As written":             "Như ghi trong báo cáo",
	"Back to the first page": "Về trang đầu",
	"Basis":                  "Cách tính",
	"Check":                  "Kiểm tra",
	"Check reports":          "Kiểm tra báo cáo",
	"Choose or drop reports (PDF, DOCX, DOC, XLSX, ODT, RTF, HTML, TXT): each is read, audited and scored, and shown with its findings on its tables.": "Chọn hoặc kéo thả báo cáo (PDF, DOCX, DOC, XLSX, ODT, RTF, HTML, TXT): mỗi báo cáo được đọc, đối chiếu số liệu, chấm điểm và hiển thị cùng các phát hiện ngay trên bảng của nó.",
	"Dataset":                        "Bộ dữ liệu",
	"Export CSV (Excel, Vietnamese)": "Xuất CSV (Excel tiếng Việt)",
	"Export XLSX":                    "Xuất XLSX",
	"File":                           "Tệp",
	"Findings":                       "Phát hiện",
	"Format":                         "Định dạng",
	"Indicator":                      "Chỉ số",
	"Indicators":                     "Các chỉ số",
	"Kind":                           "Loại giá trị",
	"Label":                          "Nội dung",
	"Max":                            "Tối đa",
	"No finding.":                    "Không có phát hiện nào.",
	"Page":                           "Trang",
	"Period":                         "Kỳ báo cáo",
	"Points":                         "Điểm",
	"Print / Save PDF":               "In / Lưu PDF",
	"Problem":                        "Có lỗi",
	"Rank":                           "Hạng",
	"Ranking":                        "Xếp hạng",
	"Report":                         "Báo cáo",
	"Reports checked":                "Các báo cáo đã kiểm tra",
	"Rows read (findings) per unit and period.": "Số dòng đọc được (số phát hiện) theo đơn vị và kỳ báo cáo.",
	"Rubric":     "Bộ chỉ số",
	"Score card": "Bảng điểm",
	"Self":       "Tự chấm",
	"Source":     "Nguồn",
	"The dataset holds no report yet: chiso ingest adds them.": "Bộ dữ liệu chưa có báo cáo nào: dùng chiso ingest để thêm.",
	"The report as written": "Báo cáo như đã viết",
	"Title":                 "Tiêu đề",
	"Total":                 "Tổng điểm",
	"Unit":                  "Đơn vị",
	"Value":                 "Giá trị",
	"needs other reports":   "cần báo cáo khác",
	"next":                  "sau",
	"no unit":               "chưa rõ đơn vị",
	"pages":                 "trang",
	"previous":              "trước",
	"self-assessed":         "tự chấm",
	"row":                   "dòng",
	"table":                 "bảng",
	"a year is written with four digits, e.g. 2023":                  "năm được viết bằng bốn chữ số, ví dụ 2023",
	"choose at least one report to check":                            "hãy chọn ít nhất một báo cáo để kiểm tra",
	"no dataset: start chiso serve with --db":                        "chưa có bộ dữ liệu: chạy chiso serve với --db",
	"the dataset has no report of this unit":                         "bộ dữ liệu không có báo cáo nào của đơn vị này",
	"the exports are csv and xlsx":                                   "chỉ xuất được csv và xlsx",
	"the form has expired: reload the page and send the files again": "biểu mẫu đã hết hạn: hãy tải lại trang và gửi lại các tệp",
	"the upload could not be read":                                   "không đọc được các tệp tải lên",
	"the upload is larger than the limit":                            "các tệp tải lên vượt quá giới hạn dung lượng",
	"this report is no longer kept: check it again":                  "báo cáo này không còn được lưu: hãy kiểm tra lại",
	"too many files in one upload":                                   "quá nhiều tệp trong một lần tải lên",
	"a token is needed: open the address chiso serve printed":        "cần mã truy cập: hãy mở địa chỉ mà chiso serve đã in ra",
	"chiso serve: open %s (Ctrl+C stops)\n":                          "chiso serve: mở %s (Ctrl+C để dừng)\n",
	"serve takes no file: reports are sent from the page":            "serve không nhận tệp: báo cáo được gửi từ trang web",
	// chiso serve's summary and flags.
	"a local web page: check reports on their tables, see the dataset as charts":       "một trang web trên máy này: kiểm tra báo cáo ngay trên bảng của nó, xem bộ dữ liệu dưới dạng biểu đồ",
	"address to listen on; beyond the loopback address a token is required":            "địa chỉ lắng nghe; ngoài địa chỉ nội bộ (loopback) cần có mã truy cập",
	"dataset the dataset pages read (default: chiso.db when it exists)":                "bộ dữ liệu cho các trang dữ liệu (mặc định: chiso.db nếu có)",
	"largest uploaded file in bytes (default: as ingest)":                              "dung lượng lớn nhất của một tệp tải lên, tính bằng byte (mặc định: như ingest)",
	"rubric id or YAML file the reports are scored on":                                 "mã bộ chỉ số hoặc tệp YAML dùng để chấm điểm báo cáo",
	"give up on a file after this long (default: as ingest)":                           "bỏ qua một tệp khi đọc quá thời gian này (mặc định: như ingest)",
	"token every request must carry (made up and printed when --addr is not loopback)": "mã mà mọi yêu cầu phải mang theo (tự tạo và in ra khi --addr không phải địa chỉ nội bộ)",
}

func init() {
	for en, v := range web {
		if _, ok := vi[en]; !ok {
			vi[en] = v
			cat.SetString(language.Vietnamese, en, v)
			cat.SetString(language.English, en, en)
		}
	}
}
