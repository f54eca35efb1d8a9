package report

// Basis says how an indicator's points were reached, as data: the rule
// that gave them and what that rule names, in the order its sentence names
// them. The scoring (package rubric) makes it; the message catalogue
// (package internal/msg) writes it in a language, so that a change of
// wording or of number format is made once and never reaches the score.
type Basis struct {
	Rule Rule
	// Args are the rule's arguments. Each is one of: float64 (a number:
	// points, a count, a percentage), Ratio (a 0–1 ratio, written with
	// four decimals), int (a year, a count of units), string (a formula or
	// a value as written, shown as is), bool (yes or no), Level (a
	// method's level), Basis (a line this one extends) or []Basis (the
	// parts of a sum).
	Args []any
}

// Rule names one way an indicator is scored; the catalogue has a sentence
// for each.
type Rule string

// Rules of the scoring methods, with what their Args hold.
const (
	RuleNoData        Rule = "no_data"          // none
	RuleYes           Rule = "yes"              // none
	RuleNo            Rule = "no"               // none
	RulePerItem       Rule = "per_item"         // items, points per item, maximum
	RuleMinMaxPending Rule = "min_max_pending"  // the unit's measure
	RuleZeroOverZero  Rule = "zero_over_zero"   // formula
	RuleZeroDenom     Rule = "zero_denominator" // formula, numerator
	RuleRatio         Rule = "ratio"            // Ratio, maximum
	RuleRatioCapped   Rule = "ratio_capped"     // Ratio above 1, maximum
	RuleTargetMet     Rule = "target_met"       // percentage, target
	RuleTargetShare   Rule = "target_share"     // percentage, target, maximum
	RuleThresholdMet  Rule = "threshold_met"    // threshold, percentage
	RuleThresholdMiss Rule = "threshold_miss"   // threshold, percentage
	RuleBandFrom      Rule = "band_from"        // band's lower bound, percentage, share, maximum
	RuleBandAbove     Rule = "band_above"       // band's exclusive bound, percentage, share, maximum
	RuleBelowBands    Rule = "below_bands"      // percentage
	RuleNoSection     Rule = "no_section"       // none
	RuleArticles      Rule = "articles"         // articles, band's lower bound, share, maximum
	RuleArticlesBelow Rule = "articles_below"   // articles
	RuleParts         Rule = "parts"            // []Basis of RulePartRatio and RulePartYes, maximum
	RulePartRatio     Rule = "part_ratio"       // formula, Ratio, share
	RulePartYes       Rule = "part_yes"         // input, bool, share
	RuleGrowthZero    Rule = "growth_zero"      // none: a/b = 0/0
	RuleGrowthFromNil Rule = "growth_from_nil"  // none: last year 0, this year above
	RuleGrowthPending Rule = "growth_pending"   // this year's value
	RuleGrowthMet     Rule = "growth_met"       // growth in percent, target
	RuleGrowthNone    Rule = "growth_none"      // growth in percent
	RuleGrowthShare   Rule = "growth_share"     // growth in percent, target, maximum
	RuleLevel         Rule = "level"            // Level, share, maximum
	RuleUnread        Rule = "unread"           // the value as written (string)
	RuleMinMax        Rule = "min_max"          // measure, units (int), lowest, highest
	RuleNoLastYear    Rule = "no_last_year"     // the previous year (int)
	RuleYears         Rule = "years"            // Basis, year (int), this year's value, previous year (int), its value
)

// Ratio is a 0–1 ratio in a Basis, written with four decimals
// ("0.7823").
type Ratio float64

// Level is a level of a leader, frequency or status method, as the rubric
// names it ("head", "weekly", "done").
type Level string

// Scoring is what a finding of the scoring names besides its row: the
// rubric and the indicator it is about, the indicator's maximum, and how
// the rubric scored the row. For rubric_unmapped, Indicator is the closest
// indicator ("" when there is none) and Match its match score.
type Scoring struct {
	Rubric, Indicator string
	Max               float64
	Match             float64
	Basis             Basis
}
