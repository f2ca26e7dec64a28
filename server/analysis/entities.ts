// Entities: who is named in a sentence (names, known institutions, role nouns, pronouns,
// nationality nouns, groups) and which entity each mention points to, across the article.
// Names are keyed so that spellings and transliterations meet (Sergueï / Sergei / Sergey).
import { gazetteer, officeParents, type EntityKind } from './lexicons/gazetteer.ts';
import { allLexicons } from './lexicons/index.ts';
import type { Gender, Lexicon } from './lexicons/types.ts';
import { conceptOfWord } from './matching.ts';
import { fold, PhraseIndex, wordSet, type Token } from './text.ts';

export interface Entity {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Common nouns the text used for it ("carrier Nordair", "le laboratoire Vireon"). */
  descriptors?: string[];
  /** How many times the article named it. */
  seen?: number;
  gender?: Gender;
  country?: string;
  offices: string[];
}

export interface RoleInfo {
  office: string;
  country?: string;
  gender?: Gender;
}

export type MentionType = 'name' | 'known' | 'role' | 'pronoun' | 'anaphor' | 'nationality' | 'group';

export interface Mention {
  /** Token range [i, j) within the sentence's tokens. */
  i: number;
  j: number;
  start: number;
  end: number;
  type: MentionType;
  text: string;
  knownKey?: string;
  /** Surface of the proper name inside the mention, if any. */
  name?: string;
  role?: RoleInfo;
  gender?: Gender;
  plural?: boolean;
  titled?: boolean;
  afterPreposition: boolean;
  /** Country named by a nationality noun ("the American"). */
  country?: string;
  /** Head noun of a group mention ("company"). */
  head?: string;
  inQuote: boolean;
  /** Acronym given in brackets after the name ("Athletics Integrity Unit (AIU)"). */
  acronym?: string;
  /** "it": points to an organisation. */
  neuter?: boolean;
  /** Followed by a possessive ("Lavrov's visit"). */
  possessor?: boolean;
  /** A role set off by commas next to a name ("Son entraîneur, Peter Otieno,"): one mention of one person. */
  apposition?: boolean;
  /** Common noun right before a name ("carrier Nordair", "laboratoire pharmaceutique Vireon"). */
  descriptor?: string;
  entity?: Entity | null;
}

interface Prepared {
  known: PhraseIndex<string>;
  roles: { tokens: string[]; office: string; gender?: Gender }[];
  /** Role patterns by their first word; those opening with a nationality under '{nat}'. */
  rolesByFirst: Map<string, { tokens: string[]; office: string; gender?: Gender }[]>;
  nationality: PhraseIndex<string>;
  countries: PhraseIndex<string>;
  pronouns: Map<string, { gender?: Gender; plural?: boolean; neuter?: boolean }>;
  anaphors: PhraseIndex<true>;
  titles: Map<string, Gender | undefined>;
  determiners: Set<string>;
  prepositions: Set<string>;
  functionWords: Set<string>;
  orgWords: Set<string>;
  groupNouns: Set<string>;
  translit: [string, string][];
  connectors: Set<string>;
  adjectiveSuffixes: string[];
  nationalityWords: Set<string>;
  objectPronouns: Map<string, { gender?: Gender; plural?: boolean }>;
  /** Every word that can open a mention, folded and lowercased. */
  starters: Set<string>;
  documents: Set<string>;
  aux: Set<string>;
  /** Last words of "according to" phrases: an object pronoun after them is a source. */
  sourceMarkers: Set<string>;
}

const cache = new WeakMap<Lexicon, Prepared>();
let lastLex: Lexicon | null = null;
let lastPrepared: Prepared | null = null;
export function prepare(lex: Lexicon): Prepared {
  // Called for every token: the last lexicon's preparation is checked before the WeakMap.
  if (lex === lastLex) return lastPrepared!;
  let p = cache.get(lex);
  if (p) {
    lastLex = lex;
    lastPrepared = p;
    return p;
  }
  const known = new PhraseIndex<string>('fold');
  const countries = new PhraseIndex<string>('fold');
  for (const [key, aliases] of Object.entries(lex.entityAliases)) {
    for (const a of aliases) {
      known.add(a, key);
      if (key.startsWith('country:')) countries.add(a, key.slice('country:'.length));
    }
  }
  const nationality = new PhraseIndex<string>('fold');
  for (const [code, forms] of Object.entries(lex.nationalities)) for (const f of forms) nationality.add(f, code);
  const anaphors = new PhraseIndex<true>('low');
  for (const a of lex.anaphors) anaphors.add(a, true);
  p = {
    known,
    countries,
    nationality,
    anaphors,
    roles: lex.rolePatterns
      .map((r) => ({ tokens: r.pattern.split(/\s+/).map(fold), office: r.office, gender: r.gender }))
      .sort((a, b) => b.tokens.length - a.tokens.length),
    rolesByFirst: new Map(),
    pronouns: new Map(lex.pronouns.map((pr) => [pr.form, { gender: pr.gender, plural: pr.plural, neuter: pr.neuter }])),
    titles: new Map(lex.titles.map((t) => [t.form, t.gender])),
    determiners: wordSet(lex.determiners),
    prepositions: wordSet(lex.prepositions),
    functionWords: wordSet(lex.functionWords, 'fold'),
    orgWords: wordSet(lex.organisationWords, 'fold'),
    groupNouns: wordSet(lex.groupNouns, 'fold'),
    documents: wordSet(lex.documentNouns),
    aux: wordSet(lex.auxiliaries),
    translit: lex.nameTransliterations.map(([a, b]) => [fold(a), fold(b)]),
    connectors: wordSet(lex.nameConnectors),
    adjectiveSuffixes: lex.nameAdjectiveSuffixes.map(fold),
    nationalityWords: new Set(Object.values(lex.nationalities).flat().filter((w) => !w.includes(' ')).map(fold)),
    objectPronouns: new Map(lex.objectPronouns.map((pr) => [pr.form, { gender: pr.gender, plural: pr.plural }])),
    sourceMarkers: new Set(lex.accordingTo.map((a) => a.split(/\s+/).pop()!.toLowerCase())),
    starters: new Set(),
  };
  for (const r of p.roles) {
    const first = r.tokens[0] === '*' ? '*' : r.tokens[0]!;
    p.rolesByFirst.set(first, [...(p.rolesByFirst.get(first) ?? []), r]);
  }
  const firstWords = (phrases: string[]) => phrases.map((ph) => ph.split(/\s+/)[0]!).flatMap((w) => [w, fold(w)]);
  p.starters = new Set([
    ...firstWords(Object.values(lex.entityAliases).flat()),
    ...firstWords(lex.rolePatterns.map((r) => r.pattern)),
    ...firstWords(Object.values(lex.nationalities).flat()),
    ...firstWords(lex.anaphors),
    ...lex.pronouns.map((x) => x.form), ...lex.objectPronouns.map((x) => x.form), ...lex.titles.map((x) => x.form),
    ...lex.determiners, ...lex.groupNouns, ...lex.organisationWords,
  ].map((w) => w.toLowerCase()));
  cache.set(lex, p);
  return p;
}

