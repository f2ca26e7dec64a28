// The analyze command's output for a set of articles: each article's claims, then the groups
// of same claims and the suggested links across all of them, with the same logic the app uses.
import { analyzeArticle, groupSameClaims, linkClaims, type AnalysedClaim, type LinkableClaim } from '../../server/analysis/index.ts';

export interface ManifestEntry {
  id: string;
  text: string;
  published: string | null;
  language: string | null;
}

export interface AnalyzeOutput {
  articles: { id: string; language: string; claims: { id: string; start: number; end: number; quote: string; speaker: string | null; stance: string; claimedOn: string | null; checkworthiness: number }[] }[];
  same: string[][];
  links: { from: string; to: string; kind: string; reason: string }[];
}

export function analyzeManifest(entries: ManifestEntry[]): AnalyzeOutput {
  const analysed = entries.map((e) => ({ e, a: analyzeArticle(e.text, { published: e.published, language: e.language }) }));
  // One entity, one name across articles: prefer the spelling an English article used.
  const names = new Map<string, string>();
  for (const { a } of [...analysed].sort((x, y) => Number(y.a.language === 'en') - Number(x.a.language === 'en'))) {
    for (const c of a.claims) if (c.speaker && !names.has(c.speaker.key)) names.set(c.speaker.key, c.speaker.name);
  }
  const linkable: LinkableClaim[] = [];
  const articles = analysed.map(({ e, a }) => ({
    id: e.id,
    language: a.language,
    claims: a.claims.map((c: AnalysedClaim, i) => {
      const id = `${e.id}#${i + 1}`;
      linkable.push({ id, features: c.features, source: e.id, order: i, sentence: c.sentence });
      return {
        id, start: c.start, end: c.end, quote: c.quote,
        speaker: c.speaker ? names.get(c.speaker.key) ?? c.speaker.name : null,
        stance: c.stance, claimedOn: c.claimedOn, checkworthiness: c.checkworthiness,
      };
    }),
  }));
  const same = groupSameClaims(linkable);
  // Reports grouped as one claim are linked as the app links claims: once per pair, each read
  // with the people all of them name.
  const claimOf = new Map<string, string>();
  same.forEach((group, i) => group.forEach((id) => claimOf.set(id, `same-${i}`)));
  const links = linkClaims(linkable.map((l) => ({ ...l, claimId: claimOf.get(l.id) ?? l.id })));
  return { articles, same, links: links.map((l) => ({ from: l.fromReport, to: l.toReport, kind: l.kind, reason: l.reason })) };
}
