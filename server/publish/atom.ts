// The Atom feed of new verdicts (RFC 4287): one entry per published verdict, newest first.
import type { Executor } from '../../db/client.ts';
import { listLatestVerdicts } from '../../db/queries/publish.ts';
import type { Site } from '../http/site.ts';

const ENTRIES = 50;

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
export function xmlText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export async function verdictsFeed(ex: Executor, site: Site, lang: 'en' | 'fr') {
  const rows = await listLatestVerdicts(ex, ENTRIES);
  const entries = rows.map((r) => {
    const at = (r.approvedAt ?? r.createdAt).toISOString();
    const label = (lang === 'fr' && r.statusLabelFr) || r.statusLabel;
    return {
      // Permanent: a verdict is one review, and reviews are never rewritten.
      id: `${site.baseUrl}/claims/${r.claimId}#review-${r.id}`,
      title: xmlText(`${label}: ${r.claimText}`),
      link: `${site.baseUrl}/claims/${r.claimId}`,
      published: at,
      updated: at,
      status: r.status,
      statusLabel: xmlText(label),
      claimant: xmlText(r.claimantName),
      claimText: xmlText(r.claimText),
      rationale: xmlText(r.rationale),
    };
  });
  return {
    id: `${site.baseUrl}/feeds/verdicts.atom`,
    self: `${site.baseUrl}/feeds/verdicts.atom`,
    home: `${site.baseUrl}/`,
    publisher: xmlText(site.publisher.name),
    publisherUrl: site.publisher.url,
    // An empty feed is as old as the epoch: nothing in it ever changed.
    updated: entries[0]?.updated ?? new Date(0).toISOString(),
    lang,
    entries,
  };
}
