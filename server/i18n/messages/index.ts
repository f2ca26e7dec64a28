// Every area's messages. A new area adds its file here: one import, one entry.
import * as core from './core.ts';
import * as readers from './readers.ts';

export const areas = { core, readers } as const;
