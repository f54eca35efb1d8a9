package msg

import "chiso/report"

// The words a person reads for the contract's typed kinds, statuses and
// severities. JSON keeps the codes, which scripts match on; the text
// output says them in the reader's language.

var kindWords = map[report.Kind]string{
	report.KindPercent:  "tỷ lệ (%)",
	report.KindNumber:   "số",
	report.KindFraction: "phân số",
	report.KindBool:     "có/không",
	report.KindStatus:   "tình trạng",
	report.KindText:     "văn bản",
	report.KindEmpty:    "để trống",
}

var statusWords = map[report.Status]string{
	report.StatusDone:       "đã hoàn thành",
	report.StatusInProgress: "đang thực hiện",
	report.StatusNotStarted: "chưa thực hiện",
}

// codeWords name the finding codes in a few words, short enough for a
// spreadsheet cell (Text is the whole message).
var codeWords = map[report.Code]string{
	report.CodeRateMismatch:       "tỷ lệ không khớp a/b",
	report.CodeRateOver100:        "tỷ lệ vượt 100%",
	report.CodeZeroDenominator:    "mẫu số bằng 0",
	report.CodeMissingComponent:   "thiếu số liệu a hoặc b",
	report.CodeBreakdownMismatch:  "các phần cộng không khớp",
	report.CodeProseRateMismatch:  "tỷ lệ trong văn bản không khớp",
	report.CodeAmbiguousNumber:    "số không rõ dấu thập phân",
	report.CodeUnparsedValue:      "không đọc được số liệu",
	report.CodeDuplicateSTT:       "trùng STT",
	report.CodeSelfScoreMismatch:  "điểm tự chấm khác điểm tính",
	report.CodeScoreOverMax:       "điểm tự chấm vượt tối đa",
	report.CodeRubricUnmapped:     "không khớp chỉ số bộ tiêu chí",
	report.CodeRubricMissing:      "thiếu chỉ số của bộ tiêu chí",
	report.CodeTotalMismatch:      "dòng tổng không khớp",
	report.CodeUnitMismatch:       "số liệu trái đơn vị tính",
	report.CodeAppraisalGap:       "tự chấm khác thẩm định",
	report.CodeOCRUncertain:       "số đọc từ ảnh cần kiểm tra",
	report.CodeNoIndicatorTable:   "không có bảng chỉ số",
	report.CodeCumulativeDecrease: "số lũy kế giảm giữa các kỳ",
	report.CodePeriodInconsistent: "số cả năm khác số lũy kế quý IV",
	report.CodeSourceDisagrees:    "báo cáo đơn vị khác bảng tổng hợp",
	report.CodeDuplicateReport:    "hai báo cáo khác nhau cùng kỳ",
}

var severityWords = map[report.Severity]string{
	report.SeverityError:   "lỗi",
	report.SeverityWarning: "cảnh báo",
	report.SeverityInfo:    "thông tin",
}

// Kind is what k is called in lang: "để trống" for empty in Vietnamese,
// the contract's code in English.
func Kind(lang string, k report.Kind) string { return word(lang, kindWords, k) }

// Status is what s is called in lang: "đang thực hiện" for in_progress.
func Status(lang string, s report.Status) string { return word(lang, statusWords, s) }

// Code is what c is called in lang, in a few words: "trùng STT" for
// duplicate_stt in Vietnamese, the code itself in English.
func Code(lang string, c report.Code) string { return word(lang, codeWords, c) }

// Severity is what s is called in lang: "lỗi" for error.
func Severity(lang string, s report.Severity) string { return word(lang, severityWords, s) }

// Bool is a yes or no in lang: "có", "không".
func Bool(lang string, b bool) string {
	switch {
	case lang == "en" && b:
		return "yes"
	case lang == "en":
		return "no"
	case b:
		return "có"
	}
	return "không"
}

// word is m's word for key in Vietnamese, key itself in English or when m
// has none (a code added after the table).
func word[K ~string](lang string, m map[K]string, key K) string {
	if w, ok := m[key]; ok && lang != "en" {
		return w
	}
	return string(key)
}
