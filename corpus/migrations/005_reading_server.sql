-- The server a file was being read under (issue 15): on PostgreSQL the
-- server's start time (pg_postmaster_start_time) when the row was
-- written, '' on SQLite. A row left from before the server last started
-- may have been left by the server's death rather than the file's: that
-- file is read again alone, not blamed for stopping the run.

alter table reading add column server text not null default '';
