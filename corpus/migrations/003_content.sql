-- One report per content (issue 14): the same report saved as DOCX, PDF
-- and HTML has three sha256 but one content, the key of what chiso read
-- from it (unit, period, rubric and every indicator's place, label and
-- value; see contentKey). Reads keep one report per content, with all
-- its files as sources.
--
-- A report stored before has content '': the next ingest of its file
-- reads it again and fills it in (upgradeReport), and until then it
-- counts as a content of its own.

alter table reports add column content text not null default '';

create index reports_content on reports (content);
