// Package extract finds the indicator tables of a report, reads each row as
// an indicator (its STT path, label, value as written and as typed,
// components, formula and evidence) and audits the arithmetic: rates against
// their a/b components, breakdowns in the evidence against the value they
// explain, rates quoted in running text against the counts beside them.
//
// It works on the document model of package doc, so it does not care
// which format a report came in. Headers are recognised on diacritic-folded
// text (vntext.Fold): github.com/sahilm/fuzzy is used only as a candidate
// filter, because it matches subsequences and its score overflows on long
// strings; a token-set Dice score ranks the
// candidates it lets through. Columns are always classified from the header,
// never from their position, except in a table that has no header at all
// but whose first column reads as STT numbers.
//
// The package imports the model (package doc) rather than parse, so it
// builds even while a format reader does not.
//
// Numbers are read the Vietnamese way by default (dot for thousands, comma
// for decimals), but a document may write "78.23 %" for a rate and "11.781"
// for a count; ParseValue takes the convention the rest of the document uses
// and reports a numeral it cannot decide, which is then kept out of every
// arithmetic check (finding ambiguous_number).
package extract

// Decisions the contract leaves open, taken here:
//
//   - Components is omitted from JSON when a row has no component rows
//     with a number; Formula is omitted when none is written (the check
//     then uses a/b).
//   - A frequency such as "Hàng tuần" is kind text; the rubric reads the
//     words from raw. "Chưa hoàn thành" is status not_started.
//   - Unit is the issuing body of the letterhead (Nghị định 30/2020: the
//     left block above "Số: …"), the lower of its lines when a body sits
//     under its parent ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" is Sở Nội vụ), a
//     People's Committee written as its place ("Tỉnh Lâm Đồng"). Without
//     a letterhead it is the unit the title names, then the one the
//     preamble reports on. It is written with its kind capitalised, the
//     name as written ("Quận Bình Tân" for "quận Bình Tân", "Quận 1" for
//     "QUẬN 1"), and an upper-case body's name with the capitals
//     Vietnamese gives it ("Sở Văn hóa, Thể thao và Du lịch"). The city
//     is the unit only when it is the subject of the title or preamble,
//     or when no district is named at all.
//   - Period is what the title says the report is about, never the
//     signing date; Period.Label is written in a standard form ("quý III
//     năm 2023"), not copied from the title. Period.Months (v1.1) is the
//     span of months: a year [1, 12], a quarter, a month, "n tháng đầu
//     năm" [1, n], a span of whole months written as dates; nil for a
//     span of years ("giai đoạn 2026 - 2030", whose Year is the first). A
//     report on the first nine months of a year still has quarter 3.
//   - Location.Table and Location.Row are 1-based and 0 for running text;
//     Location.Block (added) is the block's index in the document.
//   - Rows that only group others (I, II … with no value) are indicators
//     with "group": true, so that their maximum points are kept.
//   - Responsible (added, "responsible") is the Đơn vị báo cáo column;
//     MaxPoints and SelfPoints are "max_points" and "self_points".
//   - A rate holds when it equals 100·a/b rounded half away from zero to
//     the decimals written; a truncated rate (15,3 % for 35/228 = 15,35 %)
//     is a mismatch.
//   - A sign glued to digits is a sign ("+5%" is 5, "-3,2 %" and "−2%"
//     are negative, "-12" is −12); "tăng"/"giảm" before a value say its
//     sign in words ("giảm 3%" is −3). A "-", "–" or "+" followed by a
//     space is a bullet: "- 100%" is 100. Raw keeps the sign as written,
//     which is how the rubric tells a growth from a level.
