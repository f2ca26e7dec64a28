import type { Db } from '../../db/client.ts';
import type { Logger } from '../logger.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The application's database (each route passes it to the domain). */
      db: Db;
      log: Logger;
    }
  }
}

export {};
