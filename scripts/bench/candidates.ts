// npm run bench:candidates — same-claim candidate lookup for one new claim against 1,000,000
// stored claims in PostgreSQL. Creates a database for the run (dropped after), fills it with
// varied English and French claims (entities, predicates, topics, dates, numbers), and times
// findSameClaimCandidates — the function the editor's accept form calls — over many probes,
// warm. Half the probes restate a stored claim in the other language: the bench also prints how
// often that twin is among the five candidates shown, and, for as many restatements whose date is
// one day off, how often those are found. It prints the median, p95 and max time per lookup, the
// CPU spent per lookup in PostgreSQL and in Node, the number of stored claims and the load average.
//
// Run it on a quiet machine and read the load average it prints beside the figures: on two shared
// cores, other work easily triples the times.
//   nice npm run bench:candidates                        fill (about 2 min), measure, drop
//   KEEP_DB=1 nice npm run bench:candidates              … keep the database; its name is printed
//   BENCH_DB=claimline_bench_123 nice npm run bench:candidates
//                                                        measure again on a kept database (pending
//                                                        migrations are applied first; kept as well)
//
// env: DATABASE_URL (admin connection; default postgres://postgres@127.0.0.1:5432/test),
//      CLAIMS (default 1000000), PROBES (default 400), KEEP_DB=1 to keep the database,
//      BENCH_DB to reuse a kept one (CLAIMS and PROBES must be those it was filled with).
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../../db/client.ts';
import type { ClaimFeatures } from '../../server/analysis/index.ts';
import { entityFeatureKey, findSameClaimCandidates, matchKeysOf } from '../../server/domain/matching.ts';

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const TOTAL = Number(process.env.CLAIMS ?? 1_000_000);
const PROBES = Number(process.env.PROBES ?? 400);
const BATCH = 5_000;
const ENTITIES = 3_000;

// --- a deterministic generator of plausible claims ----------------------------------------
let seed = 20191210;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
/** Popular items far more often than rare ones, as names are in the news (Zipf-like). */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);

