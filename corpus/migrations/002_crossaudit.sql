-- What the audit across reports needs (issue 17) and 001 did not keep:
-- the span of months a report covers (a 6- or 9-month report has no
-- quarter, and was stored like a year), whether it declares its figures
-- cumulative from the start of the year, the unit a row of a summary
-- table is about, the self-assessed and appraised scores of a row, the
-- header of every cell of a summary row (its columns are the
-- indicators), and the findings of the pass itself.
--
-- detail is 1 for a report stored by a chiso that fills these columns;
-- a report stored before (0) is left out of the cross-report checks,
-- since its span and declaration are unknown, and the audit says so;
-- the next ingest of its file reads it again and fills them in
-- (upgradeReport).

alter table reports add column months_first integer;
alter table reports add column months_last integer;
alter table reports add column cumulative integer not null default 0;
alter table reports add column detail integer not null default 0;

alter table indicators add column row_unit text not null default '';
alter table indicators add column row_unit_key text not null default '';
alter table indicators add column self_score double precision;
alter table indicators add column appraised double precision;

create index indicators_row_unit on indicators (row_unit_key);

create table cells (
	sha256 text not null references reports (sha256),
	seq    integer not null,
	col    integer not null,
	header text not null,
	role   text not null,
	kind   text not null,
	number double precision,
	raw    text not null,
	primary key (sha256, seq, col)
);

-- The findings of the audit across reports, replaced whole by each pass:
-- the row of one report (sha256 …) and the row of the other it was
-- compared with (other_ …, empty when the finding is about one report).
create table cross_findings (
	seq          integer primary key,
	code         text not null,
	severity     text not null,
	unit         text not null,
	unit_key     text not null,
	period       text not null,
	indicator    text not null,
	path         text not null,
	label        text not null,
	reported     double precision,
	computed     double precision,
	formula      text not null,
	detail       text not null,
	sha256       text not null,
	page         integer not null,
	tbl          integer not null,
	row_no       integer not null,
	other_sha256 text not null,
	other_period text not null,
	other_path   text not null,
	other_page   integer not null,
	other_tbl    integer not null,
	other_row    integer not null
);
