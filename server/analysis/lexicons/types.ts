// The shape of one language's knowledge. Everything the pipeline knows about a language
// lives in a value of this type, so adding a language is adding a file and registering it
// (lexicons/index.ts); no stage of the pipeline names a word of any language.
//
// Conventions: every word or phrase is lowercase, tokens separated by single spaces, written
// as the tokenizer produces them (elided French articles are their own token: "l'", "d'", "n'").

export type Stance = 'assert' | 'deny' | 'confirm' | 'warn' | 'accuse' | 'question';
export type Gender = 'm' | 'f';
export type ClutterKind = 'search' | 'section' | 'heading' | 'credit' | 'widget' | 'teaser' | 'dateline';

export interface ReportingVerb {
  /** Inflected forms (one or more tokens each). Adverbs may appear between tokens of a form. */
  forms: string[];
  stance: Stance;
  /** Verbs of saying whose stance comes from what is said ("say", "dire"). */
  neutral?: boolean;
  /** Predicate class for matching; defaults to the stance for non-neutral verbs. */
  concept?: string;
  /** The stance holds only when the object is someone ("blamed the airline"); blaming a thing names a cause. */
  needsAgentObject?: boolean;
  /** A verb of saying only after a quotation ("« … », a-t-il poursuivi", '"…," he continued'); elsewhere it means something else. */
  afterQuote?: boolean;
}

export interface SpeechNoun {
  /** "proposal", "démenti": a noun naming a speech act, whose agent may be a nationality adjective. */
  forms: string[];
  stance: Stance;
}

export interface RolePattern {
  /**
   * Tokens of a role noun phrase. `{NAT}` is a slot for a nationality adjective or a country
   * name; `*` matches any one word. Matched longest first, determiners excluded.
   */
  pattern: string;
  office: string;
  gender?: Gender;
}

export interface Pronoun {
  form: string;
  gender?: Gender;
  plural?: boolean;
  /** Points to an organisation or thing ("it"). */
  neuter?: boolean;
}

export interface Cue {
  /** Token sequence. */
  phrase: string;
  /** Only counts right after an auxiliary ("avait bien mis", "did warn"). */
  afterAuxiliary?: boolean;
}

export interface ClutterPattern {
  kind: ClutterKind;
  /** Regular expression source, tested case-insensitively against one trimmed line. */
  line: string;
}

export interface Lexicon {
  /** ISO 639-1 code used throughout ('en'). */
  code: string;
  /** ISO 639-3 code, as franc reports it ('eng'). */
  iso6393: string;
  /** Which chrono-node locale parses dates in this language. */
  chronoLocale: 'en' | 'fr' | 'de' | 'es' | 'pt' | 'nl' | 'it' | 'ja' | 'zh' | 'ru' | 'uk' | 'sv';

  // --- tokens and sentences
  /** Tokens ending in a full stop that do not end a sentence ("mr.", "m.", "dec.", "u.s."). */
  abbreviations: string[];
  /** Elided words written with an apostrophe and split off as their own token ("l", "qu"). */
  elisions: string[];
  /**
   * Verb-pronoun inversion written with hyphens ("a-t-il"): regular expression source with two
   * groups, the verb and the pronoun. Optional.
   */
  inversion?: string;

  // --- grammar words
  determiners: string[];
  prepositions: string[];
  /** Words that bind a complement clause to a reporting verb ("that", "que"). */
  complementizers: string[];
  /** Words that open an infinitive complement of a noun ("proposal to extend", "proposition de prolonger"). */
  infinitiveMarkers: string[];
  relativePronouns: string[];
  /** Words that can sit between a subject and its verb without breaking the attribution. */
  auxiliaries: string[];
  /** Auxiliaries of the pluperfect: the act happened before the narrative's reference day. */
  anteriorAuxiliaries: string[];
  /** Auxiliaries of the passive voice ("is accused"). */
  passiveAuxiliaries: string[];
  /** Reflexive pronouns: "s'est dit" is a statement, not a passive. */
  reflexives: string[];
  /** Marks the agent of a passive ("by", "par"). */
  agentMarkers: string[];
  /** Adverbs and particles allowed between subject and verb or verb and subject. */
  adverbs: string[];
  /** Adverbial phrases that may sit between subject and verb ("for its part", "de son côté"). */
  parentheticals: string[];
  /** Word endings that make a word an adverb ("ly", "ment"). */
  adverbSuffixes: string[];
  negations: string[];
  /** Conjunctions that start a new clause after a comma (", but", ", without"). */
  clauseSplitters: string[];
  /** Conditional markers at the start of a statement ("if", "si"): a threat is a warning. */
  conditionals: string[];
  /** Capitalised words that are never part of a name ("The", "But", "Le"). */
  functionWords: string[];
  stopwords: string[];
  /** Suffixes stripped by the light stemmer, longest first. */
  stemSuffixes: string[];

