import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.ts';

/** Who publishes this instance and where it lives: what feeds, JSON-LD and the API link to. */
export type Site = {
  /** Absolute, without a trailing slash: BASE_URL, else the address the request came to. */
  baseUrl: string;
  publisher: { name: string; url: string; logoUrl: string | undefined };
};

export function site(config: Config) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Without BASE_URL the Host header decides; production sets BASE_URL (README).
    const baseUrl = config.baseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const value: Site = {
      baseUrl,
      publisher: { name: config.publisher.name, url: config.publisher.url ?? baseUrl, logoUrl: config.publisher.logoUrl },
    };
    res.locals.site = value;
    next();
  };
}

export function siteOf(res: Response): Site {
  return res.locals.site as Site;
}