const FIRST = ['Anna', 'Boris', 'Claire', 'David', 'Elena', 'François', 'Greta', 'Hassan', 'Ines', 'Jean', 'Karim', 'Laura', 'Marc', 'Nadia', 'Olivier', 'Paula', 'Quentin', 'Rosa', 'Sergey', 'Tariq', 'Ursula', 'Victor', 'Wang', 'Xavier', 'Yasmine', 'Zoé', 'Ahmed', 'Beatriz', 'Carlos', 'Dmitri', 'Emma', 'Fatima', 'Giorgio', 'Hélène', 'Igor', 'Julia', 'Kofi', 'Lena', 'Mohamed', 'Nicolas'];
const LAST = ['Martin', 'Petrov', 'Dubois', 'Schmidt', 'Rossi', 'Novak', 'Haddad', 'Kowalski', 'Garcia', 'Silva', 'Moreau', 'Lefèvre', 'Ivanov', 'Okafor', 'Nakamura', 'Larsen', 'Bernard', 'Costa', 'Fischer', 'Müller', 'Durand', 'Kuznetsov', 'Mendes', 'Yilmaz', 'Andersen', 'Lambert', 'Fontaine', 'Rey', 'Nguyen', 'Mbeki', 'Sokolov', 'Weber', 'Rousseau', 'Ortega', 'Janssen', 'Keller', 'Bianchi', 'Popescu', 'Horvat', 'Kaya'];
const ORGS = ['Ministry of Finance|ministère des Finances', 'White House|Maison Blanche', 'Kremlin|Kremlin', 'European Commission|Commission européenne', 'Central Bank|Banque centrale', 'Health Agency|Agence de santé', 'Electoral Commission|Commission électorale', 'Supreme Court|Cour suprême', 'Army|armée', 'Police|police', 'Parliament|Parlement', 'UN Security Council|Conseil de sécurité de l’ONU', 'NATO|OTAN', 'IMF|FMI', 'WHO|OMS'];
const COUNTRIES = [['US', 'the United States', 'les Etats-Unis'], ['RU', 'Russia', 'la Russie'], ['FR', 'France', 'la France'], ['UA', 'Ukraine', "l'Ukraine"], ['CN', 'China', 'la Chine'], ['DE', 'Germany', "l'Allemagne"], ['GB', 'Britain', 'le Royaume-Uni'], ['IR', 'Iran', "l'Iran"], ['TR', 'Turkey', 'la Turquie'], ['BR', 'Brazil', 'le Brésil'], ['IN', 'India', "l'Inde"], ['SY', 'Syria', 'la Syrie'], ['IL', 'Israel', 'Israël'], ['EG', 'Egypt', "l'Egypte"], ['NG', 'Nigeria', 'le Nigeria'], ['MX', 'Mexico', 'le Mexique'], ['JP', 'Japan', 'le Japon'], ['PL', 'Poland', 'la Pologne'], ['IT', 'Italy', "l'Italie"], ['ES', 'Spain', "l'Espagne"]] as const;
const PREDICATES = [
  ['warn', 'warned', 'a mis en garde'], ['deny', 'denied', 'a démenti'], ['confirm', 'confirmed', 'a confirmé'], ['accuse', 'accused', 'a accusé'],
  ['meet', 'met', 'a rencontré'], ['receive', 'received', 'a reçu'], ['sanction', 'sanctioned', 'a sanctionné'], ['increase', 'increased', 'a augmenté'],
  ['decrease', 'cut', 'a réduit'], ['ban', 'banned', 'a interdit'], ['resign', 'resigned over', 'a démissionné à cause de'], ['support', 'backed', 'a soutenu'],
  ['refuse', 'refused', 'a refusé'], ['agree', 'agreed on', "s'est accordé sur"], ['attack', 'attacked', 'a attaqué'], ['arrest', 'arrested', 'a arrêté'],
  ['appeal', 'appealed', 'a fait appel'], ['investigation', 'investigated', 'a enquêté sur'], ['proposal', 'proposed', 'a proposé'], ['extend', 'extended', 'a prolongé'],
  ['discuss', 'discussed', 'a discuté'], ['recall', 'recalled', 'a rappelé'], ['interference', 'interfered in', "s'est ingéré dans"], ['pressure', 'pressured', 'a fait pression sur'],
] as const;
const TOPICS = [
  'election|élection', 'interference|ingérence', 'tax|impôt', 'inflation|inflation', 'vaccine|vaccin', 'budget|budget', 'pension|retraite', 'border|frontière',
  'refugees|réfugiés', 'oil|pétrole', 'gas|gaz', 'sanctions|sanctions', 'nuclear|nucléaire', 'troops|troupes', 'ceasefire|cessez-le-feu', 'corruption|corruption',
  'unemployment|chômage', 'wages|salaires', 'debt|dette', 'tariffs|droits de douane', 'climate|climat', 'emissions|émissions', 'hospital|hôpital', 'schools|écoles',
  'police|police', 'protest|manifestation', 'strike|grève', 'court|tribunal', 'ruling|décision', 'doping|dopage', 'athletes|athlètes', 'bank|banque', 'rates|taux',
  'housing|logement', 'rent|loyer', 'energy|énergie', 'electricity|électricité', 'drought|sécheresse', 'wheat|blé', 'exports|exportations', 'imports|importations',
  'missile|missile', 'drone|drone', 'army|armée', 'embassy|ambassade', 'treaty|traité', 'summit|sommet', 'referendum|référendum', 'constitution|constitution',
  'media|médias', 'journalists|journalistes', 'censorship|censure', 'hackers|pirates', 'cyberattack|cyberattaque', 'vote|vote', 'fraud|fraude', 'ballots|bulletins',
  'pandemic|pandémie', 'lockdown|confinement', 'masks|masques', 'deaths|morts', 'injured|blessés', 'prisoners|prisonniers', 'hostages|otages', 'aid|aide',
  'food|alimentation', 'prices|prix', 'fuel|carburant', 'airport|aéroport', 'railway|chemin de fer', 'port|port', 'mine|mine', 'factory|usine', 'jobs|emplois',
  'minimum wage|salaire minimum', 'immigration|immigration', 'asylum|asile', 'citizenship|nationalité', 'abortion|avortement', 'guns|armes', 'crime|criminalité',
  'terrorism|terrorisme', 'espionage|espionnage', 'diplomats|diplomates', 'talks|négociations', 'peace plan|plan de paix', 'territory|territoire', 'annexation|annexion',
  'independence|indépendance', 'pipeline|gazoduc', 'satellite|satellite', 'space|espace', 'fishing|pêche', 'farmers|agriculteurs', 'forests|forêts', 'floods|inondations',
];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

