package msg

import (
	"fmt"
	"strconv"
	"strings"

	"chiso/report"
)

// Basis writes how an indicator's points were reached as one line in lang
// ("vi", the default, or "en"), its numbers the way lang writes them:
// "tỷ lệ 0,7823 × 20", "ratio 0.7823 × 20". A rule the catalogue lacks
// writes as its name.
func Basis(b report.Basis, lang string) string {
	m, ok := bases[lang]
	if !ok {
		m = bases["vi"]
	}
	format, ok := m[b.Rule]
	if !ok {
		return string(b.Rule)
	}
	args := make([]any, len(b.Args))
	for i, a := range b.Args {
		args[i] = basisArg(a, lang)
	}
	if !strings.Contains(format, "%") {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// basisArg writes one argument of a basis (see report.Basis.Args).
func basisArg(a any, lang string) string {
	switch a := a.(type) {
	case float64:
		return Number(lang, a, 4)
	case report.Ratio:
		return Fixed(lang, float64(a), 4)
	case int:
		// A year or a count of units: never grouped (2024, not 2.024).
		return strconv.Itoa(a)
	case string:
		return a
	case bool:
		return words[lang][a]
	case report.Level:
		if w, ok := levels[lang][a]; ok {
			return w
		}
		return string(a)
	case report.Basis:
		return Basis(a, lang)
	case []report.Basis:
		parts := make([]string, len(a))
		for i, p := range a {
			parts[i] = Basis(p, lang)
		}
		return strings.Join(parts, " + ")
	}
	return fmt.Sprint(a)
}

var words = map[string]map[bool]string{
	"vi": {true: "có", false: "không"},
	"en": {true: "yes", false: "no"},
}

// levels are the methods' levels by language; English writes the rubric's
// own names.
var levels = map[string]map[report.Level]string{
	"vi": {
		"head": "người đứng đầu", "deputy": "cấp phó", "other": "khác",
		"weekly": "hàng tuần", "monthly": "hàng tháng", "less": "thưa hơn hàng tháng",
		"done": "đã thực hiện", "in_progress": "đang thực hiện", "not_started": "chưa thực hiện",
	},
}

// bases are the basis lines by language and rule; the %s verbs take the
// rule's arguments in order (see report.Rule).
var bases = map[string]map[report.Rule]string{
	"en": {
		report.RuleNoData:        "no data: default 0",
		report.RuleYes:           "yes: maximum",
		report.RuleNo:            "no: 0",
		report.RulePerItem:       "%s items × %s, capped at %s",
		report.RuleMinMaxPending: "min-max across units: measure %s, needs the other units",
		report.RuleZeroOverZero:  "%s = 0/0: nothing to measure, maximum (decision II.2.c)",
		report.RuleZeroDenom:     "%s = %s/0: zero denominator, 0",
		report.RuleRatio:         "ratio %s × %s",
		report.RuleRatioCapped:   "ratio %s × %s, capped at the maximum",
		report.RuleTargetMet:     "ratio %s%% ≥ %s%%: maximum",
		report.RuleTargetShare:   "ratio %s%% / %s%% × %s",
		report.RuleThresholdMet:  "threshold ≥ %s%% met (%s%%)",
		report.RuleThresholdMiss: "threshold ≥ %s%% not met (%s%%)",
		report.RuleBandFrom:      "band ≥ %s%% (%s%%): %s × %s",
		report.RuleBandAbove:     "band > %s%% (%s%%): %s × %s",
		report.RuleBelowBands:    "below every band (%s%%): 0",
		report.RuleNoSection:     "no section: 0",
		report.RuleArticles:      "%s articles, band ≥ %s: %s × %s",
		report.RuleArticlesBelow: "%s articles, below every band: 0",
		report.RuleParts:         "parts: (%s) × %s",
		report.RulePartRatio:     "%s %s × %s",
		report.RulePartYes:       "%s %s × %s",
		report.RuleGrowthZero:    "a/b = 0/0: nothing to measure, maximum (decision II.2.c)",
		report.RuleGrowthFromNil: "previous year 0, this year > 0: growth ≥ target, maximum",
		report.RuleGrowthPending: "growth: this year %s, needs the previous year's value",
		report.RuleGrowthMet:     "growth %s%% ≥ %s%%: maximum",
		report.RuleGrowthNone:    "growth %s%% not positive: 0",
		report.RuleGrowthShare:   "growth %s%% / %s%% × %s",
		report.RuleLevel:         "%s: %s × %s",
		report.RuleUnread:        "value %q not usable by this method: default 0",
		report.RuleMinMax:        "min-max: %s among %s units (min %s, max %s)",
		report.RuleNoLastYear:    "no value for %s: default 0",
		report.RuleYears:         "%s (%s: %s, %s: %s)",
	},
	"vi": {
		report.RuleNoData:        "không có số liệu: mặc định 0",
		report.RuleYes:           "có: điểm tối đa",
		report.RuleNo:            "không: 0 điểm",
		report.RulePerItem:       "%s hoạt động × %s, tối đa %s",
		report.RuleMinMaxPending: "Min-Max giữa các đơn vị: giá trị %s, cần số liệu các đơn vị khác",
		report.RuleZeroOverZero:  "%s = 0/0: đơn vị không có nội dung, điểm tối đa (mục II.2.c)",
		report.RuleZeroDenom:     "%s = %s/0: mẫu số bằng 0, 0 điểm",
		report.RuleRatio:         "tỷ lệ %s × %s",
		report.RuleRatioCapped:   "tỷ lệ %s × %s, giới hạn ở điểm tối đa",
		report.RuleTargetMet:     "tỷ lệ %s%% ≥ %s%%: điểm tối đa",
		report.RuleTargetShare:   "tỷ lệ %s%% / %s%% × %s",
		report.RuleThresholdMet:  "đạt ngưỡng ≥ %s%% (%s%%)",
		report.RuleThresholdMiss: "không đạt ngưỡng ≥ %s%% (%s%%)",
		report.RuleBandFrom:      "mức ≥ %s%% (%s%%): %s × %s",
		report.RuleBandAbove:     "mức > %s%% (%s%%): %s × %s",
		report.RuleBelowBands:    "dưới mọi mức (%s%%): 0 điểm",
		report.RuleNoSection:     "chưa có chuyên mục: 0 điểm",
		report.RuleArticles:      "%s tin, bài, mức ≥ %s: %s × %s",
		report.RuleArticlesBelow: "%s tin, bài, dưới mọi mức: 0 điểm",
		report.RuleParts:         "các phần: (%s) × %s",
		report.RulePartRatio:     "%s %s × %s",
		report.RulePartYes:       "%s %s × %s",
		report.RuleGrowthZero:    "a/b = 0/0: không có nội dung, điểm tối đa (mục II.2.c)",
		report.RuleGrowthFromNil: "năm trước 0, năm nay > 0: tăng trưởng đạt, điểm tối đa",
		report.RuleGrowthPending: "tăng trưởng: năm nay %s, cần số liệu năm trước",
		report.RuleGrowthMet:     "tăng %s%% ≥ %s%%: điểm tối đa",
		report.RuleGrowthNone:    "tăng trưởng %s%% không dương: 0 điểm",
		report.RuleGrowthShare:   "tăng %s%% / %s%% × %s",
		report.RuleLevel:         "%s: %s × %s",
		report.RuleUnread:        "số liệu %q không dùng được cho cách tính này: mặc định 0",
		report.RuleMinMax:        "Min-Max: %s trong %s đơn vị (thấp nhất %s, cao nhất %s)",
		report.RuleNoLastYear:    "không có số liệu năm %s: mặc định 0",
		report.RuleYears:         "%s (%s: %s, %s: %s)",
	},
}

// scoring writes the message of a finding of the rubric's (f.Scoring set).
func scoring(f report.Finding, lang string) string {
	m, ok := scorings[lang]
	if !ok {
		m = scorings["vi"]
	}
	s := f.Scoring
	switch f.Code {
	case report.CodeRubricUnmapped:
		text := fmt.Sprintf(m[f.Code], s.Rubric)
		if s.Indicator != "" {
			text += fmt.Sprintf(m[closest], s.Indicator, Fixed(lang, s.Match, 2))
		}
		return text
	case report.CodeRubricMissing:
		return fmt.Sprintf(m[f.Code], s.Indicator, Number(lang, s.Max, 4))
	case report.CodeSelfScoreMismatch:
		return fmt.Sprintf(m[f.Code], s.Indicator, Number(lang, deref(f.Reported), 4), Number(lang, deref(f.Computed), 4), Basis(s.Basis, lang))
	case report.CodeScoreOverMax:
		return fmt.Sprintf(m[f.Code], s.Indicator, Number(lang, deref(f.Reported), 4), Number(lang, deref(f.Computed), 4))
	}
	return ""
}

// closest is the tail of rubric_unmapped's message that names the closest
// indicator.
const closest = report.CodeRubricUnmapped + "/closest"

var scorings = map[string]map[report.Code]string{
	"en": {
		report.CodeRubricUnmapped:    "no indicator of %s matches this row",
		closest:                      " (closest: %s, score %s)",
		report.CodeRubricMissing:     "no row of the report gives indicator %s (max %s): scored 0",
		report.CodeSelfScoreMismatch: "indicator %s: self-assessed %s but the rubric gives %s (%s)",
		report.CodeScoreOverMax:      "indicator %s: self-assessed %s is above the rubric's maximum %s",
	},
	"vi": {
		report.CodeRubricUnmapped:    "dòng này không khớp chỉ số nào của %s",
		closest:                      " (gần nhất: %s, điểm khớp %s)",
		report.CodeRubricMissing:     "báo cáo không có dòng nào cho chỉ số %s (tối đa %s): 0 điểm",
		report.CodeSelfScoreMismatch: "chỉ số %s: tự chấm %s nhưng theo bộ chỉ số được %s (%s)",
		report.CodeScoreOverMax:      "chỉ số %s: điểm tự chấm %s vượt điểm tối đa %s của bộ chỉ số",
	},
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
