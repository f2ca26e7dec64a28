// Every area's messages. A new area adds its file here: one import, one entry.
import * as core from './core.ts';
import * as corrections from './corrections.ts';
import * as importing from './import.ts';
import * as links from './links.ts';
import * as merges from './merges.ts';
import * as readers from './readers.ts';
import * as workflow from './workflow.ts';

export const areas = { core, readers, workflow, import: importing, links, merges, corrections } as const;
