// Every area's messages. A new area adds its file here: one import, one entry.
import * as core from './core.ts';

export const areas = { core } as const;
