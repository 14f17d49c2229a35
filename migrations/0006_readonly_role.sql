-- nianbao archive, schema 6: a read-only role for the web server and for SQL users.
-- nianbao_reader may read every table and view of the archive and write nothing: it is granted
-- SELECT only, and its sessions start read-only (default_transaction_read_only). It is created
-- without a password (so it cannot log in); `nianbao serve` and `nianbao db` give it LOGIN and
-- the password kept in <storage>/postgres.json (embedded server). On a server of your own
-- (DATABASE_URL), set one yourself: ALTER ROLE nianbao_reader LOGIN PASSWORD '…'.
-- Roles belong to the whole server, so the role may exist already (another archive database on
-- it); a user that may not create roles skips that part, and the archive works without it.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'nianbao_reader') then
    if not exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolcreaterole)) then
      raise notice 'nianbao: % may not create roles; the read-only role nianbao_reader was not created', current_user;
      return;
    end if;
    begin
      create role nianbao_reader nologin;
    exception when duplicate_object or unique_violation then
      null; -- created at the same moment for another database of this server
    end;
  end if;
  execute format('grant connect on database %I to nianbao_reader', current_database());
  grant usage on schema public to nianbao_reader;
  grant select on all tables in schema public to nianbao_reader;
  -- Tables and views later migrations create (run by this same user) are readable too.
  alter default privileges in schema public grant select on tables to nianbao_reader;
  begin
    alter role nianbao_reader set default_transaction_read_only = on;
  exception when insufficient_privilege then
    raise notice 'nianbao: not allowed to alter the role nianbao_reader; its sessions are made read-only by nianbao serve';
  end;
exception when insufficient_privilege then
  raise notice 'nianbao: not allowed to set up the read-only role nianbao_reader (%); skipped', sqlerrm;
end
$$;
