-- nianbao archive, schema 7: reports by year. Every list the web and the CLI offer can be cut to
-- one year (the key across agencies for 2023, the reports of 2022, facets and search within a
-- year); without an index each such query read every report to keep a fifth of them (at 10,000
-- reports over five years). Small: one integer per report.
create index reports_year on reports (year);
