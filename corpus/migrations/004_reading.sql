-- The files being read (issue 15): a row is written, in its own
-- transaction, before a file is read and deleted when the reading is
-- over, so that when a file kills the process (out of memory, a fault
-- no recover catches) the next run finds it here. alone is 1 when no
-- other file was being read at the time: only then is the file known to
-- be the one that stopped the run.

create table reading (
	path       text primary key,
	sha256     text not null,
	alone      integer not null,
	started_at text not null
);
