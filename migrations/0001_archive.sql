-- nianbao archive, schema 1. Every report nianbao has seen, every version of it, immutable.
-- Applied by the migrator in src/store (Kysely), in file-name order, once each.

-- Bodies that publish reports, in the administrative hierarchy (province → city → county → township).
create table agencies (
  id           bigint generated always as identity primary key,
  name         text not null,                 -- as the reports name it: 大孝堡镇人民政府
  region_code  text,                          -- 行政区划代码 (12 digits), where known
  level        text check (level in ('province', 'city', 'county', 'township', 'department', 'other')),
  parent_id    bigint references agencies (id),
  region       text,                          -- place names above it, e.g. 山西省/吕梁市/孝义市
  portal_url   text,                          -- the portal it publishes on
  created_at   timestamptz not null default now()
);
create unique index agencies_identity on agencies (name, coalesce(region_code, ''));
create index agencies_parent on agencies (parent_id);

-- Raw bytes, content-addressed. Never altered, never deleted.
create table blobs (
  sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint not null,
  bytes       bytea not null,
  created_at  timestamptz not null default now()
);

-- Every document fetched or ingested: where from, when, what came back.
create table captures (
  id            bigint generated always as identity primary key,
  url           text not null,                -- requested URL, or file:// URL of an ingested file
  final_url     text,                         -- after redirects
  http_status   integer,
  http_headers  jsonb,
  content_type  text,
  fetched_at    timestamptz not null,
  sha256        text not null references blobs (sha256),
  size          bigint not null,
  origin        text not null default 'ingest' check (origin in ('ingest', 'crawl')),
  created_at    timestamptz not null default now()
);
create index captures_sha256 on captures (sha256);
create index captures_url on captures (url);

-- One report per agency and year.
create table reports (
  id          bigint generated always as identity primary key,
  agency_id   bigint not null references agencies (id),
  year        integer not null check (year between 1990 and 2100),
  source_url  text,                           -- where it was last seen
  first_seen  timestamptz not null,
  last_seen   timestamptz not null,
  removed_at  timestamptz,                    -- gone from its portal; the report is kept
  unique (agency_id, year)
);

-- Immutable versions: a new one only when the extracted content changes (content_hash).
create table report_versions (
  id                 bigint generated always as identity primary key,
  report_id          bigint not null references reports (id),
  content_hash       text not null,            -- sha256 of the record's content (values, sections, metadata)
  extractor_version  text not null,
  template           text not null check (template in ('2021', '2019', 'none')),
  title              text,
  record             jsonb not null,           -- the report record as extracted
  text               text not null,            -- the canonical text
  search             tsvector not null,        -- character bigrams of the text, for Chinese full-text search
  failed_checks      text[] not null default '{}',
  first_seen         timestamptz not null,
  last_seen          timestamptz not null,
  created_at         timestamptz not null default now(),
  unique (report_id, content_hash)
);
create index report_versions_report on report_versions (report_id, last_seen desc, id desc);
create index report_versions_search on report_versions using gin (search);

-- Which captures each version was extracted from.
create table version_captures (
  version_id  bigint not null references report_versions (id),
  capture_id  bigint not null references captures (id),
  primary key (version_id, capture_id)
);
create index version_captures_capture on version_captures (capture_id);

-- Table values in long form: one row per cell, so one query spans agencies and years.
create table report_values (
  version_id  bigint not null references report_versions (id),
  key         text not null,                 -- contract cell key: requests.new.total
  "table"     text not null,                 -- active | requests | appeals
  row_key     text not null,                 -- new, denied.state_secret, …
  column_key  text not null,                 -- natural_person, total, …
  value       numeric not null,
  primary key (version_id, key)
);
create index report_values_key on report_values (key, version_id);

-- Documents that gave no report: not a report, unreadable, or failed; kept with the reason.
create table skipped_captures (
  capture_id         bigint not null references captures (id),
  extractor_version  text not null,
  reason             text not null,
  created_at         timestamptz not null default now(),
  primary key (capture_id, extractor_version)
);

-- The current version of each report: the one seen last.
create view latest_versions as
select distinct on (v.report_id)
  v.id as version_id, v.report_id, r.agency_id, a.name as agency, a.region, a.region_code, r.year,
  v.template, v.title, v.extractor_version, v.failed_checks, r.source_url, r.removed_at,
  v.first_seen, v.last_seen, v.record
from report_versions v
join reports r on r.id = v.report_id
join agencies a on a.id = r.agency_id
order by v.report_id, v.last_seen desc, v.id desc;

-- The values of the current version of each report, ready for psql, R or pandas.
create view latest_values as
select l.report_id, l.version_id, l.agency_id, l.agency, l.region, l.region_code, l.year, l.template,
  rv.key, rv."table", rv.row_key, rv.column_key, rv.value
from latest_versions l
join report_values rv on rv.version_id = l.version_id;
