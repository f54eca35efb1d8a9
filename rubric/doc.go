// Package rubric holds the scoring rubrics of Decision 79/QĐ-UBND
// (10/01/2023) of the Ho Chi Minh City People's Committee as data, and
// scores a report's indicators against them.
//
// # Rubrics as data
//
// Each rubric is a YAML file under data/, embedded in the binary and
// loadable from any path (Load, Open), so that a person who reads the
// decision can check and correct it without reading Go:
//
//   - hcm-dti-2023-district (Phụ lục II): 9 groups, 51 indicators, 660 points
//   - hcm-dti-2023-department (Phụ lục I): 6 groups, 32 indicators, 330 points
//
// An indicator has its id ("6.3"), its label as the decision writes it, its
// group, its maximum, its method of scoring with the method's parameters,
// the named inputs of the method text (a, b, c… with their labels), the
// formula, aliases (other wordings seen in reports) and, where the decision
// says so, whether its counts are cumulative from the start of the year
// (cumulative: true or false; unset, the report's own declaration
// decides). Loading validates
// the file — ids unique, every indicator in a declared group, each group's
// indicators adding up to the group's stated points and count, the groups
// adding up to the rubric's total, each method's parameters present and in
// range, the formula's inputs declared — and refuses a bad file with a
// *LoadError naming the file, the field ("indicators[12].method.threshold")
// and the reason. Unknown keys are refused too, so that a misspelt
// parameter is not silently ignored.
//
// # Method kinds
//
// All the methods the decision uses, as Kind values (shares are fractions
// of the indicator's maximum, percentages are on the 0–100 scale):
//
//	yes_no       Đã ban hành / Có sử dụng / Có → max; Chưa / Không → 0
//	leader       levels head, deputy, other (Bí thư/Chủ tịch/Giám đốc → 1, Phó → ½, else 0)
//	ratio        formula (a/b, (c+d)/(a+b), (a+b+c+d)/(e+f)) × max, capped at max
//	ratio_cap    target T: ratio ≥ T → max, else ratio/T × max (T = 50, 60, 70, 80, 90)
//	threshold    threshold T: ratio ≥ T → max, else 0
//	bands        bands [{above|from, share}]: the first band the ratio reaches
//	count_bands  bands [{from, share}] on a count (≥ 20 articles → 1, 10–19 → ½, < 10 → ¼); no section → 0
//	frequency    levels weekly, monthly, less
//	status       levels done, in_progress, not_started
//	parts        parts [{formula|input, share}]: 3.4 (a/b × ½ + c/d × ½), 6.1 (⅘ requirements + ⅕ IPv6)
//	per_item     per_item points for each item, capped at max (8.5)
//	min_max      (x − min)/(max − min) × max across a cohort of units (district 5.1; department 4.1, 5.1)
//	growth       target T: year-over-year growth a/b − 1 ≥ T → max, else growth/T × max (6.13)
//
// A report without data for an indicator scores 0, as the decision says
// ("không có số liệu báo cáo … mặc định là 0 điểm"). Every Result carries
// its Basis as data — the rule and its numbers (report.Basis) — which the
// message catalogue (package internal/msg) writes as one line in the
// caller's language ("ratio 0.7823 × 20", "tỷ lệ 0.7823 × 20"). Nothing in
// this package chooses a language: its findings carry their data
// (report.Scoring) and are worded by the caller.
//
// # Scores that need other reports
//
// Min-max and growth cannot be scored from one report. ScoreIndicator
// returns them with Points nil, Need set (NeedCohort, NeedPreviousYear) and
// the unit's Measure, and a Card lists them in Pending, outside its Total.
// The stage that holds many reports (package corpus) finishes them with the
// rules here and nowhere else: CohortScores scores a min-max indicator
// across one period's units, and GrowthScore a growth indicator from the
// same unit's measure of the year before — 0 when there is none, the
// decision's default for missing data.
//
// # Errata and judgments
//
// Where the decision cannot be applied as written, the rubric file records
// the source wording and the reading applied (Rubric.Errata):
//
//   - The district scale is written "thang điểm 690" once, but its groups
//     add up to 660, which the decision also states twice: 660.
//   - District 3.3 gives "150 điểm" to the middle band of a 30-point
//     indicator; the department twin gives 15: 15.
//   - "Trên 80%: tối đa / <80%: 0" leaves exactly 80 % unscored: only
//     "<80%" is given 0, so ≥ 80 % earns the maximum. (3.3 writes "Từ 50% -
//     80%", so there exactly 80 % stays in the middle band.)
//   - Min-max does not say what the lowest unit gets: 0, by (x − min)/(max −
//     min) × max; when all units are equal, every one is "the highest" and
//     gets the maximum.
//   - 6.13's growth does not say what negative growth earns: 0 (points are
//     never negative elsewhere in the decision).
//   - A ratio whose inputs are 0/0 gets the maximum: section II.2.c gives
//     the maximum to units without the content a criterion measures. A
//     positive numerator over 0 is inconsistent data and scores 0.
//   - A ratio above 1 (a > b) is capped at the maximum; package extract
//     reports the inconsistency as rate_over_100.
//
// # Mapping and scoring a report
//
// Map maps a report's rows (package report) to a rubric's indicators with
// package mapping and returns the Mapping, leaving the report as extract
// made it; Score then computes, from the report and its mapping, every
// indicator's points, the group and total points, and the findings
// self_score_mismatch and rubric_missing. The root package chiso chains
// them after extraction.
package rubric
