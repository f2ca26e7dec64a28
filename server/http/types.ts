import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../domain/sessions.ts';
import type { Logger } from '../logger.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The application's database (each route passes it to the domain). */
      db: Db;
      log: Logger;
      /** The signed-in editor or admin; undefined for anonymous readers. */
      user?: SessionUser;
      /** The database id of the current session (sha256 of the cookie), when signed in. */
      sessionId?: string;
      /** The session's CSRF synchronizer token, when signed in. */
      sessionCsrfToken?: string;
      /** Set between a right password and the one-time code (second factor); req.user is not. */
      pendingSecondFactor?: { userId: number; email: string };
    }
  }
}

export {};
