-- The dataset: one row per distinct report (by the sha256 of its bytes),
-- the paths it was found at, its indicators, findings and rubric points,
-- and the files that could not be read. Keys are text (sha256, path) so
-- that no autoincrement column differs between SQLite and PostgreSQL.
-- Timestamps are RFC 3339 text written by chiso, the same on both.

create table reports (
	sha256       text primary key,
	format       text not null,
	pages        integer not null,
	title        text not null,
	unit         text not null,
	unit_key     text not null,
	period_label text not null,
	year         integer,
	quarter      integer,
	month        integer,
	rubric_id    text not null,
	total        double precision not null,
	ingested_at  text not null
);

create index reports_period on reports (rubric_id, year);
create index reports_unit on reports (unit_key);

create table paths (
	path    text primary key,
	sha256  text not null references reports (sha256),
	size    bigint not null,
	seen_at text not null
);

create index paths_sha256 on paths (sha256);

create table indicators (
	sha256     text not null references reports (sha256),
	seq        integer not null,
	path       text not null,
	stt        text not null,
	label      text not null,
	kind       text not null,
	number     double precision,
	raw        text not null,
	a          double precision,
	b          double precision,
	c          double precision,
	d          double precision,
	e          double precision,
	f          double precision,
	formula    text not null,
	rubric_id  text not null,
	rubric_ind text not null,
	confidence double precision not null,
	page       integer not null,
	tbl        integer not null,
	row_no     integer not null,
	primary key (sha256, seq)
);

create table findings (
	sha256   text not null references reports (sha256),
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
	row_no   integer not null,
	primary key (sha256, seq)
);

create table points (
	sha256      text not null references reports (sha256),
	rubric_id   text not null,
	indicator   text not null,
	max         double precision not null,
	points      double precision,
	self_points double precision,
	basis       text not null,
	need        text not null,
	measure     double precision,
	row_path    text not null,
	primary key (sha256, indicator)
);

create table failures (
	path      text primary key,
	sha256    text not null,
	reason    text not null,
	failed_at text not null
);
