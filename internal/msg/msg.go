// Package msg is chiso's one message catalogue: it renders findings as
// text for people, in Vietnamese (the default) or English, and writes the
// numbers in them with one formatter (Num). The stages make findings as
// data — code, numbers, row, and the formula and parts a message names —
// and never choose a language; the edge of the pipeline (package chiso's
// Process, for every caller) renders them here. A change to how numbers
// or words read is made once, in this package.
package msg

import (
	"fmt"
	"strconv"
	"strings"

	"chiso/report"
)

// Fill renders the message of every finding of fs that has none, in lang
// ("vi", the default, or "en").
func Fill(fs []report.Finding, lang string) {
	for i := range fs {
		if fs[i].Message == "" {
			fs[i].Message = Text(fs[i], lang)
		}
	}
}

// Text renders one finding's message in lang: Reported and Computed as
// numbers written the way lang writes them (82,27 and 11.781 in
// Vietnamese), Formula as written, and Detail as written or, when it
// holds computed parts, with its numbers rewritten the same way. A code the catalogue lacks
// renders as "".
func Text(f report.Finding, lang string) string {
	if f.Scoring != nil {
		return scoring(f, lang)
	}
	m, ok := findings[lang]
	if !ok {
		m = findings["vi"]
	}
	code := f.Code
	if code == report.CodeRateOver100 && f.Formula == "" {
		code = shareOver100
	}
	if code == report.CodeAppraisalGap && f.Formula != "" {
		code = appraisalPerUnit
	}
	if code == report.CodeBreakdownMismatch && f.Formula != "" {
		code = proseTotal
	}
	format, ok := m[code]
	if !ok {
		return ""
	}
	if !strings.Contains(format, "%[") {
		// A text that names no number: Sprintf would append the unused
		// arguments as "%!(EXTRA …)".
		return strings.ReplaceAll(format, "%%", "%")
	}
	detail := f.Detail
	if numericDetail[f.Code] {
		detail = Numbers(lang, detail)
	}
	return fmt.Sprintf(format, NumberOf(lang, f.Reported, 3), NumberOf(lang, f.Computed, 3), f.Formula, detail)
}

// numericDetail are the codes whose Detail holds the parts a rate or a
// sum was computed from, written by Num, which Text writes in the
// message's language; the other codes' Detail is text as the report
// wrote it ("1.234"), quoted as it is.
var numericDetail = map[report.Code]bool{
	report.CodeRateMismatch: true, report.CodeRateOver100: true, report.CodeZeroDenominator: true,
	report.CodeBreakdownMismatch: true, report.CodeProseRateMismatch: true,
	report.CodeAppraisalGap: true,
}

