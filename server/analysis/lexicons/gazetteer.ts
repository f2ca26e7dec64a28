// Well-known entities that speak or are spoken about in the news, with their canonical
// (English) names. General knowledge only: institutions, countries, agencies. Their aliases in
// each language live in that language's lexicon (`entityAliases`), so a new language adds its
// own names without touching this file. People are not listed: they are learned from the text.

export type EntityKind = 'person' | 'organisation' | 'outlet' | 'group' | 'country' | 'place';

export interface KnownEntity {
  name: string;
  kind: EntityKind;
  /** Country the entity belongs to, for role matching ("the Russian minister"). */
  country?: string;
}

export const gazetteer: Record<string, KnownEntity> = {
  'org:white-house': { name: 'White House', kind: 'organisation', country: 'US' },
  'org:kremlin': { name: 'Kremlin', kind: 'organisation', country: 'RU' },
  'org:us-intelligence': { name: 'US intelligence', kind: 'organisation', country: 'US' },
  'org:us-state-department': { name: 'US State Department', kind: 'organisation', country: 'US' },
  'org:us-congress': { name: 'US Congress', kind: 'organisation', country: 'US' },
  'org:fbi': { name: 'FBI', kind: 'organisation', country: 'US' },
  'org:cia': { name: 'CIA', kind: 'organisation', country: 'US' },
  'org:pentagon': { name: 'Pentagon', kind: 'organisation', country: 'US' },
  'org:oval-office': { name: 'Oval Office', kind: 'place', country: 'US' },
  'org:democratic-party': { name: 'Democrats', kind: 'group', country: 'US' },
  'org:republican-party': { name: 'Republicans', kind: 'group', country: 'US' },
  'org:un': { name: 'United Nations', kind: 'organisation' },
  'org:nato': { name: 'NATO', kind: 'organisation' },
  'org:eu': { name: 'European Union', kind: 'organisation' },
  'org:european-commission': { name: 'European Commission', kind: 'organisation' },
  'org:ecb': { name: 'European Central Bank', kind: 'organisation' },
  'org:fed': { name: 'Federal Reserve', kind: 'organisation', country: 'US' },
  'org:imf': { name: 'International Monetary Fund', kind: 'organisation' },
  'org:who': { name: 'World Health Organization', kind: 'organisation' },
  'org:wada': { name: 'World Anti-Doping Agency', kind: 'organisation' },
  'org:ioc': { name: 'International Olympic Committee', kind: 'organisation' },
  'org:cas': { name: 'Court of Arbitration for Sport', kind: 'organisation' },
  'org:icc': { name: 'International Criminal Court', kind: 'organisation' },
  'org:elysee': { name: 'Elysee', kind: 'organisation', country: 'FR' },
  'org:downing-street': { name: 'Downing Street', kind: 'organisation', country: 'GB' },
  'org:tass': { name: 'TASS', kind: 'outlet', country: 'RU' },
  'org:afp': { name: 'AFP', kind: 'outlet', country: 'FR' },
  'org:reuters': { name: 'Reuters', kind: 'outlet' },
  'org:ap': { name: 'Associated Press', kind: 'outlet', country: 'US' },
  'org:fr-constitutional-council': { name: 'Constitutional Council', kind: 'organisation', country: 'FR' },
  'org:fr-council-of-state': { name: 'Council of State', kind: 'organisation', country: 'FR' },
  'org:fr-national-assembly': { name: 'National Assembly', kind: 'organisation', country: 'FR' },
  'org:fr-senate': { name: 'French Senate', kind: 'organisation', country: 'FR' },
  'org:fr-court-of-cassation': { name: 'Court of Cassation', kind: 'organisation', country: 'FR' },
  'org:fr-court-of-audit': { name: 'Court of Audit', kind: 'organisation', country: 'FR' },
  'org:banque-de-france': { name: 'Bank of France', kind: 'organisation', country: 'FR' },
  'org:bank-of-england': { name: 'Bank of England', kind: 'organisation', country: 'GB' },
  'org:bundesbank': { name: 'Bundesbank', kind: 'organisation', country: 'DE' },
  'org:us-supreme-court': { name: 'US Supreme Court', kind: 'organisation', country: 'US' },
  'org:european-parliament': { name: 'European Parliament', kind: 'organisation' },
  'org:cjeu': { name: 'Court of Justice of the European Union', kind: 'organisation' },
  'org:echr': { name: 'European Court of Human Rights', kind: 'organisation' },
  'org:fifa': { name: 'FIFA', kind: 'organisation' },
  'org:uefa': { name: 'UEFA', kind: 'organisation' },
  'org:world-athletics': { name: 'World Athletics', kind: 'organisation' },
  'country:US': { name: 'United States', kind: 'country', country: 'US' },
  'country:RU': { name: 'Russia', kind: 'country', country: 'RU' },
  'country:FR': { name: 'France', kind: 'country', country: 'FR' },
  'country:DE': { name: 'Germany', kind: 'country', country: 'DE' },
  'country:GB': { name: 'United Kingdom', kind: 'country', country: 'GB' },
  'country:UA': { name: 'Ukraine', kind: 'country', country: 'UA' },
  'country:CN': { name: 'China', kind: 'country', country: 'CN' },
  'country:JP': { name: 'Japan', kind: 'country', country: 'JP' },
  'country:IT': { name: 'Italy', kind: 'country', country: 'IT' },
  'country:ES': { name: 'Spain', kind: 'country', country: 'ES' },
  'country:CA': { name: 'Canada', kind: 'country', country: 'CA' },
  'country:IN': { name: 'India', kind: 'country', country: 'IN' },
  'country:BR': { name: 'Brazil', kind: 'country', country: 'BR' },
  'country:TR': { name: 'Turkey', kind: 'country', country: 'TR' },
  'country:IR': { name: 'Iran', kind: 'country', country: 'IR' },
  'country:IL': { name: 'Israel', kind: 'country', country: 'IL' },
  'country:SY': { name: 'Syria', kind: 'country', country: 'SY' },
  'country:LB': { name: 'Lebanon', kind: 'country', country: 'LB' },
  'country:KR': { name: 'South Korea', kind: 'country', country: 'KR' },
  'country:KP': { name: 'North Korea', kind: 'country', country: 'KP' },
  'country:PL': { name: 'Poland', kind: 'country', country: 'PL' },
  'country:CH': { name: 'Switzerland', kind: 'country', country: 'CH' },
  'country:BE': { name: 'Belgium', kind: 'country', country: 'BE' },
  'country:NL': { name: 'Netherlands', kind: 'country', country: 'NL' },
  'country:KE': { name: 'Kenya', kind: 'country', country: 'KE' },
  'country:NG': { name: 'Nigeria', kind: 'country', country: 'NG' },
  'country:EG': { name: 'Egypt', kind: 'country', country: 'EG' },
  'country:SA': { name: 'Saudi Arabia', kind: 'country', country: 'SA' },
  'country:MX': { name: 'Mexico', kind: 'country', country: 'MX' },
  'country:AU': { name: 'Australia', kind: 'country', country: 'AU' },
  'country:EU': { name: 'European Union', kind: 'organisation' },
  'place:crimea': { name: 'Crimea', kind: 'place' },
};

/**
 * Offices and what they are a kind of: "the minister" may point back to a foreign minister,
 * "the counterpart" to any office holder of another country.
 */
export const officeParents: Record<string, string[]> = {
  'foreign-minister': ['minister', 'counterpart'],
  'finance-minister': ['minister', 'counterpart'],
  'prime-minister': ['leader', 'counterpart'],
  president: ['leader', 'counterpart'],
  minister: ['counterpart'],
  'central-bank-governor': ['governor'],
  'chief-executive': ['leader'],
  chair: ['leader'],
  // "the official", "l'élu": any holder of a public office named before.
  mayor: ['official'],
  senator: ['official'],
  lawmaker: ['official'],
  prefect: ['official'],
  governor: ['official'],
  'police-chief': ['chief', 'official'],
  'fire-chief': ['chief', 'official'],
  commissioner: ['official'],
  ambassador: ['official', 'diplomat'],
};