/** Language-neutral key of a name: diacritics, this language's spelling habits, y/i, double letters. */
export function nameKey(name: string, lex: Lexicon): string {
  let k = fold(name).replace(/['’]s$/u, '');
  for (const [a, b] of prepare(lex).translit) k = k.split(a).join(b);
  return k.replace(/y/g, 'i').replace(/(\p{L})\1/gu, '$1').replace(/e\b/g, '').replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A name's keys under every language's spelling habits, so one written in French meets the
 * same name written in English (Sergueï Lavrov / Sergey Lavrov) wherever it was seen first.
 */
export function nameKeys(name: string): string[] {
  const keys = allLexicons().map((lex) => {
    let k = fold(name).replace(/['’]s$/u, '');
    for (const [a, b] of prepare(lex).translit) k = k.split(a).join(b);
    // Unlike nameKey, a final "e" stays: across a whole newsroom's archive Jean and Jeanne differ.
    return k.replace(/y/g, 'i').replace(/(\p{L})\1/gu, '$1').replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  });
  return [...new Set(keys.filter(Boolean))];
}

function possessiveless(raw: string): string {
  return raw.replace(/['’]s$/u, '').replace(/['’]$/u, '');
}

export interface MentionContext {
  /** Words seen capitalised in mid-sentence somewhere in the article: evidence of a proper name. */
  properNouns: Set<string>;
  /** Is the token at this index inside a quotation? */
  inQuote: (t: Token) => boolean;
  /** Is the token a verb the attribution knows (so "the American said" reads "American" as a noun)? */
  isVerb: (tokens: Token[], i: number) => boolean;
}

function matchRole(tokens: Token[], i: number, p: Prepared): { end: number; role: RoleInfo } | null {
  // A nationality may stand before or after any role noun ("Kenyan sprinter", "sprinteuse kényane").
  const before = p.nationality.match(tokens, i);
  if (before) {
    const inner = matchBareRole(tokens, before.end, p);
    if (inner && !inner.role.country) return { end: inner.end, role: { ...inner.role, country: before.value } };
  }
  const bare = matchBareRole(tokens, i, p);
  if (!bare) return null;
  let { end } = bare;
  const role = { ...bare.role };
  const after = !role.country ? p.nationality.match(tokens, end) : null;
  if (after) {
    role.country = after.value;
    end = after.end;
  }
  // A portfolio: "ministre du Logement", "Minister for Health", "ministre de la Santé Karine
  // Holt". Two capitalised words alone after the preposition are someone else's name ("l'avocat
  // de Tom Reilly"); from three on, the last two are the holder's.
  const prep = tokens[end];
  if (prep && p.prepositions.has(prep.low)) {
    let q = end + 1;
    if (tokens[q] && p.determiners.has(tokens[q]!.low) && tokens[q + 1]?.cap) q++;
    let n = 0;
    while (tokens[q + n]?.cap && tokens[q + n]!.kind === 'word') n++;
    if (n > 0 && !p.countries.match(tokens, q) && !p.known.match(tokens, q)) {
      if (n === 1) end = q + 1;
      else if (n >= 3) end = q + n - 2;
    }
  }
  return { end, role };
}

function matchBareRole(tokens: Token[], i: number, p: Prepared): { end: number; role: RoleInfo } | null {
  const t = tokens[i];
  if (!t) return null;
  const byWord = p.rolesByFirst.get(t.fold);
  // Patterns opening on any word ("* minister") only where their second word follows: most
  // tokens then need no candidate list at all.
  const starred = p.rolesByFirst.get('*');
  const second = tokens[i + 1]?.fold;
  let any: typeof starred;
  if (starred) for (const r of starred) if (r.tokens[1] === second || r.tokens[1] === '*' || r.tokens[1] === '{nat}') (any ??= []).push(r);
  const natHere = p.nationalityWords.has(t.fold) || !!p.countries.match(tokens, i) || (p.determiners.has(t.low) && !!tokens[i + 1] && (p.nationalityWords.has(tokens[i + 1]!.fold) || !!p.countries.match(tokens, i + 1)));
  if (!byWord && !any && !natHere) return null;
  const candidates = [...(byWord ?? []), ...(any ?? []), ...(natHere ? p.rolesByFirst.get('{nat}') ?? [] : [])];
  if (candidates.length > 1) candidates.sort((a, b) => b.tokens.length - a.tokens.length);
  for (const r of candidates) {
    let j = i;
    let country: string | undefined;
    let ok = true;
    for (const want of r.tokens) {
      const t = j < tokens.length ? tokens[j] : undefined;
      if (!t) { ok = false; break; }
      if (want === '{nat}') {
        // Optional article before a country name: "president of the United States".
        let k = j;
        if (p.determiners.has(tokens[k]!.low) && tokens[k + 1]) k++;
        const nat = p.nationality.match(tokens, k) ?? p.countries.match(tokens, k);
        if (!nat) { ok = false; break; }
        country = nat.value;
        j = nat.end;
        continue;
      }
      if (want !== '*' && t.fold !== want) { ok = false; break; }
      j++;
    }
    if (ok && j > i) return { end: j, role: { office: r.office, country, gender: r.gender } };
  }
  return null;
}

const OPENERS = /^[«“"(‘'—–-]$/u;

/** "Ukraine's air force", "the country's civil protection agency": right after a possessor. */
function afterPossessive(tokens: Token[], i: number): boolean {
  return (i > 0 && isPossessiveMark(tokens[i - 1]!.raw)) || (i > 1 && isPossessiveMark(tokens[i - 2]!.raw) && tokens[i - 1]!.kind === 'word' && !tokens[i - 1]!.cap);
}

/** "'s", "'", "’s", "’": the mark of a possessive, as the tokenizer leaves it. */
function isPossessiveMark(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return (c === 39 || c === 0x2019) && (raw.length === 1 || (raw.length === 2 && raw[1] === 's'));
}

function nameToken(p: Prepared, ctx: MentionContext, t: Token | undefined, first: boolean): boolean {
  if (!t || t.kind !== 'word' || (!t.cap && !particleName(p, t))) return false;
  if (p.functionWords.has(t.fold) || p.nationalityWords.has(t.fold)) return false;
  if (p.titles.has(t.low)) return false;
  // A lone letter is an initial inside a name, not a name ("l'échantillon B").
  if (t.raw.length < 3 && t.raw.replace(/\./g, '').length < 2) return false;
  // A capitalised word opening a sentence is a name only if the article capitalises it elsewhere.
  if (first && !ctx.properNouns.has(t.fold.replace(/'s?$/u, ''))) return false;
  return true;
}

/** "al-Khatib", "ben-Ali": a name behind a particle that is one of the language's name connectors. */
function particleName(p: Prepared, t: Token): boolean {
  const dash = t.raw.indexOf('-');
  if (dash < 1 || dash > 3) return false;
  const c = t.raw.charCodeAt(dash + 1);
  return c >= 65 && c <= 90 && p.connectors.has(t.low.slice(0, dash));
}

// Every mention is built with the same fields in the same order, so the engine keeps one
// object shape for all of them (mentions are the hottest objects of the pipeline).
function mk(base: { afterPreposition: boolean; inQuote: boolean }, f: Partial<Mention> & Pick<Mention, 'i' | 'j' | 'start' | 'end' | 'type' | 'text'>): Mention {
  return {
    i: f.i, j: f.j, start: f.start, end: f.end, type: f.type, text: f.text,
    knownKey: f.knownKey, name: f.name, role: f.role, gender: f.gender, plural: f.plural, titled: f.titled,
    afterPreposition: f.afterPreposition ?? base.afterPreposition, country: f.country, head: f.head,
    inQuote: f.inQuote ?? base.inQuote, acronym: f.acronym, neuter: f.neuter, possessor: f.possessor,
    apposition: f.apposition, descriptor: f.descriptor, entity: undefined,
  };
}

/** Mentions of entities in one sentence, left to right, without overlaps. */
export function findMentions(tokens: Token[], lex: Lexicon, ctx: MentionContext): Mention[] {
  const p = prepare(lex);
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // Most tokens are ordinary lowercase words that start no mention: skip them at once.
    if (!t.cap && t.kind !== 'num' && !p.starters.has(t.fold) && (t.low === t.fold || !p.starters.has(t.low))) {
      i++;
      continue;
    }
    const prev = tokens[i - 1];
    let det = 0;
    if (p.determiners.has(t.low) && tokens[i + 1]) det = 1;
    const at = i + det;
    // "de la Santé": an article may stand between the preposition and the name.
    const afterPreposition = !!(prev && p.prepositions.has(prev.low)) || !!(det && prev && p.prepositions.has(prev.low)) ||
      !!(prev && p.determiners.has(prev.low) && tokens[i - 2] && p.prepositions.has(tokens[i - 2]!.low));
    const base = { afterPreposition, inQuote: ctx.inQuote(t) };

    // Known institutions and countries ("Maison Blanche", "the White House").
    const known = p.known.match(tokens, at);
    const roleFirst = known ? matchRole(tokens, at, p) : null;
    if (known && !(roleFirst && roleFirst.end > known.end) && !(known.end === at + 1 && !tokens[at]!.cap && tokens[at]!.raw.length <= 3)) {
      const last = tokens[known.end - 1]!;
      const next = tokens[known.end];
      // "the White House tenant": the institution is an adjective of a longer noun phrase; still the institution.
      void next;
      // "the European Union observer mission", "the UN refugee agency": an institution naming a
      // body of its own, whose noun follows after at most two lowercase words.
      let head = -1;
      for (let k = known.end; k < Math.min(known.end + 3, tokens.length); k++) {
        const w = tokens[k]!;
        if (w.kind !== 'word' || w.cap || p.prepositions.has(w.low) || p.determiners.has(w.low) || ctx.isVerb(tokens, k)) break;
        if (p.orgWords.has(w.fold) || p.groupNouns.has(w.fold)) {
          head = k;
          break;
        }
      }
      if (head >= 0 && !p.documents.has(tokens[head]!.low)) {
        const gm = mk(base, { i, j: head + 1, start: t.s, end: tokens[head]!.e, type: 'group', text: slice(tokens, i, head + 1), head: tokens[head]!.fold, name: slice(tokens, at, head + 1), plural: false });
        out.push(gm);
        i = gm.j;
        continue;
      }
      const km: Mention = mk(base, { i, j: known.end, start: t.s, end: last.e, type: 'known', text: slice(tokens, i, known.end), knownKey: known.value });
      withAcronym(km, tokens);
      out.push(km);
      i = km.j;
      continue;
    }

    // Role nouns, with the name that often follows ("le ministre russe des Affaires étrangères Sergueï Lavrov").
    const role = matchRole(tokens, at, p);
    if (role) {
      let j = role.end;
      let k = j;
      while (nameToken(p, ctx, tokens[k], false)) k++;
      const gender = role.role.gender;
      if (k > j) {
        out.push(mk(base, { i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, j, k), role: { ...role.role, gender }, gender }));
        i = k;
      } else {
        out.push(mk(base, { i, j, start: t.s, end: tokens[j - 1]!.e, type: 'role', text: slice(tokens, i, j), role: { ...role.role, gender }, gender }));
        i = j;
      }
      continue;
    }

    // Titles ("Mr. Pompeo", "M. Dupont").
    if (p.titles.has(t.low) && nameToken(p, ctx, tokens[i + 1], false)) {
      let k = i + 1;
      while (nameToken(p, ctx, tokens[k], false)) k++;
      out.push(mk(base, { i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, i + 1, k), titled: true, gender: p.titles.get(t.low) }));
      i = k;
      continue;
    }

    // Proper names: runs of capitalised words, joined by connectors ("Bank of England", "Conseil d'Etat").
    const opening = i === 0 || (i === 1 && OPENERS.test(tokens[0]!.raw));
    // Two capitalised words opening a sentence are a name even if the article never repeats the first ("Nova Pharma said").
    const descriptive = p.orgWords.has(t.fold) || p.groupNouns.has(t.fold);
    // So are a first name and a family name joined by a particle ("Dominique de Villiers").
    if (nameToken(p, ctx, t, opening) || (opening && !descriptive && nameToken(p, ctx, t, false) && (nameToken(p, ctx, tokens[i + 1], false) ||
      (!!tokens[i + 1] && p.connectors.has(tokens[i + 1]!.low) && nameToken(p, ctx, tokens[i + 2], false) && ctx.properNouns.has(tokens[i + 2]!.fold)) ||
      (!!tokens[i + 2] && p.connectors.has(tokens[i + 1]!.low) && p.connectors.has(tokens[i + 2]!.low) && nameToken(p, ctx, tokens[i + 3], false) && ctx.properNouns.has(tokens[i + 3]!.fold))))) {
      let k = i + 1;
      for (;;) {
        if (/['’]s$/u.test(tokens[k - 1]!.raw)) break;
        if (nameToken(p, ctx, tokens[k], false)) k++;
        else if (tokens[k] && p.connectors.has(tokens[k]!.low) && nameToken(p, ctx, tokens[k + 1], false)) k += 2;
        // "Anna van der Berg": two particles in a row.
        else if (tokens[k] && tokens[k + 1] && p.connectors.has(tokens[k]!.low) && p.connectors.has(tokens[k + 1]!.low) && nameToken(p, ctx, tokens[k + 2], false)) k += 3;
        else break;
      }
      // "Conseil constitutionnel", "Banque centrale européenne": an organisation's name may go on in lowercase adjectives.
      if (p.orgWords.has(tokens[k - 1]!.fold)) {
        while (tokens[k] && tokens[k]!.kind === 'word' && !tokens[k]!.cap && p.adjectiveSuffixes.some((suf) => tokens[k]!.fold.endsWith(suf) && tokens[k]!.fold.length > suf.length + 2)) k++;
        // "Agence régionale de santé", "Office national des forêts": a lowercase complement closing
        // the name, right before a verb or a punctuation mark.
        const of = tokens[k];
        const noun = tokens[k + 1];
        const after = tokens[k + 2];
        if (k > i + 1 && of && noun && p.connectors.has(of.low) && noun.kind === 'word' && !noun.cap && !p.determiners.has(noun.low) && !p.prepositions.has(noun.low) && !ctx.isVerb(tokens, k + 1) && (!after || after.kind === 'punct' || ctx.isVerb(tokens, k + 2))) k += 2;
      }
      const m: Mention = mk(base, { i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, i, k) });
      withAcronym(m, tokens);
      out.push(m);
      i = m.j;
      continue;
    }

    // "selon lui", "according to her": an object pronoun standing for the source.
    const obj = p.objectPronouns.get(t.low);
    if (obj && !base.inQuote && prev && p.sourceMarkers.has(prev.low)) {
      out.push(mk(base, { afterPreposition: false, i, j: i + 1, start: t.s, end: t.e, type: 'pronoun', text: t.raw, gender: obj.gender, plural: obj.plural }));
      i++;
      continue;
    }
    // Pronouns and anaphors ("he", "il", "ce dernier"), outside quotations where "he" is the speaker's own word.
    const pr = p.pronouns.get(t.low);
    if (pr && !base.inQuote) {
      out.push(mk(base, { i, j: i + 1, start: t.s, end: t.e, type: 'pronoun', text: t.raw, gender: pr.gender, plural: pr.plural, neuter: pr.neuter }));
      i++;
      continue;
    }
    const ana = p.anaphors.match(tokens, i);
    if (ana && !base.inQuote) {
      out.push(mk(base, { i, j: ana.end, start: t.s, end: tokens[ana.end - 1]!.e, type: 'anaphor', text: slice(tokens, i, ana.end) }));
      i = ana.end;
      continue;
    }

    // A group needs no article where news copy drops it: opening a sentence ("Analysts at one bank
    // estimated…"), before its verb ("…, police said"), after "according to"; one modifier may
    // stand before it ("fire officials", "health authorities").
    // A plural noun no list names, right before a verb of saying: "Seismologists warned that…".
    if (!det && t.kind === 'word' && (i === 0 ? t.cap : !t.cap) && /s$/u.test(t.fold) && t.fold.length > 4 && !p.functionWords.has(t.fold) && !p.groupNouns.has(t.fold) &&
      (i === 0 || tokens[i - 1]!.kind === 'punct') && ctx.isVerb(tokens, i + 1) && (!p.aux.has(tokens[i + 1]!.low) || ctx.isVerb(tokens, i + 2))) {
      out.push(mk(base, { i, j: i + 1, start: t.s, end: t.e, type: 'group', text: t.raw, head: t.fold, name: t.raw.toLowerCase(), plural: true }));
      i++;
      continue;
    }
    if (!det && (i === 0 ? t.cap : !t.cap) && (p.groupNouns.has(t.fold) || (p.orgWords.has(t.fold) && afterPossessive(tokens, i)))) {
      const plural = /s$/u.test(t.fold);
      const before = tokens[i - 1];
      const modifier = !!before && before.kind === 'word' && (!before.cap || i === 1) && !(out.length && out[out.length - 1]!.j > i - 1) && !p.functionWords.has(before.fold) && !p.determiners.has(before.low) && !p.prepositions.has(before.low) && !ctx.isVerb(tokens, i - 1);
      const from = modifier ? i - 1 : i;
      const lead = tokens[from - 1];
      const placed = from === 0 || lead?.kind === 'punct' || (!!lead && p.sourceMarkers.has(lead.low));
      const next = tokens[i + 1];
      if (placed && ((i === 0 && plural) || ctx.isVerb(tokens, i + 1) || (i > 0 && (!next || next.kind === 'punct')))) {
        const first = tokens[from]!;
        out.push(mk(base, { i: from, j: i + 1, start: first.s, end: t.e, type: 'group', text: slice(tokens, from, i + 1), head: t.fold, name: slice(tokens, from, i + 1).toLowerCase(), plural: plural && !p.orgWords.has(t.fold) }));
        i++;
        continue;
      }
    }
    if (det && (p.determiners.has(tokens[at]!.low) || nameToken(p, ctx, tokens[at], false))) {
      // Two articles in a row, or an article before a proper name: the next token starts the mention.
      i++;
      continue;
    }
    // Nationality nouns: "the American said", "l'Américain a déclaré".
    if (det) {
      const nat = p.nationality.match(tokens, at);
      if (nat && (ctx.isVerb(tokens, nat.end) || !tokens[nat.end] || tokens[nat.end]!.kind === 'punct')) {
        out.push(mk(base, { i, j: nat.end, start: t.s, end: tokens[nat.end - 1]!.e, type: 'nationality', text: slice(tokens, i, nat.end), country: nat.value }));
        i = nat.end;
        continue;
      }
      // Groups: a determiner, up to two modifiers, a group noun ("the trumpiste camp", "several experts").
      let group: Mention | null = null;
      // A possessive lengthens the phrase: "the country's civil protection agency".
      let reach = 4;
      for (let k = at + 1; k < at + 3 && k < tokens.length; k++) if (tokens[k]!.kind === 'punct' && isPossessiveMark(tokens[k]!.raw)) reach = 6;
      for (let k = at; k < Math.min(at + reach, tokens.length); k++) {
        const w = tokens[k]!;
        // "the pilots' union": a plural possessive inside the group's name.
        if (w.kind === 'punct' && /^['’]s?$/u.test(w.raw) && k > at) continue;
        if (w.kind !== 'word') break;
        // Only modifiers stand between the article and the noun: no preposition, article or name.
        if (k > at && (p.prepositions.has(w.low) || p.determiners.has(w.low) || (w.cap && !p.orgWords.has(w.fold) && !p.groupNouns.has(w.fold)))) break;
        if (p.groupNouns.has(w.fold) || p.orgWords.has(w.fold)) {
          // "la fédération kényane", "the Kenyan federation": the nationality belongs to the group;
          // "une association de parents": so does a complement naming its members.
          // "la banque centrale": adjectives after the noun belong to it.
          let after = k + 1;
          while (tokens[after] && tokens[after]!.kind === 'word' && !tokens[after]!.cap && !p.nationalityWords.has(tokens[after]!.fold) && p.adjectiveSuffixes.some((suf) => tokens[after]!.fold.endsWith(suf) && tokens[after]!.fold.length > suf.length + 2)) after++;
          const nat = p.nationality.match(tokens, after);
          let end = nat ? nat.end : after;
          const of = tokens[end];
          const member = tokens[end + 1];
          if (!nat && of && member && p.connectors.has(of.low) && member.kind === 'word' && !member.cap && !p.determiners.has(member.low) && /s$/u.test(member.fold)) end += 2;
          else if (of && p.connectors.has(of.low)) {
            // "l'armée de l'air ukrainienne a affirmé", "le ministère de la Santé a recensé": a
            // complement of up to three words belongs to the subject when its verb follows.
            let e = end + 1;
            if (tokens[e] && p.determiners.has(tokens[e]!.low)) e++;
            const from = e;
            // An elided word ("n'") opens the predicate, not the complement.
            while (e - from < 3 && tokens[e] && tokens[e]!.kind === 'word' && !/['’]$/u.test(tokens[e]!.raw) && !p.prepositions.has(tokens[e]!.low) && !p.determiners.has(tokens[e]!.low) && !ctx.isVerb(tokens, e)) e++;
            if (e > from && (!tokens[e] || ctx.isVerb(tokens, e) || (tokens[e]!.kind === 'punct' && /^[,.;!?]$/u.test(tokens[e]!.raw)))) end = e;
          }
          group = mk(base, { i, j: end, start: t.s, end: tokens[end - 1]!.e, type: 'group', text: slice(tokens, i, end), head: w.fold, name: slice(tokens, at, end), plural: /s$/u.test(w.fold) && w.fold.length > 4 && !p.orgWords.has(w.fold), country: nat?.value });
          break;
        }
      }
      if (group) {
        out.push(group);
        i = group.j;
        continue;
      }
      // "Les urgentistes tirent la sonnette d'alarme": a plural noun no list names, right before a verb of saying.
      const w = tokens[at]!;
      if (w.kind === 'word' && !w.cap && /[sx]$/u.test(w.fold) && w.fold.length > 4 && !p.functionWords.has(w.fold) &&
        ctx.isVerb(tokens, at + 1) && (!p.aux.has(tokens[at + 1]!.low) || ctx.isVerb(tokens, at + 2))) {
        out.push(mk(base, { i, j: at + 1, start: t.s, end: w.e, type: 'group', text: slice(tokens, i, at + 1), head: w.fold, name: w.raw.toLowerCase(), plural: true }));
        i = at + 1;
        continue;
      }
    }
    i++;
  }
  for (const m of out) {
    if (/^['’]s?$/u.test(tokens[m.j]?.raw ?? '')) m.possessor = true;
    if (m.type === 'name') {
      // "Carmaker Halvorsen Motors", "le laboratoire pharmaceutique Vireon": the noun names what it is.
      for (const k of [m.i - 1, m.i - 2]) {
        const w = tokens[k];
        if (w && w.kind === 'word' && (p.orgWords.has(w.fold) || p.groupNouns.has(w.fold))) {
          m.descriptor = w.fold;
          break;
        }
      }
    }
  }
  // "Son entraîneur, Peter Otieno, a confirmé", "Mike Pompeo, the secretary of state, said": the
  // role and the name set side by side by a comma are one mention of the named person.
  const merged: Mention[] = [];
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1];
    const comma = b && b.i === a.j + 1 && tokens[a.j]?.raw === ',';
    const closes = b && (!tokens[b.j] || tokens[b.j]!.kind === 'punct' || ctx.isVerb(tokens, b.j));
    if (comma && closes && a.type === 'role' && b.type === 'name' && !b.role) {
      merged.push(mk(b, { ...b, i: a.i, start: a.start, role: a.role, gender: b.gender ?? a.gender, apposition: true, afterPreposition: a.afterPreposition }));
      k++;
    } else if (comma && closes && a.type === 'name' && !a.role && b.type === 'role' && (!tokens[b.j] || tokens[b.j]!.raw === ',')) {
      merged.push(mk(a, { ...a, j: b.j, end: b.end, role: b.role, gender: a.gender ?? b.gender, apposition: true }));
      k++;
    } else {
      merged.push(a);
    }
  }
  return merged;
}

// "Athletics Integrity Unit (AIU)", "l'Unité d'intégrité de l'athlétisme (AIU)": the bracketed
// acronym names the same body, and the lowercase words before it belong to the name.
function withAcronym(m: Mention, tokens: Token[]): void {
  for (let k = m.j; k < Math.min(m.j + 7, tokens.length); k++) {
    const t = tokens[k]!;
    if (t.raw === '(') {
      const acr = tokens[k + 1];
      if (acr && tokens[k + 2]?.raw === ')' && /^\p{Lu}[\p{Lu}\p{N}&.-]{1,7}$/u.test(acr.raw)) {
        m.acronym = acr.raw.replace(/\./g, '');
        if (k > m.j) {
          m.name = tokens.slice(m.i, k).map((x) => x.raw).join(' ').replace(/(['’])\s+/g, '$1').replace(/^\S+['’]/u, '');
          m.text = m.name;
        }
        m.end = tokens[k + 2]!.e;
        m.j = k + 3;
      }
      return;
    }
    if (t.kind !== 'word' || t.cap) return;
  }
}

// The surface of a mention: the original text between its first and last token.
function slice(tokens: Token[], i: number, j: number): string {
  const a = tokens[i]!;
  const b = tokens[j - 1]!;
  const raw = i === j - 1 ? a.raw : a.raw + spanText(tokens, i, j);
  return possessiveless(raw);
}

function spanText(tokens: Token[], i: number, j: number): string {
  let out = '';
  for (let k = i + 1; k < j; k++) out += (tokens[k]!.s > tokens[k - 1]!.e ? ' ' : '') + tokens[k]!.raw;
  return out;
}

function names(tokens: Token[], i: number, j: number): string {
  return tokens.slice(i, j).map((t) => possessiveless(t.raw)).join(' ');
}

/** The entities of one article, resolved mention by mention in reading order. */
export class Discourse {
  readonly entities = new Map<string, Entity>();
  /** Role-only entities later found to be a named person ("its governor" … "Governor Adam Wrona"). */
  private merged = new Map<Entity, Entity>();
  /** Reading history: which entity each resolved mention pointed to, by sentence. */
  private history: { sentence: number; entity: Entity; type: MentionType; speaker: boolean; plural?: boolean; possessor?: boolean }[] = [];

  /** nameKey() of the names met in this article: the same names come back sentence after sentence. */
  private keys = new Map<string, string>();

  constructor(private lex: Lexicon) {}

  private nameKey(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) this.keys.set(name, (k = nameKey(name, this.lex)));
    return k;
  }

  private upsert(key: string, init: () => Entity): Entity {
    let e = this.entities.get(key);
    if (!e) {
      const f = init();
      // One field order and set for every entity: one object shape, so optimised code stays valid.
      e = { key: f.key, name: f.name, kind: f.kind, aliases: f.aliases, descriptors: f.descriptors, seen: f.seen, gender: f.gender, country: f.country, offices: f.offices };
      this.entities.set(key, e);
    }
    return e;
  }

  private personByName(name: string): Entity {
    const parts = name.split(/\s+/).filter(Boolean);
    const surname = parts[parts.length - 1] ?? name;
    const key = `person:${this.nameKey(surname)}`;
    const e = this.upsert(key, () => ({ key, name, kind: 'person', aliases: [], offices: [] }));
    if (parts.length > e.name.split(/\s+/).length) e.name = name;
    if (!e.aliases.includes(name)) e.aliases.push(name);
    return e;
  }

  private recent(sentence: number, ok: (e: Entity) => boolean, lookback = 6): Entity | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (sentence - h.sentence > lookback) break;
      if (ok(h.entity)) return h.entity;
    }
    return null;
  }

  /** The entity an entity was merged into, if any. */
  canonical(e: Entity): Entity {
    let x = e;
    while (this.merged.has(x)) x = this.merged.get(x)!;
    return x;
  }

  /** Resolve one mention; `speaker` marks a mention that is the speaker of a claim. */
  resolve(m: Mention, sentence: number, speaker = false, before?: Entity[]): Entity | null {
    const e = this.find(m, sentence, before);
    m.entity = e;
    if (e) {
      if (m.role) {
        if (!e.offices.includes(m.role.office)) e.offices.push(m.role.office);
        if (m.role.country && !e.country && e.kind === 'person') e.country = m.role.country;
        if (m.type === 'name' && e.kind === 'person') {
          // A role named before its holder: "its governor warned…" then "Governor Adam Wrona".
          for (const other of this.entities.values()) {
            if (other !== e && other.key.startsWith(`role:${m.role.office}`) && !this.merged.has(other) && (!other.country || !m.role.country || other.country === m.role.country)) {
              this.merged.set(other, e);
              for (const a of other.aliases) if (!e.aliases.includes(a)) e.aliases.push(a);
            }
          }
        }
      }
      if (m.gender && !e.gender && e.kind === 'person') e.gender = m.gender;
      if (m.type !== 'pronoun' && m.type !== 'anaphor' && !e.aliases.includes(m.text) && m.text.length < 80) e.aliases.push(m.text);
      if (m.type === 'name' || m.type === 'known') e.seen = (e.seen ?? 0) + 1;
      if (m.descriptor) (e.descriptors ??= []).includes(m.descriptor) || e.descriptors.push(m.descriptor);
      this.history.push({ sentence, entity: e, type: m.type, speaker, plural: m.plural, possessor: m.possessor });
    }
    return e;
  }

  /** Mark an already-resolved entity as speaker of the current sentence (pronouns prefer speakers). */
  noteSpeaker(e: Entity, sentence: number): void {
    this.history.push({ sentence, entity: e, type: 'name', speaker: true, plural: undefined, possessor: undefined });
  }

  private find(m: Mention, sentence: number, before?: Entity[]): Entity | null {
    const lex = this.lex;
    switch (m.type) {
      case 'known': {
        const key = m.knownKey!;
        const g = gazetteer[key];
        return this.upsert(key, () => ({ key, name: g?.name ?? m.text, kind: g?.kind ?? 'organisation', aliases: [], offices: [], country: g?.country }));
      }
      case 'name': {
        const name = m.name ?? m.text;
        const parts = name.split(/\s+/);
        if (m.acronym) {
          const key = `org:${m.acronym.toLowerCase()}`;
          const e = this.upsert(key, () => ({ key, name, kind: 'organisation', aliases: [], offices: [] }));
          if (!e.aliases.includes(m.acronym)) e.aliases.push(m.acronym);
          return e;
        }
        if (parts.length === 1) {
          // An acronym given earlier, or the short form of an organisation already named ("Halvorsen").
          const byAcronym = this.entities.get(`org:${fold(name)}`);
          if (byAcronym) return byAcronym;
          const f = fold(name);
          for (const e of this.entities.values()) {
            if (e.kind === 'organisation' && !e.key.startsWith('country:') && fold(e.name).split(/\s+/)[0] === f && e.name.includes(' ')) return e;
          }
        }
        const isOrg = parts.some((w) => prepare(lex).orgWords.has(fold(w)));
        if (isOrg) {
          const key = `org:${this.nameKey(name).replace(/\s+/g, '-')}`;
          return this.upsert(key, () => ({ key, name, kind: 'organisation', aliases: [], offices: [] }));
        }
        // A lone word is someone already named ("Lavrov", "Mr. Pompeo"), or a new person only with a title or role.
        if (parts.length === 1 && !m.titled && !m.role) {
          const key = `person:${this.nameKey(name)}`;
          const known = this.entities.get(key);
          if (known) return known;
          const okey = `org:${this.nameKey(name).replace(/\s+/g, '-')}`;
          // A lone unknown name after a preposition is most often a place ("à Eugene", "in Nairobi").
          return this.upsert(okey, () => ({ key: okey, name, kind: m.afterPreposition ? 'place' : 'organisation', aliases: [], offices: [] }));
        }
        return this.personByName(name);
      }
      case 'role': {
        const r = m.role!;
        const fits = (e: Entity) =>
          e.kind === 'person' &&
          (e.offices.includes(r.office) || e.offices.some((o) => officeParents[o]?.includes(r.office))) &&
          (!r.country || !e.country || e.country === r.country) &&
          (!r.gender || !e.gender || e.gender === r.gender);
        const strict = (e: Entity) => fits(e) && (!r.country || e.country === r.country);
        const found = this.recent(sentence, strict, 40) ?? this.recent(sentence, fits, 8);
        if (found) return found;
        const key = `role:${r.office}${r.country ? `:${r.country}` : ''}`;
        return this.upsert(key, () => ({ key, name: m.text.replace(/^\S+\s+/u, (w) => (prepare(lex).determiners.has(w.trim().toLowerCase()) ? '' : w)), kind: 'person', aliases: [], offices: [r.office], country: r.country, gender: r.gender }));
      }
      case 'nationality':
        return this.recent(sentence, (e) => e.kind === 'person' && e.country === m.country, 12);
      case 'pronoun': {
        if (m.neuter) {
          const org = (e: Entity) => e.kind === 'organisation' || e.kind === 'group' || e.kind === 'outlet';
          if (before) for (let k = before.length - 1; k >= 0; k--) if (org(before[k]!) && !before[k]!.key.startsWith('country:')) return before[k]!;
          for (let s = sentence - 1; s >= sentence - 2; s--) {
            const inS = this.history.filter((h) => h.sentence === s && org(h.entity) && !h.entity.key.startsWith('country:'));
            const pick = inS.filter((h) => h.speaker).pop() ?? inS[0];
            if (pick) return pick.entity;
          }
          return null;
        }
        const compatible = (e: Entity) =>
          (m.plural ? e.kind !== 'person' || false : e.kind === 'person') && (!m.gender || !e.gender || e.gender === m.gender || !!m.plural);
        if (m.plural) return this.recent(sentence, (e) => (e.kind === 'group' || e.kind === 'organisation') , 3);
        // Agreement in gender, where it is known, outweighs recency: first candidates whose gender
        // matches, then those whose gender is unknown. Within each: someone named earlier in the
        // same sentence ("Trump said he…"), then the previous sentence's speaker, then the last
        // person named there, then further back.
        const passes: ((e: Entity) => boolean)[] = m.gender
          ? [(e) => compatible(e) && e.gender === m.gender, compatible]
          : [compatible];
        const inSentence = (s: number, ok: (e: Entity) => boolean) => {
          // Possessors ("Lavrov's visit") are less likely antecedents than subjects and objects.
          const inS = this.history.filter((h) => h.sentence === s && ok(h.entity));
          const main = inS.filter((h) => !h.possessor);
          const sp = main.filter((h) => h.speaker);
          return (sp[sp.length - 1] ?? main[main.length - 1] ?? inS[inS.length - 1])?.entity;
        };
        // The current and previous sentences first (agreeing gender before unknown gender), then further back.
        for (const ok of passes) {
          if (before) for (let k = before.length - 1; k >= 0; k--) if (ok(before[k]!)) return before[k]!;
          const prev = inSentence(sentence - 1, ok);
          if (prev) return prev;
        }
        for (let s = sentence - 2; s >= sentence - 4; s--) {
          for (const ok of passes) {
            const e = inSentence(s, ok);
            if (e) return e;
          }
        }
        // Further back, a person who agrees is still a better reading than nobody: a pronoun
        // before a verb of saying names someone ("She later told reporters…").
        for (const ok of passes) {
          for (let s = sentence - 5; s >= sentence - 12 && s >= 0; s--) {
            const e = inSentence(s, ok);
            if (e) return e;
          }
        }
        return null;
      }
      case 'anaphor':
        return this.recent(sentence, (e) => e.kind === 'person', 3);
      case 'group': {
        const head = m.head ?? '';
        if (prepare(lex).orgWords.has(head) && !m.plural) {
          // "the company", "le tribunal", "the safety agency": the organisation named last, preferring
          // one whose name shares a word with the phrase. With modifiers, only such a one.
          const words = fold(m.name ?? '').split(/\s+/).filter((w) => w.length > 3);
          const modified = words.length > 1;
          // Nouns naming the same kind of body match across wording and language ("airline" / "carrier").
          const same = (a: string, b: string) => a === b || (!!conceptOfWord(a, lex) && conceptOfWord(a, lex) === conceptOfWord(b, lex));
          // A body named before by a longer phrase counts too: "la direction" after "la direction de l'entreprise".
          const byWord = this.recent(sentence, (e) => (e.kind === 'organisation' || (e.kind === 'group' && fold(e.name).split(/\s+/)[0] === words[0])) && !e.key.startsWith('country:') && words.some((w) => fold(e.name).split(/\s+/).includes(w) || !!e.descriptors?.some((d) => same(w, d))), 10);
          // An organisation the article is about: named in full, by acronym, known, or named more than once.
          const substantial = (e: Entity) => e.kind === 'organisation' && !e.key.startsWith('country:') && (e.name.includes(' ') || e.aliases.some((a) => /^\p{Lu}{2,}$/u.test(a)) || !!gazetteer[e.key] || (e.seen ?? 0) >= 2 || !!e.descriptors?.length);
          // Otherwise the organisation named last, unless the text called it something else ("the union" is not "the carrier").
          const any = byWord ?? (modified ? null : this.recent(sentence, (e) => substantial(e) && !e.descriptors?.length, 5));
          if (any) return any;
        }
        const name = (m.name ?? m.text).trim();
        const key = `group:${this.nameKey(name).replace(/\s+/g, '-')}`;
        return this.upsert(key, () => ({ key, name, kind: 'group', aliases: [], offices: [], country: m.country }));
      }
    }
  }

  countryEntity(code: string): Entity {
    const key = `country:${code}`;
    const g = gazetteer[key];
    return this.upsert(key, () => ({ key, name: g?.name ?? code, kind: 'country', aliases: [], offices: [], country: code }));
  }
}