type Entity = { id: number; name: string; nameFr: string };
const entities: Entity[] = [];
for (let i = 0; i < ENTITIES; i++) {
  if (i < ORGS.length) {
    const [en, fr] = ORGS[i]!.split('|') as [string, string];
    entities.push({ id: i + 1, name: en, nameFr: fr });
  } else {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    entities.push({ id: i + 1, name, nameFr: name });
  }
}

type Generated = { text: string; language: 'en' | 'fr'; claimantId: number | null; day: string; features: ClaimFeatures };

function randomDay(): string {
  const t = Date.UTC(2012, 0, 1) + Math.floor(rand() * 14 * 365) * 864e5;
  return new Date(t).toISOString().slice(0, 10);
}

function spell(day: string, language: 'en' | 'fr'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return language === 'en' ? `on ${MONTHS_EN[m - 1]} ${d}, ${y}` : `le ${d} ${MONTHS_FR[m - 1]} ${y}`;
}

type Plan = { claimant: Entity | null; subject: Entity | null; country: (typeof COUNTRIES)[number] | null; predicate: (typeof PREDICATES)[number]; topics: string[]; day: string; number: string | null };

function plan(): Plan {
  return {
    claimant: rand() < 0.85 ? entities[zipf(ENTITIES)]! : null,
    subject: rand() < 0.7 ? entities[zipf(ENTITIES)]! : null,
    country: rand() < 0.6 ? COUNTRIES[zipf(COUNTRIES.length)]! : null,
    predicate: PREDICATES[zipf(PREDICATES.length)]!,
    topics: [...new Set([TOPICS[zipf(TOPICS.length)]!, TOPICS[Math.floor(rand() * TOPICS.length)]!, ...(rand() < 0.4 ? [pick(TOPICS)] : [])])],
    day: randomDay(),
    number: rand() < 0.3 ? String(Math.floor(rand() * 1000) / (rand() < 0.5 ? 10 : 1)) : null,
  };
}

function render(p: Plan, language: 'en' | 'fr'): Generated {
  const en = language === 'en';
  const topic = (t: string) => t.split('|')[en ? 0 : 1]!;
  const who = p.claimant ? (en ? p.claimant.name : p.claimant.nameFr) : null;
  const whom = p.subject ? (en ? p.subject.name : p.subject.nameFr) : p.country ? p.country[en ? 1 : 2] : en ? 'the government' : 'le gouvernement';
  const verb = p.predicate[en ? 1 : 2];
  const topics = p.topics.map(topic);
  const about = en ? `over ${topics.join(' and ')}` : `au sujet de ${topics.join(' et ')}`;
  const number = p.number ? (en ? `, citing ${p.number}%` : `, évoquant ${p.number.replace('.', ',')} %`) : '';
  const core = `${whom} ${verb} ${about}${number} ${spell(p.day, language)}`;
  const shapes = en
    ? [`${who} says ${core}`, `According to ${who}, ${core}`, `${core}, ${who} said`]
    : [`${who} affirme que ${core}`, `Selon ${who}, ${core}`, `${core}, a déclaré ${who}`];
  const text = who ? pick(shapes) : core.charAt(0).toUpperCase() + core.slice(1);
  const features: ClaimFeatures = {
    v: 1,
    language,
    claimant: p.claimant ? entityFeatureKey(p.claimant.id) : null,
    subjects: [...(p.subject ? [entityFeatureKey(p.subject.id)] : []), ...(p.country ? [`country:${p.country[0]}`] : [])],
    predicate: p.predicate[0],
    stance: p.predicate[0] === 'deny' ? 'deny' : 'assert',
    polarity: p.predicate[0] === 'deny' || p.predicate[0] === 'refuse' ? 'negative' : 'positive',
    dates: [p.day],
    numbers: p.number ? [p.number] : [],
    concepts: [p.predicate[0], ...p.topics.map((t) => t.split('|')[0]!.replace(/ /g, '-'))],
    context: [],
    terms: topics.map((t) => t.slice(0, 5)),
    anaphoric: false,
  };
  return { text, language, claimantId: p.claimant?.id ?? null, day: p.day, features };
}

