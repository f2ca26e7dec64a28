// Entities: who is named in a sentence (names, known institutions, role nouns, pronouns,
// nationality nouns, groups) and which entity each mention points to, across the article.
// Names are keyed so that spellings and transliterations meet (Sergueï / Sergei / Sergey).
import { gazetteer, officeParents, type EntityKind } from './lexicons/gazetteer.ts';
import type { Gender, Lexicon } from './lexicons/types.ts';
import { fold, PhraseIndex, wordSet, type Token } from './text.ts';

export interface Entity {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
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
  entity?: Entity | null;
}

interface Prepared {
  known: PhraseIndex<string>;
  roles: { tokens: string[]; office: string; gender?: Gender }[];
  nationality: PhraseIndex<string>;
  countries: PhraseIndex<string>;
  pronouns: Map<string, { gender?: Gender; plural?: boolean }>;
  anaphors: PhraseIndex<true>;
  titles: Map<string, Gender | undefined>;
  determiners: Set<string>;
  prepositions: Set<string>;
  functionWords: Set<string>;
  orgWords: Set<string>;
  groupNouns: Set<string>;
  translit: [string, string][];
}

const cache = new WeakMap<Lexicon, Prepared>();
export function prepare(lex: Lexicon): Prepared {
  let p = cache.get(lex);
  if (p) return p;
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
    pronouns: new Map(lex.pronouns.map((pr) => [pr.form, { gender: pr.gender, plural: pr.plural }])),
    titles: new Map(lex.titles.map((t) => [t.form, t.gender])),
    determiners: wordSet(lex.determiners),
    prepositions: wordSet(lex.prepositions),
    functionWords: wordSet(lex.functionWords, 'fold'),
    orgWords: wordSet(lex.organisationWords, 'fold'),
    groupNouns: wordSet(lex.groupNouns, 'fold'),
    translit: lex.nameTransliterations.map(([a, b]) => [fold(a), fold(b)]),
  };
  cache.set(lex, p);
  return p;
}

