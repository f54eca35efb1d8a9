-- Integer keys for the rows of a report (issue 16). The rows of
-- indicators, cells, findings and points were keyed by their report's
-- sha256, 64 characters repeated in every row and again in a second
-- B-tree, the primary-key index: together 45 % of the bytes of a
-- dataset (500 generated reports: 27.2 MB before, 15.0 MB after), and a
-- fifth of the time SQLite took to write a report (BenchmarkWrite,
-- medians of 6: 1.41 ms before, 1.10 ms after).
--
-- A report now has an integer id besides its sha256, which stays its
-- identity in every output: ids are only how its rows point to it, and
-- they differ between two datasets of the same reports. A row's id is
-- its report's id times 2^24 plus its number in the report: on SQLite
-- that id is the rowid, so a table is one B-tree ordered by report and
-- number, and the rows of a report are read and deleted as one range of
-- it ("id between r << 24 and r << 24 | 2^24-1", see keyRange). The
-- columns report and seq say the same in plain terms, for queries by
-- hand. A report has at most 2^24 - 1 rows in a table.
--
-- Ids of existing reports are their SQLite rowids, or on PostgreSQL a
-- sequence's numbers; a new report takes the next (max + 1 on SQLite,
-- whose writers are one at a time; the sequence on PostgreSQL). points
-- gains seq, its rows' number in the report's scores; the rows stored
-- before get theirs in indicator order.

--sqlite: alter table reports add column id integer;
--sqlite: update reports set id = rowid;
--postgres: alter table reports add column id bigserial;
create unique index reports_id on reports (id);

create table indicators_new (
--sqlite: id integer primary key,
--postgres: id bigint primary key,
	report       bigint not null references reports (id),
	seq          integer not null,
	path         text not null,
	stt          text not null,
	label        text not null,
	kind         text not null,
	number       double precision,
	raw          text not null,
	a            double precision,
	b            double precision,
	c            double precision,
	d            double precision,
	e            double precision,
	f            double precision,
	formula      text not null,
	rubric_id    text not null,
	rubric_ind   text not null,
	confidence   double precision not null,
	page         integer not null,
	tbl          integer not null,
	row_no       integer not null,
	row_unit     text not null,
	row_unit_key text not null,
	self_score   double precision,
	appraised    double precision
);

insert into indicators_new (id, report, seq, path, stt, label, kind, number, raw, a, b, c, d, e, f, formula,
	rubric_id, rubric_ind, confidence, page, tbl, row_no, row_unit, row_unit_key, self_score, appraised)
select r.id * 16777216 + i.seq, r.id, i.seq, i.path, i.stt, i.label, i.kind, i.number, i.raw, i.a, i.b, i.c, i.d,
	i.e, i.f, i.formula, i.rubric_id, i.rubric_ind, i.confidence, i.page, i.tbl, i.row_no, i.row_unit,
	i.row_unit_key, i.self_score, i.appraised
from indicators i join reports r on r.sha256 = i.sha256;

-- The index indicators_row_unit of 002 goes with the old table and is
-- not made again: no query looks rows up by their unit (the audit across
-- reports reads a report's rows by its id and groups them in Go), and
-- keeping it up cost a seventh of a write (BenchmarkWrite, medians of 6:
-- 1.06 ms with it, 0.91 ms without).
drop table indicators;
alter table indicators_new rename to indicators;

create table cells_new (
--sqlite: id integer primary key,
--postgres: id bigint primary key,
	report bigint not null references reports (id),
	seq    integer not null,
	col    integer not null,
	header text not null,
	role   text not null,
	kind   text not null,
	number double precision,
	raw    text not null
);

insert into cells_new (id, report, seq, col, header, role, kind, number, raw)
select r.id * 16777216 + row_number() over (partition by c.sha256 order by c.seq, c.col) - 1, r.id, c.seq, c.col,
	c.header, c.role, c.kind, c.number, c.raw
from cells c join reports r on r.sha256 = c.sha256;

drop table cells;
alter table cells_new rename to cells;

create table findings_new (
--sqlite: id integer primary key,
--postgres: id bigint primary key,
	report   bigint not null references reports (id),
	seq      integer not null,
	code     text not null,
	severity text not null,
	path     text not null,
	label    text not null,
	message  text not null,
	reported double precision,
	computed double precision,
	page     integer not null,
	tbl      integer not null,
	row_no   integer not null
);

insert into findings_new (id, report, seq, code, severity, path, label, message, reported, computed, page, tbl, row_no)
select r.id * 16777216 + f.seq, r.id, f.seq, f.code, f.severity, f.path, f.label, f.message, f.reported, f.computed,
	f.page, f.tbl, f.row_no
from findings f join reports r on r.sha256 = f.sha256;

drop table findings;
alter table findings_new rename to findings;

create table points_new (
--sqlite: id integer primary key,
--postgres: id bigint primary key,
	report      bigint not null references reports (id),
	seq         integer not null,
	rubric_id   text not null,
	indicator   text not null,
	max         double precision not null,
	points      double precision,
	self_points double precision,
	basis       text not null,
	need        text not null,
	measure     double precision,
	row_path    text not null
);

insert into points_new (id, report, seq, rubric_id, indicator, max, points, self_points, basis, need, measure, row_path)
select r.id * 16777216 + row_number() over (partition by p.sha256 order by p.indicator) - 1, r.id,
	row_number() over (partition by p.sha256 order by p.indicator) - 1, p.rubric_id, p.indicator, p.max, p.points,
	p.self_points, p.basis, p.need, p.measure, p.row_path
from points p join reports r on r.sha256 = p.sha256;

drop table points;
alter table points_new rename to points;
