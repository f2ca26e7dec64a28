import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { stories, storyClaims } from '../schema/index.ts';

export function listStories(ex: Executor, limit: number) {
  return ex
    .select({
      id: stories.id,
      slug: stories.slug,
      title: stories.title,
      summary: stories.summary,
      // Qualified by hand: in a one-table select drizzle writes bare column names.
      claimCount: sql<number>`(select count(*)::int from ${storyClaims} sc where sc.story_id = ${stories}.id)`,
    })
    .from(stories)
    .orderBy(desc(stories.createdAt), desc(stories.id))
    .limit(limit);
}

export async function findStoryBySlug(ex: Executor, slug: string) {
  const rows = await ex.select().from(stories).where(eq(stories.slug, slug)).limit(1);
  return rows[0];
}

export async function listStoryClaimIds(ex: Executor, storyId: number): Promise<number[]> {
  const rows = await ex
    .select({ claimId: storyClaims.claimId })
    .from(storyClaims)
    .where(eq(storyClaims.storyId, storyId))
    .orderBy(storyClaims.position, storyClaims.claimId);
  return rows.map((r) => r.claimId);
}

export function listStoriesOfClaim(ex: Executor, claimId: number) {
  return ex
    .select({ slug: stories.slug, title: stories.title, addedAt: storyClaims.addedAt })
    .from(storyClaims)
    .innerJoin(stories, eq(stories.id, storyClaims.storyId))
    .where(eq(storyClaims.claimId, claimId))
    .orderBy(stories.title);
}

/** A story's claims with when each joined it, in the editor's order. */
export function listStoryEntries(ex: Executor, storyId: number) {
  return ex
    .select({ claimId: storyClaims.claimId, position: storyClaims.position, addedAt: storyClaims.addedAt })
    .from(storyClaims)
    .where(eq(storyClaims.storyId, storyId))
    .orderBy(storyClaims.position, storyClaims.claimId);
}
