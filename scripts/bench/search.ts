// Search speed on many rows: fills a fresh database with synthetic claims, quotes and articles
// in English and French, then times the reader's searches and shows whether PostgreSQL uses the
// full-text and trigram indexes. Prints figures; asserts nothing.
// usage: npm run bench:search [-- CLAIMS]   (DATABASE_URL=postgres://… to run on PostgreSQL;
//        the database must be empty and is left filled)
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase, pgliteExtensions } from '../../db/client.ts';
import { search, SearchQuery } from '../../server/domain/search.ts';

const claimCount = Number(process.argv[2] ?? 20_000);
const database = process.env.DATABASE_URL
  ? await openDatabase({ databaseUrl: process.env.DATABASE_URL })
  : await openDatabase({ pglite: await PGlite.create({ extensions: pgliteExtensions }) });
const { db } = database;

try {
  await database.migrate();
  const started = performance.now();
  // Words from both languages, so each configuration has stems to find and to miss.
  await db.execute(sql`
    insert into entities (slug, name, kind)
    select 'person-' || i, 'Person ' || i, 'person' from generate_series(1, 500) i`);
  await db.execute(sql`
    insert into entity_aliases (entity_id, alias, normalized)
    select id, name, lower(name) from entities`);
  await db.execute(sql`
    insert into sources (title, language, published_on, body, body_hash)
    select case when i % 2 = 0 then 'Report ' || i || ' on election interference' else 'Dépêche ' || i || ' sur l''ingérence électorale' end,
           case when i % 2 = 0 then 'en' else 'fr' end,
           date '2019-01-01' + (i % 365),
           repeat(case when i % 2 = 0 then 'The minister denied any interference in the elections. ' else 'Le ministre a démenti toute ingérence dans les élections. ' end, 40) || i,
           md5(i::text)
    from generate_series(1, ${Math.max(100, Math.floor(claimCount / 10))}) i`);
  await db.execute(sql`
    insert into claims (text, language, claimant_id, claimed_on, claimed_on_precision)
    select case when i % 3 = 0 then 'Minister ' || i || ' warned against interference in elections'
                when i % 3 = 1 then 'Le ministre ' || i || ' a mis en garde contre toute ingérence'
                else 'Budget ' || i || ' grows by ' || (i % 50) || ' percent' end,
           case when i % 3 = 1 then 'fr' else 'en' end,
           1 + (i % 500), date '2019-01-01' + (i % 365), 'day'
    from generate_series(1, ${claimCount}) i`);
  await db.execute(sql`
    insert into mentions (claim_id, source_id, quote, start, "end")
    select c.id, 1 + (c.id % (select count(*) from sources)), c.text || ', a-t-il déclaré', 0, 10
    from claims c`);
  // VACUUM flushes the GIN indexes' pending lists, as autovacuum does on a live database.
  await db.execute(sql`vacuum analyze`);
  console.log(`filled ${claimCount} claims, ${claimCount} quotes in ${Math.round(performance.now() - started)} ms (${database.driver})`);

  const queries = ['q=ministre 4243', 'q=ingérence', 'q=interference', 'q=Person 42', 'q=interference&language=fr', 'q=élections&sort=date', 'q=budget&from=2019-06-01&to=2019-06-30'];
  for (const query of queries) {
    const input = SearchQuery.parse(Object.fromEntries(new URLSearchParams(query)));
    await search(db, input); // warm up caches and the dictionaries
    const runs = 5;
    const t0 = performance.now();
    let total = 0;
    for (let i = 0; i < runs; i++) total = (await search(db, input)).total;
    console.log(`${query.padEnd(42)} ${String(total).padStart(6)} claims  ${((performance.now() - t0) / runs).toFixed(1).padStart(7)} ms per search`);
  }

  const plan = await db.execute(sql`
    explain select id from claims
    where (search_vector @@ websearch_to_tsquery('public.claimline_french'::regconfig, 'ministre 4243') and claimline_ts_config(language) = 'public.claimline_french'::regconfig)
       or (search_vector @@ websearch_to_tsquery('public.claimline_english'::regconfig, 'ministre 4243') and claimline_ts_config(language) = 'public.claimline_english'::regconfig)`);
  const lines = (plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']);
  console.log('\nplan of the claims match:\n  ' + lines.join('\n  '));
  const trgm = await db.execute(sql`explain select entity_id from entity_aliases where ${'person 42'} <% normalized`);
  console.log('plan of the name match:\n  ' + (trgm as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n  '));
} finally {
  await database.close();
}