// findings are the finding texts by language and code. Each is a format
// whose arguments are, in the order of the %[n] verbs: reported, computed,
// formula, detail.
var findings = map[string]map[report.Code]string{
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
		report.CodeOCRUncertain:      "ô số liệu %[4]q đọc từ ảnh quét, máy nhận dạng không chắc các chữ số: cần kiểm tra bằng mắt",
		report.CodeDuplicateSTT:      "STT %[4]s xuất hiện hai lần ở cùng một cấp của bảng",
		report.CodeScoreOverMax:      "điểm tự chấm %[1]s vượt điểm tối đa %[2]s",
		report.CodeTotalMismatch:     "dòng tổng ghi %[1]s ở cột %[4]q nhưng các dòng cộng lại %[2]s",
		report.CodeUnitMismatch:      "giá trị %[1]s trái với đơn vị tính %[4]s",
		report.CodeAppraisalGap:      "điểm tự đánh giá %[1]s khác điểm thẩm định %[2]s",
		report.CodeNoIndicatorTable:  "không tìm thấy bảng chỉ số nào và không có tỷ lệ nào trong văn bản để đối chiếu: báo cáo này chưa được kiểm tra",
		// The audit across reports: formula names the other report, detail
		// this one ("2023-Q2, q5-q2.txt"); for appraisal_gap per unit,
		// formula is the count of indicators and detail the difference.
		report.CodeCumulativeDecrease: "số liệu lũy kế giảm từ %[2]s (%[3]s) xuống %[1]s (%[4]s)",
		report.CodePeriodInconsistent: "số liệu cả năm %[1]s (%[4]s) khác số liệu lũy kế đến hết quý IV %[2]s (%[3]s)",
		report.CodeSourceDisagrees:    "báo cáo của đơn vị ghi %[1]s (%[4]s) nhưng bảng tổng hợp ghi %[2]s (%[3]s)",
		report.CodeDuplicateReport:    "hai nội dung khác nhau cho cùng đơn vị, kỳ và loại báo cáo: %[4]s và %[3]s; bộ dữ liệu dùng %[4]s (mã SHA-256 nhỏ hơn, như score --db và rank chọn)",
		proseTotal:                    "văn bản ghi %[1]s (%[3]s) nhưng các dòng của bảng cộng lại %[4]s = %[2]s",
		appraisalPerUnit:              "%[3]s chỉ số có điểm tự đánh giá khác điểm thẩm định: tự đánh giá %[1]s, thẩm định %[2]s, chênh lệch %[4]s",
	},
	"en": {
		report.CodeRateMismatch:       "reported %[1]s%% but %[3]s = %[4]s = %[2]s%%",
		report.CodeRateOver100:        "rate above 100%%: %[3]s = %[4]s = %[2]s%% (reported %[1]s%%)",
		shareOver100:                  "a share of %[1]s%% is above 100%% (a part cannot exceed the whole)",
		report.CodeZeroDenominator:    "reported a rate of %[1]s%% but the denominator is 0 (%[3]s = %[4]s)",
		report.CodeMissingComponent:   "rate %[1]s%% is %[3]s but %[4]s is missing",
		report.CodeBreakdownMismatch:  "value %[1]s but the parts in the evidence add up to %[4]s = %[2]s",
		report.CodeProseRateMismatch:  "in the text: %[4]s = %[2]s%% but it says %[1]s%%",
		report.CodeAmbiguousNumber:    "cannot tell whether %[4]q uses a decimal or a thousands separator; it is left out of the checks",
		report.CodeUnparsedValue:      "value cell %[4]q holds digits but could not be read as a value",
		report.CodeOCRUncertain:       "value cell %[4]q was read from a scan and the recogniser was unsure of its digits: check it by eye",
		report.CodeDuplicateSTT:       "STT %[4]s appears twice at the same level of the table",
		report.CodeScoreOverMax:       "self-assessed score %[1]s is above the maximum %[2]s",
		report.CodeTotalMismatch:      "the total row says %[1]s in column %[4]q but the rows add up to %[2]s",
		report.CodeUnitMismatch:       "value %[1]s contradicts its unit of measure %[4]s",
		report.CodeAppraisalGap:       "self-assessed score %[1]s differs from the appraised score %[2]s",
		report.CodeNoIndicatorTable:   "no indicator table was found and the text quotes no rate to check: nothing in this report was audited",
		report.CodeCumulativeDecrease: "cumulative figure falls from %[2]s (%[3]s) to %[1]s (%[4]s)",
		report.CodePeriodInconsistent: "the year's figure %[1]s (%[4]s) differs from the cumulative figure to the end of Q4 %[2]s (%[3]s)",
		report.CodeSourceDisagrees:    "the unit's report says %[1]s (%[4]s) but the summary table says %[2]s (%[3]s)",
		report.CodeDuplicateReport:    "two different contents for the same unit, period and kind of report: %[4]s and %[3]s; the dataset uses %[4]s (the lower SHA-256, as score --db and rank pick it)",
		proseTotal:                    "the text says %[1]s (%[3]s) but the table's rows add up to %[4]s = %[2]s",
		appraisalPerUnit:              "%[3]s indicators where the self-assessed score differs from the appraised one: self-assessed %[1]s, appraised %[2]s, difference %[4]s",
	},
}

// shareOver100 is the message of rate_over_100 for a share reported above
// 100 % with no components to compute it from.
const shareOver100 = report.CodeRateOver100 + "/share"

// proseTotal is the message of breakdown_mismatch between a total the
// text states and the table's rows (its Formula names the part).
const proseTotal = report.CodeBreakdownMismatch + "/prose"

// appraisalPerUnit is the message of appraisal_gap summed per unit by
// the audit across reports (its Formula is the count of indicators).
const appraisalPerUnit = report.CodeAppraisalGap + "/unit"

// Num writes a number with at most three decimals and no trailing zeros,
// "?" for none, in no language: a dot before the decimals and no
// grouping. The stages write the parts of a finding's Detail with it,
// and Text rewrites them for the reader (Numbers).
func Num(p *float64) string {
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
