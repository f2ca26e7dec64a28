import type { Executor } from '../../db/client.ts';
import { listClaimsByIds } from '../../db/queries/claims.ts';
import { findStoryBySlug, listStoryClaimIds } from '../../db/queries/stories.ts';
import { NotFound } from '../errors.ts';

export async function getStoryPage(ex: Executor, slug: string) {
  const story = await findStoryBySlug(ex, slug);
  if (!story) throw new NotFound(`There is no story "${slug}".`);
  const ids = await listStoryClaimIds(ex, story.id);
  const byId = new Map((await listClaimsByIds(ex, ids)).map((c) => [c.id, c]));
  const claims = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  // Reading order for a story is time order; undated claims come last.
  claims.sort((a, b) => (a.claimedOn ?? '9999').localeCompare(b.claimedOn ?? '9999'));
  return { story, claims };
}
