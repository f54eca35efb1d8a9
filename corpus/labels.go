package corpus

// The words of an export in each language: what a value kind, a finding
// code and a severity are called where people read them (the XLSX, the
// CSV with Vietnamese headings). JSON and the English CSV keep the
// contract's codes, which scripts match on.

// viKinds name the contract's value kinds in Vietnamese.
var viKinds = map[string]string{
	"percent":  "tỷ lệ (%)",
	"number":   "số",
	"fraction": "phân số",
	"bool":     "có/không",
	"status":   "tình trạng",
	"text":     "văn bản",
	"empty":    "để trống",
}

// viCodes name the contract's finding codes in Vietnamese, short enough
// for a cell.
var viCodes = map[string]string{
	"rate_mismatch":       "tỷ lệ không khớp a/b",
	"rate_over_100":       "tỷ lệ vượt 100%",
	"zero_denominator":    "mẫu số bằng 0",
	"missing_component":   "thiếu số liệu a hoặc b",
	"breakdown_mismatch":  "các phần cộng không khớp",
	"prose_rate_mismatch": "tỷ lệ trong văn bản không khớp",
	"ambiguous_number":    "số không rõ dấu thập phân",
	"unparsed_value":      "không đọc được số liệu",
	"duplicate_stt":       "trùng STT",
	"self_score_mismatch": "điểm tự chấm khác điểm tính",
	"score_over_max":      "điểm tự chấm vượt tối đa",
	"rubric_unmapped":     "không khớp chỉ số bộ tiêu chí",
	"rubric_missing":      "thiếu chỉ số của bộ tiêu chí",
	"total_mismatch":      "dòng tổng không khớp",
	"unit_mismatch":       "số liệu trái đơn vị tính",
	"appraisal_gap":       "tự chấm khác thẩm định",
	"ocr_uncertain":       "số đọc từ ảnh cần kiểm tra",
	"no_indicator_table":  "không có bảng chỉ số",
	"cumulative_decrease": "số lũy kế giảm giữa các kỳ",
	"period_inconsistent": "số cả năm khác số lũy kế quý IV",
	"source_disagrees":    "báo cáo đơn vị khác bảng tổng hợp",
	"duplicate_report":    "hai báo cáo khác nhau cùng kỳ",
}

// viSeverities name the severities in Vietnamese.
var viSeverities = map[string]string{
	"error":   "lỗi",
	"warning": "cảnh báo",
	"info":    "thông tin",
}

// word returns m's word for key, or key itself when m has none (a code
// added after this table, or English, whose map is nil).
func word(m map[string]string, key string) string {
	if w, ok := m[key]; ok {
		return w
	}
	return key
}