  // --- attribution
  reportingVerbs: ReportingVerb[];
  /** "according to X", "selon X": the speaker follows. */
  accordingTo: string[];
  speechNouns: SpeechNoun[];
  /** What a source issues ("statement", "communiqué"): "according to a statement from X" names X. */
  documentNouns: string[];
  pronouns: Pronoun[];
  /** Words that point back at something said before ("denies it", "Ce n'est pas…"): a rebuttal. */
  pointers: string[];
  /** Definite articles and demonstratives: "rejected the result" answers a result already stated. */
  definiteDeterminers: string[];
  /** Object pronouns right after a verb that point back ("denies it", "le dément"). */
  objectPointers: string[];
  /** Modal verbs: a negated modal ("cannot", "will not") is not a denial. */
  modals: string[];
  /** Words of promises and plans ("will", "promised"): pledges are not check-worthy. */
  pledgeWords: string[];
  /** Endings of verb forms that announce or promise ("-rait", "-ront"). */
  pledgeSuffixes: string[];
  /** Endings of present participles ("blaming", "estimant"): a clause whose subject is the sentence's. */
  participleSuffixes: string[];
  /** Words before a participle that make it a gerund sharing the sentence's subject ("en affirmant"). */
  gerundMarkers: string[];
  /** Prepositions that, opening a sentence before a name and a comma, name whose view follows ("Pour le syndicat, …"). */
  openingSources: string[];
  /** Endings of lowercase adjectives that continue an organisation's name ("Conseil constitutionnel"). */
  nameAdjectiveSuffixes: string[];
  /** Lowercase words allowed inside a proper name ("Bank of England", "Conseil d'Etat"). */
  nameConnectors: string[];
  /** Object pronouns ("him", "lui"): a source after "according to". */
  objectPronouns: Pronoun[];
  /** Anaphoric noun phrases that point back to the last person named ("the latter"). */
  anaphors: string[];
  titles: { form: string; gender?: Gender }[];
  /** Country code → nationality adjectives and demonyms ("RU" → "russian"). */
  nationalities: Record<string, string[]>;
  rolePatterns: RolePattern[];
  /** Words that make an unknown capitalised name an organisation rather than a person. */
  organisationWords: string[];
  /** Words that make a common noun phrase a group that can speak ("experts", "camp"). */
  groupNouns: string[];
  /** How a suggested claim is worded from its speaker, stance and content, in this language. */
  claimWording: { pattern: string; verbs: Record<Stance, string> };
  /** Name spelling rules of this language towards a language-neutral key (French "ou" → "u"). */
  nameTransliterations: [string, string][];
  /** Entity key → aliases in this language (see gazetteer.ts for the entities). */
  entityAliases: Record<string, string[]>;

  // --- stance
  confirmCues: Cue[];
  /** Dismissive words that make a quoted statement a denial ("absurd", "unfounded"). */
  denyCues: Cue[];
  /** Words that make a quoted statement an accusation ("propaganda", "lies"). */
  accuseCues: Cue[];
  /** Wrongdoing charged to someone else in a quotation ("they refused", "was stolen"): an accusation unless the speaker speaks of their own side. */
  blameActs: string[];
  /** First-person words: a quotation opening with them speaks of the speaker's own side. */
  firstPerson: string[];
  hedges: string[];
  opinionWords: string[];
  /** Numbers written in words ("three", "dozens", "millions"): figures for check-worthiness. */
  numberWords: string[];

  // --- dates
  /** Words that may begin a date expression; the date parser only reads around these and numeric dates. */
  dateWords: string[];
  /** Weekday names, Sunday first (several spellings of one day separated by "|"). */
  weekdays: string[];
  /** Days counted from publication ("yesterday": -1): resolved without the date parser. */
  relativeDays: Record<string, number>;

  // --- clutter
  clutter: ClutterPattern[];

  // --- matching
  /** Concept id (language-neutral, shared by all lexicons) → words and phrases in this language. */
  concepts: Record<string, string[]>;
}