// --- the run -------------------------------------------------------------------------------
const reused = process.env.BENCH_DB;
const name = reused || `claimline_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
if (!reused) await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
const client = new pg.Client({ connectionString: url.toString() });
const started = performance.now();
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
try {
  await database.migrate();
  await client.connect();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  if (!reused) {
    await client.query(
      `INSERT INTO entities (slug, name, kind) SELECT 'e-' || i, n, 'person' FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i)`,
      [entities.map((e) => e.name)],
    );
  }
  // Indexes are built once after the load, as a bulk import would: the definitions are the app's own.
  const { rows: indexes } = reused
    ? { rows: [] as { indexname: string; indexdef: string }[] }
    : await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'claims' AND indexdef ~* 'using gin'`,
      );
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.indexname}`);

  const planted: { id: number; plan: Plan; language: 'en' | 'fr' }[] = [];
  process.stdout.write(reused ? `Replaying the generator of ${TOTAL.toLocaleString('en')} claims for ${name}` : `Filling ${TOTAL.toLocaleString('en')} claims`);
  for (let done = 0; done < TOTAL; done += BATCH) {
    const cols = { text: [] as string[], language: [] as string[], claimant: [] as (number | null)[], day: [] as string[], keys: [] as string[], features: [] as string[] };
    for (let i = 0; i < Math.min(BATCH, TOTAL - done); i++) {
      const p = plan();
      const language = rand() < 0.6 ? 'en' : 'fr';
      // A reused database already holds the claims: the generator still runs, so the probes are the same.
      const g = render(p, language);
      // Claim ids follow insertion order in a new database: keep a few plans to restate later.
      if ((done + i) % Math.floor(TOTAL / PROBES) === 7) planted.push({ id: done + i + 1, plan: p, language });
      if (reused) continue;
      cols.text.push(g.text);
      cols.language.push(g.language);
      cols.claimant.push(g.claimantId);
      cols.day.push(g.day);
      cols.keys.push(matchKeysOf(g.features).join('\u001f'));
      cols.features.push(JSON.stringify(g.features));
    }
    if (!reused) {
      await client.query(
        `INSERT INTO claims (text, language, claimant_id, claimed_on, claimed_on_precision, checkworthiness, match_keys, match_features)
         SELECT t, l, c, d::date, 'day', 0.5, string_to_array(k, E'\\x1f'), f::jsonb
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS x(t, l, c, d, k, f)`,
        [cols.text, cols.language, cols.claimant, cols.day, cols.keys, cols.features],
      );
    }
    if ((done / BATCH) % 20 === 0) process.stdout.write('.');
  }
  const loaded = performance.now();
  console.log(` ${((loaded - started) / 1000).toFixed(0)} s`);
  for (const ix of indexes) {
    const t0 = performance.now();
    await client.query(ix.indexdef);
    console.log(`  ${ix.indexname}: built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  if (!reused) await client.query('VACUUM ANALYZE claims');
  const { rows: size } = await client.query(`SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('claims')) AS size FROM claims`);
  console.log(`  ${size[0].n.toLocaleString('en')} claims; table with indexes: ${size[0].size}`);
  const stored = size[0].n as number;

  // Probes: half restate a stored claim in the other language (the twin should be found), half are new.
  const probes = planted.slice(0, PROBES).map((p, i): { twin: number | null; g: Generated } => {
    const other = p.language === 'en' ? 'fr' : 'en';
    if (i % 2 === 0) return { twin: p.id, g: render(p.plan, other) };
    return { twin: null, g: render(plan(), rand() < 0.5 ? 'en' : 'fr') };
  });
  // Harder twins, timed and counted apart: the other language, and a date one day off (as when a
  // report gives the day it heard the claim), so no key set with a date can find them.
  const nextDay = (day: string) => new Date(Date.parse(day) + 864e5).toISOString().slice(0, 10);
  const shifted = planted
    .slice(0, PROBES)
    .filter((_, i) => i % 2 === 1)
    .map((p) => ({ twin: p.id, g: render({ ...p.plan, day: nextDay(p.plan.day) }, p.language === 'en' ? 'fr' : 'en') }));
  const run = async (probe: (typeof probes)[number]) => {
    const t0 = performance.now();
    const found = await findSameClaimCandidates(database.db, { features: probe.g.features, text: probe.g.text, language: probe.g.language });
    return { ms: performance.now() - t0, found };
  };
  console.log(`  load average before the probes: ${load()}`);
  for (const p of probes.slice(0, 50)) await run(p); // warm-up: caches and prepared plans
  // CPU time, unlike elapsed time, hardly depends on what else the machine runs: read the database
  // server's (its backends' /proc entries, when it runs on this machine) and this process's.
  const { rows: backends } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimline'`,
  );
  const ticks = () =>
    backends.reduce((sum, { pid }) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return sum + Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
      } catch {
        return Number.NaN;
      }
    }, 0);
  const serverTicks = ticks();
  const ownCpu = process.cpuUsage();
  const times: number[] = [];
  let twins = 0;
  let twinsFound = 0;
  let candidates = 0;
  for (const p of probes) {
    const { ms, found } = await run(p);
    times.push(ms);
    candidates += found.length;
    if (p.twin) {
      twins++;
      if (found.some((c) => c.id === p.twin)) twinsFound++;
    }
  }
  const serverCpu = ((ticks() - serverTicks) * 10) / probes.length;
  const { user, system } = process.cpuUsage(ownCpu);
  const clientCpu = (user + system) / 1000 / probes.length;
  const shiftedTimes: number[] = [];
  let shiftedFound = 0;
  for (const p of shifted) {
    const { ms, found } = await run(p);
    shiftedTimes.push(ms);
    if (found.some((c) => c.id === p.twin)) shiftedFound++;
  }
  shiftedTimes.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const q = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))]!;
  console.log(`\nCandidate lookup against ${stored.toLocaleString('en')} stored claims, ${times.length} probes (warm, one connection at a time):`);
  console.log(`  median      ${q(0.5).toFixed(1)} ms   (target: under 50 ms)`);
  console.log(`  p95         ${q(0.95).toFixed(1)} ms`);
  console.log(`  max         ${times[times.length - 1]!.toFixed(1)} ms`);
  console.log(`  twin rate   ${twinsFound}/${twins} = ${((100 * twinsFound) / Math.max(1, twins)).toFixed(1)}% of cross-language restatements have their twin among the 5 candidates shown`);
  console.log(`  candidates  ${(candidates / times.length).toFixed(1)} per probe`);
  console.log(`  CPU         ${Number.isNaN(serverCpu) ? '?' : serverCpu.toFixed(1)} ms in PostgreSQL + ${clientCpu.toFixed(1)} ms in Node per probe (less sensitive to load than elapsed time)`);
  console.log(`  harder twins, other language and a date one day off (${shifted.length} more probes):`);
  console.log(`              ${shiftedFound}/${shifted.length} = ${((100 * shiftedFound) / Math.max(1, shifted.length)).toFixed(1)}% found; median ${shiftedTimes[Math.floor(shiftedTimes.length / 2)]?.toFixed(1)} ms`);
  console.log(`  load average (1, 5, 15 min) at the end: ${load()} on ${availableParallelism()} cores`);
} finally {
  await client.end().catch(() => {});
  await database.close();
  if (process.env.KEEP_DB === '1' || reused) console.log(`kept database ${name} (BENCH_DB=${name} to measure again, DROP DATABASE to free the disk)`);
  else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
