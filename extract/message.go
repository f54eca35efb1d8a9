package extract

import (
	"fmt"
	"strconv"
	"strings"

	"chiso/report"
)

// messages are the finding texts by language and code. Each is a format
// whose arguments are given by the caller in the order of the %[n] verbs.
var messages = map[string]map[report.Code]string{
	"vi": {
		report.CodeRateMismatch:      "tỷ lệ báo cáo %[1]s%% nhưng %[3]s = %[4]s = %[2]s%%",
		report.CodeRateOver100:       "tỷ lệ vượt 100%%: %[3]s = %[4]s = %[2]s%% (báo cáo %[1]s%%)",
		shareOver100:                 "tỷ lệ %[1]s%% vượt 100%% (một phần không thể lớn hơn tổng thể)",
		report.CodeZeroDenominator:   "báo cáo tỷ lệ %[1]s%% nhưng mẫu số bằng 0 (%[3]s = %[4]s)",
		report.CodeMissingComponent:  "tỷ lệ %[1]s%% tính theo %[3]s nhưng thiếu số liệu %[4]s",
		report.CodeBreakdownMismatch: "số liệu %[1]s nhưng các phần trong tài liệu kiểm chứng cộng lại %[4]s = %[2]s",
		report.CodeProseRateMismatch: "trong văn bản: %[4]s = %[2]s%% nhưng ghi %[1]s%%",
		report.CodeAmbiguousNumber:   "không xác định được %[4]q là số thập phân hay hàng nghìn; số này không được dùng để đối chiếu",
		report.CodeUnparsedValue:     "ô số liệu %[4]q có chữ số nhưng không đọc được thành giá trị",
		report.CodeDuplicateSTT:      "STT %[4]s xuất hiện hai lần ở cùng một cấp của bảng",
		report.CodeScoreOverMax:      "điểm tự chấm %[1]s vượt điểm tối đa %[2]s",
		report.CodeTotalMismatch:     "dòng tổng ghi %[1]s ở cột %[4]q nhưng các dòng cộng lại %[2]s",
		report.CodeUnitMismatch:      "giá trị %[1]s trái với đơn vị tính %[4]s",
		report.CodeAppraisalGap:      "điểm tự đánh giá %[1]s khác điểm thẩm định %[2]s",
	},
	"en": {
		report.CodeRateMismatch:      "reported %[1]s%% but %[3]s = %[4]s = %[2]s%%",
		report.CodeRateOver100:       "rate above 100%%: %[3]s = %[4]s = %[2]s%% (reported %[1]s%%)",
		shareOver100:                 "a share of %[1]s%% is above 100%% (a part cannot exceed the whole)",
		report.CodeZeroDenominator:   "reported a rate of %[1]s%% but the denominator is 0 (%[3]s = %[4]s)",
		report.CodeMissingComponent:  "rate %[1]s%% is %[3]s but %[4]s is missing",
		report.CodeBreakdownMismatch: "value %[1]s but the parts in the evidence add up to %[4]s = %[2]s",
		report.CodeProseRateMismatch: "in the text: %[4]s = %[2]s%% but it says %[1]s%%",
		report.CodeAmbiguousNumber:   "cannot tell whether %[4]q uses a decimal or a thousands separator; it is left out of the checks",
		report.CodeUnparsedValue:     "value cell %[4]q holds digits but could not be read as a value",
		report.CodeDuplicateSTT:      "STT %[4]s appears twice at the same level of the table",
		report.CodeScoreOverMax:      "self-assessed score %[1]s is above the maximum %[2]s",
		report.CodeTotalMismatch:     "the total row says %[1]s in column %[4]q but the rows add up to %[2]s",
		report.CodeUnitMismatch:      "value %[1]s contradicts its unit of measure %[4]s",
		report.CodeAppraisalGap:      "self-assessed score %[1]s differs from the appraised score %[2]s",
	},
}

// shareOver100 is the message of rate_over_100 for a share reported above
// 100 % with no components to compute it from.
const shareOver100 = report.CodeRateOver100 + "/share"

// message renders a finding's text: reported and computed as numbers,
// formula and detail as words.
func message(lang string, code report.Code, reported, computed *float64, formula, detail string) string {
	m, ok := messages[lang]
	if !ok {
		m = messages["vi"]
	}
	if code == report.CodeRateOver100 && formula == "" {
		code = shareOver100
	}
	return fmt.Sprintf(m[code], num(reported), num(computed), formula, detail)
}

// num writes a number with at most three decimals and no trailing zeros.
func num(p *float64) string {
	if p == nil {
		return "?"
	}
	s := strconv.FormatFloat(*p, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
