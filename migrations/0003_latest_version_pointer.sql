-- nianbao archive, schema 3: each report points at its current version.
-- "Current" is unchanged: the version seen last (last_seen, then the newest id). Ingest keeps the
-- pointer in the same transaction that writes the version, so the views no longer recompute it
-- over every version of the archive (DISTINCT ON + sort): one key across 10,000 reports went
-- from ~23 ms to a few in SQL, and per-report lookups are one primary-key probe.
alter table reports add column latest_version_id bigint references report_versions (id);

update reports r set latest_version_id = (
  select v.id from report_versions v where v.report_id = r.id order by v.last_seen desc, v.id desc limit 1
);

create index reports_latest_version on reports (latest_version_id);

drop view latest_values;
drop view latest_versions;

-- The current version of each report.
create view latest_versions as
select
  v.id as version_id, v.report_id, r.agency_id, a.name as agency, a.region, a.region_code, r.year,
  v.template, v.title, v.extractor_version, v.failed_checks, r.source_url, r.removed_at,
  v.first_seen, v.last_seen, v.record
from reports r
join report_versions v on v.id = r.latest_version_id
join agencies a on a.id = r.agency_id;

-- The values of the current version of each report, ready for psql, R or pandas.
create view latest_values as
select l.report_id, l.version_id, l.agency_id, l.agency, l.region, l.region_code, l.year, l.template,
  rv.key, rv."table", rv.row_key, rv.column_key, rv.value
from latest_versions l
join report_values rv on rv.version_id = l.version_id;
