-- nianbao archive, schema 2: report_values_key covers the value.
-- "One key across all agencies and years" (key-across-reports.ts, the latest_values view) reads
-- one row per report from report_values_key; with (key, version_id) alone every row costs a
-- visit to the table heap, and one key's rows lie on as many heap pages as there are reports
-- (a version's ≈200 values are stored together). With the value in the index the read is an
-- index-only scan over a few contiguous index pages. Measured by `npm run bench:store` and an
-- isolated run on 10,000 reports × 200 values: 10,264 → 229 shared buffers, 30–32 → 15 ms
-- execution, keyAcrossReports median 38–40 → 20–24 ms (warm cache; cold, the difference is
-- 10,000 random page reads). The index stays about the same size (a numeric per entry).
drop index report_values_key;
create index report_values_key on report_values (key, version_id) include (value);