/** Language-neutral key of a name: diacritics, this language's spelling habits, y/i, double letters. */
export function nameKey(name: string, lex: Lexicon): string {
  let k = fold(name).replace(/['’]s$/u, '');
  for (const [a, b] of prepare(lex).translit) k = k.split(a).join(b);
  return k.replace(/y/g, 'i').replace(/(\p{L})\1/gu, '$1').replace(/e\b/g, '').replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
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
  for (const r of p.roles) {
    let j = i;
    let country: string | undefined;
    let ok = true;
    for (const want of r.tokens) {
      const t = tokens[j];
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

/** Mentions of entities in one sentence, left to right, without overlaps. */
export function findMentions(tokens: Token[], lex: Lexicon, ctx: MentionContext): Mention[] {
  const p = prepare(lex);
  const out: Mention[] = [];
  const isNameToken = (t: Token | undefined, first: boolean): boolean => {
    if (!t || t.kind !== 'word' || !t.cap) return false;
    if (p.functionWords.has(t.fold) || p.nationality.match([t], 0)) return false;
    if (p.titles.has(t.low)) return false;
    // A capitalised word opening a sentence is a name only if the article capitalises it elsewhere.
    if (first && !ctx.properNouns.has(fold(possessiveless(t.raw)))) return false;
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    let det = 0;
    if (p.determiners.has(t.low) && tokens[i + 1]) det = 1;
    const at = i + det;
    const afterPreposition = !!(prev && p.prepositions.has(prev.low)) || !!(det && prev && p.prepositions.has(prev.low));
    const base = { afterPreposition, inQuote: ctx.inQuote(t) };
    const sentenceStart = (k: number) => k === 0 || /^[«“"(‘'—–-]$/u.test(tokens[k - 1]!.raw) && k === 1;

    // Known institutions and countries ("Maison Blanche", "the White House").
    const known = p.known.match(tokens, at);
    const roleFirst = known ? matchRole(tokens, at, p) : null;
    if (known && !(roleFirst && roleFirst.end > known.end) && !(known.end === at + 1 && !tokens[at]!.cap && tokens[at]!.raw.length <= 3)) {
      const last = tokens[known.end - 1]!;
      const next = tokens[known.end];
      // "the White House tenant": the institution is an adjective of a longer noun phrase; still the institution.
      void next;
      out.push({ ...base, i, j: known.end, start: t.s, end: last.e, type: 'known', text: slice(tokens, i, known.end), knownKey: known.value });
      i = known.end;
      continue;
    }

    // Role nouns, with the name that often follows ("le ministre russe des Affaires étrangères Sergueï Lavrov").
    const role = matchRole(tokens, at, p);
    if (role) {
      let j = role.end;
      let k = j;
      while (isNameToken(tokens[k], false)) k++;
      const gender = role.role.gender;
      if (k > j) {
        out.push({ ...base, i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, j, k), role: { ...role.role, gender }, gender });
        i = k;
      } else {
        out.push({ ...base, i, j, start: t.s, end: tokens[j - 1]!.e, type: 'role', text: slice(tokens, i, j), role: { ...role.role, gender }, gender });
        i = j;
      }
      continue;
    }

    // Titles ("Mr. Pompeo", "M. Dupont").
    if (p.titles.has(t.low) && isNameToken(tokens[i + 1], false)) {
      let k = i + 1;
      while (isNameToken(tokens[k], false)) k++;
      out.push({ ...base, i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, i + 1, k), titled: true, gender: p.titles.get(t.low) });
      i = k;
      continue;
    }

    // Proper names: runs of capitalised words.
    if (isNameToken(t, sentenceStart(i))) {
      let k = i + 1;
      while (isNameToken(tokens[k], false) && !/['’]s$/u.test(tokens[k - 1]!.raw)) k++;
      out.push({ ...base, i, j: k, start: t.s, end: tokens[k - 1]!.e, type: 'name', text: slice(tokens, i, k), name: names(tokens, i, k) });
      i = k;
      continue;
    }

    // Pronouns and anaphors ("he", "il", "ce dernier"), outside quotations where "he" is the speaker's own word.
    const pr = p.pronouns.get(t.low);
    if (pr && !base.inQuote) {
      out.push({ ...base, i, j: i + 1, start: t.s, end: t.e, type: 'pronoun', text: t.raw, gender: pr.gender, plural: pr.plural });
      i++;
      continue;
    }
    const ana = p.anaphors.match(tokens, i);
    if (ana && !base.inQuote) {
      out.push({ ...base, i, j: ana.end, start: t.s, end: tokens[ana.end - 1]!.e, type: 'anaphor', text: slice(tokens, i, ana.end) });
      i = ana.end;
      continue;
    }

    // Nationality nouns: "the American said", "l'Américain a déclaré".
    if (det) {
      const nat = p.nationality.match(tokens, at);
      if (nat && (ctx.isVerb(tokens, nat.end) || !tokens[nat.end] || tokens[nat.end]!.kind === 'punct')) {
        out.push({ ...base, i, j: nat.end, start: t.s, end: tokens[nat.end - 1]!.e, type: 'nationality', text: slice(tokens, i, nat.end), country: nat.value });
        i = nat.end;
        continue;
      }
      // Groups: a determiner, up to two modifiers, a group noun ("the trumpiste camp", "several experts").
      let group: Mention | null = null;
      for (let k = at; k < Math.min(at + 3, tokens.length); k++) {
        const w = tokens[k]!;
        if (w.kind !== 'word') break;
        if (p.groupNouns.has(w.fold)) {
          group = { ...base, i, j: k + 1, start: t.s, end: w.e, type: 'group', text: slice(tokens, i, k + 1), head: w.fold, name: slice(tokens, at, k + 1), plural: /s$/u.test(w.fold) && w.fold.length > 4 };
          break;
        }
      }
      if (group) {
        out.push(group);
        i = group.j;
        continue;
      }
    }
    i++;
  }
  return out;
}

function slice(tokens: Token[], i: number, j: number): string {
  const a = tokens[i]!;
  const b = tokens[j - 1]!;
  const raw = a.raw === b.raw && i === j - 1 ? a.raw : undefined;
  if (raw) return possessiveless(raw);
  // Rebuild from raw tokens; the caller has the offsets for exact text.
  return tokens.slice(i, j).map((t) => t.raw).join(' ').replace(/\s+([,.'’])/g, '$1').replace(/(['’])\s+/g, '$1').replace(/['’]s$/u, '');
}

function names(tokens: Token[], i: number, j: number): string {
  return tokens.slice(i, j).map((t) => possessiveless(t.raw)).join(' ');
}

/** The entities of one article, resolved mention by mention in reading order. */
export class Discourse {
  readonly entities = new Map<string, Entity>();
  /** Reading history: which entity each resolved mention pointed to, by sentence. */
  private history: { sentence: number; entity: Entity; type: MentionType; speaker: boolean; plural?: boolean }[] = [];

  constructor(private lex: Lexicon) {}

  private upsert(key: string, init: () => Entity): Entity {
    let e = this.entities.get(key);
    if (!e) {
      e = init();
      this.entities.set(key, e);
    }
    return e;
  }

  private personByName(name: string): Entity {
    const parts = name.split(/\s+/).filter(Boolean);
    const surname = parts[parts.length - 1] ?? name;
    const key = `person:${nameKey(surname, this.lex)}`;
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

  /** Resolve one mention; `speaker` marks a mention that is the speaker of a claim. */
  resolve(m: Mention, sentence: number, speaker = false, before?: Entity[]): Entity | null {
    const e = this.find(m, sentence, before);
    m.entity = e;
    if (e) {
      if (m.role) {
        if (!e.offices.includes(m.role.office)) e.offices.push(m.role.office);
        if (m.role.country && !e.country && e.kind === 'person') e.country = m.role.country;
      }
      if (m.gender && !e.gender && e.kind === 'person') e.gender = m.gender;
      if (m.type !== 'pronoun' && m.type !== 'anaphor' && !e.aliases.includes(m.text) && m.text.length < 80) e.aliases.push(m.text);
      this.history.push({ sentence, entity: e, type: m.type, speaker, plural: m.plural });
    }
    return e;
  }

  /** Mark an already-resolved entity as speaker of the current sentence (pronouns prefer speakers). */
  noteSpeaker(e: Entity, sentence: number): void {
    this.history.push({ sentence, entity: e, type: 'name', speaker: true });
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
        const isOrg = parts.some((w) => prepare(lex).orgWords.has(fold(w)));
        if (isOrg) {
          const key = `org:${nameKey(name, lex).replace(/\s+/g, '-')}`;
          return this.upsert(key, () => ({ key, name, kind: 'organisation', aliases: [], offices: [] }));
        }
        // A lone word is someone already named ("Lavrov", "Mr. Pompeo"), or a new person only with a title or role.
        if (parts.length === 1 && !m.titled && !m.role) {
          const key = `person:${nameKey(name, lex)}`;
          const known = this.entities.get(key);
          if (known) return known;
          const okey = `org:${nameKey(name, lex).replace(/\s+/g, '-')}`;
          return this.upsert(okey, () => ({ key: okey, name, kind: 'organisation', aliases: [], offices: [] }));
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
        const compatible = (e: Entity) =>
          (m.plural ? e.kind !== 'person' || false : e.kind === 'person') && (!m.gender || !e.gender || e.gender === m.gender || !!m.plural);
        if (m.plural) return this.recent(sentence, (e) => (e.kind === 'group' || e.kind === 'organisation') , 3);
        // Someone named earlier in the same sentence ("Trump said he…").
        if (before) for (let k = before.length - 1; k >= 0; k--) if (compatible(before[k]!)) return before[k]!;
        // The previous sentence's speaker, then the last person named there, then further back.
        for (let s = sentence - 1; s >= sentence - 4; s--) {
          const inS = this.history.filter((h) => h.sentence === s && compatible(h.entity));
          const sp = inS.filter((h) => h.speaker);
          const pick = sp[sp.length - 1] ?? inS[inS.length - 1];
          if (pick) return pick.entity;
        }
        return null;
      }
      case 'anaphor':
        return this.recent(sentence, (e) => e.kind === 'person', 3);
      case 'group': {
        const head = m.head ?? '';
        if (prepare(lex).orgWords.has(head) && !m.plural) {
          // "the company", "le tribunal": the organisation named last, preferring one whose name has that word.
          const byWord = this.recent(sentence, (e) => e.kind === 'organisation' && fold(e.name).includes(head), 10);
          const any = byWord ?? this.recent(sentence, (e) => e.kind === 'organisation' && !e.key.startsWith('country:'), 5);
          if (any) return any;
        }
        const name = (m.name ?? m.text).trim();
        const key = `group:${nameKey(name, lex).replace(/\s+/g, '-')}`;
        return this.upsert(key, () => ({ key, name, kind: 'group', aliases: [], offices: [] }));
      }
    }
  }

  countryEntity(code: string): Entity {
    const key = `country:${code}`;
    const g = gazetteer[key];
    return this.upsert(key, () => ({ key, name: g?.name ?? code, kind: 'country', aliases: [], offices: [], country: code }));
  }
}
