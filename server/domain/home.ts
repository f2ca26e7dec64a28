import type { Executor } from '../../db/client.ts';
import { listLatestClaims } from '../../db/queries/claims.ts';
import { listArticles } from '../../db/queries/sources.ts';
import { listStories } from '../../db/queries/stories.ts';

export async function getHomePage(ex: Executor) {
  const [claims, articles, stories] = await Promise.all([listLatestClaims(ex, 30), listArticles(ex, 20), listStories(ex, 10)]);
  return { claims, articles, stories };
}
