-- nianbao archive, schema 5: the crawler. Portals it crawls, its runs, and every fetch it made
-- (the URL history that conditional requests, 304 handling and removal detection read). Raw
-- responses are kept in WARC files under <storage>/warc; rows point at them (file, offset).

-- Portals: where to start, which hosts belong to them, where their bodies sit.
create table portals (
  id            bigint generated always as identity primary key,
  name          text not null,
  start_url     text not null unique,            -- homepage or 年报 column
  region        text,                            -- 省/市/县 names, e.g. 山西省/吕梁市/孝义市
  region_code   text check (region_code ~ '^[0-9]{6}([0-9]{3})?$'),
  hosts         text[] not null default '{}',    -- extra hosts that belong to it (信息公开 platform, attachment hosts)
  column_url    text,                            -- override: the 年报 column, when discovery cannot find it
  needs_browser boolean not null default false,  -- override: render its lists in a browser
  delay_ms      integer check (delay_ms >= 0),   -- override: politeness delay between requests to one host
  max_pages     integer check (max_pages > 0),   -- override: page budget per crawl
  ad_hoc        boolean not null default false,  -- registered on the fly by crawl --start
  created_at    timestamptz not null default now()
);

-- One crawl: which portals, when, how it went (summary counts in stats).
create table crawl_runs (
  id           bigint generated always as identity primary key,
  started_at   timestamptz not null default now(),
  finished_at  timestamptz,
  status       text not null default 'running' check (status in ('running', 'finished', 'interrupted', 'failed')),
  portal_ids   bigint[] not null,
  queue_name   text not null,                  -- Crawlee's persisted request queue under <storage>/crawlee
  options      jsonb not null default '{}',
  stats        jsonb not null default '{}'
);

-- Per portal and run: what was found.
create table crawl_portal_stats (
  run_id        bigint not null references crawl_runs (id),
  portal_id     bigint not null references portals (id),
  pages         integer not null default 0,
  documents     integer not null default 0,
  reports_new   integer not null default 0,
  reports_changed integer not null default 0,
  reports_unchanged integer not null default 0,
  not_reports   integer not null default 0,
  failures      integer not null default 0,
  blocked_hosts text[] not null default '{}',
  primary key (run_id, portal_id)
);

-- Every HTTP fetch of a crawl (the final response of a redirect chain; hops are in the WARC file).
create table crawl_fetches (
  id            bigint generated always as identity primary key,
  run_id        bigint not null references crawl_runs (id),
  portal_id     bigint not null references portals (id),
  url           text not null,                 -- requested URL (canonical form)
  method        text not null default 'GET',
  kind          text not null,                 -- nav, column, list, list-api, detail, attachment
  final_url     text,
  http_status   integer,                       -- null when no answer (timeout, reset, TLS)
  etag          text,
  last_modified text,
  content_type  text,
  sha256        text,
  size          bigint,
  warc_file     text,                          -- relative to <storage>/warc
  warc_offset   bigint,
  warc_length   bigint,
  outcome       text not null,                 -- fetched, not_modified, report_new, report_changed, report_unchanged, not_a_report, not_found, failed, blocked, robots, out_of_scope
  detail        text,                          -- failure reason, skip reason, report id
  capture_id    bigint references captures (id),
  report_id     bigint references reports (id),
  fetched_at    timestamptz not null default now()
);
create index crawl_fetches_url on crawl_fetches (url, fetched_at desc);
create index crawl_fetches_run on crawl_fetches (run_id, outcome);
create index crawl_fetches_report on crawl_fetches (report_id) where report_id is not null;

-- Each archived capture points at its raw response in a WARC file.
alter table captures add column warc_file text, add column warc_offset bigint, add column warc_length bigint;
create index crawl_fetches_final_url on crawl_fetches (final_url, fetched_at desc) where final_url is not null;
