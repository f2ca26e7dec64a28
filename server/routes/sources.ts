import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { mentionRoles, stances } from '../../db/schema/index.ts';
import type { Config } from '../config.ts';
import { importArticle, editSourceMetadata, reanalyseSource, type SourceMetadata } from '../domain/imports.ts';
import { getSourceMetadata, getSourceWorkspace } from '../domain/source-editor.ts';
import {
  acceptSuggestion,
  dismissSuggestion,
  getSuggestionEditor,
  restoreSuggestion,
  suggestSpan,
  type SuggestionEdits,
} from '../domain/suggestions.ts';
import { Invalid } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { idParam } from '../http/params.ts';
import { htmxOr, wantsFragment } from '../http/render.ts';
import { readImportForm } from '../http/upload.ts';
import { ImportProblem, type ImportInput } from '../import/index.ts';

// Article import and the editor's work on an article's suggestions. Readers never reach these:
// every route asks for an editor, and GET /sources/:id falls through to the reader's page.

const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null));

const ImportFields = z.object({
  text: z.string().optional().default(''),
  url: text(2000),
  title: text(1000),
  publisher: text(300),
  author: text(300),
  publishedOn: text(40),
  language: text(10),
});

const MetadataFields = ImportFields.omit({ text: true }).extend({ title: z.string().max(1000).default('') });

const EditFields = z.object({
  text: z.string().max(5000).default(''),
  speaker: text(300),
  stance: z.enum(stances).default('assert'),
  claimedOn: text(40),
  role: z.enum(mentionRoles).default('report'),
});

const AcceptFields = EditFields.extend({
  joinClaimId: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null)),
});

const SpanFields = z.object({
  quote: z.string().max(10_000).default(''),
  start: z.string().optional().transform(toOffset),
  end: z.string().optional().transform(toOffset),
  text: text(5000),
  speaker: z.string().max(300).optional(),
  stance: z.union([z.enum(stances), z.literal('')]).optional(),
  claimedOn: text(40),
});

function toOffset(v: string | undefined): number | null {
  return v && /^\d{1,9}$/.test(v) ? Number(v) : null;
}

function metadataOf(f: z.infer<typeof MetadataFields> | z.infer<typeof ImportFields>): SourceMetadata {
  return { title: f.title || null, publisher: f.publisher, author: f.author, url: f.url, publishedOn: f.publishedOn, language: f.language };
}

/** Which of paste, file and address the editor used. An address beside text or a file is the original's address, not fetched. */
function chooseInput(f: z.infer<typeof ImportFields>, file: Awaited<ReturnType<typeof readImportForm>>['file']): ImportInput {
  const pasted = f.text.trim() ? f.text : null;
  if (pasted && file) throw new ImportProblem('import.error.severalInputs', 'Give the article one way only: pasted text, a file or a web address.', {}, 'text');
  if (pasted) return { kind: 'text', text: pasted };
  if (file) return { kind: 'file', name: file.name, bytes: file.bytes, truncated: file.truncated };
  if (f.url) return { kind: 'url', url: f.url };
  throw new ImportProblem('import.error.noInput', 'Paste the text, choose a file or give a web address.', {}, 'text');
}

export function sourcesRouter(config: Config): Router {
  const router = Router();
  const editor = requireRole('editor');
  const limits = {
    allowPrivate: config.allowPrivateFetch,
    timeoutMs: config.importTimeoutMs,
    maxBytes: config.importMaxBytes,
    maxChars: Math.floor(config.importMaxBytes / 2),
  };

  router.get('/sources/new', editor, (_req, res) => {
    res.render('pages/source-new', { values: {}, problem: null });
  });

  router.post('/sources', editor, async (req, res) => {
    const form = await readImportForm(req, config.importMaxBytes);
    const fields = ImportFields.parse(form.fields);
    try {
      const input = chooseInput(fields, form.file);
      // A fetched page's own address (after redirects, or its canonical one) is the article's.
      const meta = { ...metadataOf(fields), url: input.kind === 'url' ? null : fields.url };
      const result = await importArticle(req.db, req.user!.id, input, meta, limits);
      res.redirect(303, `/sources/${result.sourceId}?${result.revised ? 'revised=1' : result.existing ? 'existing=1' : `imported=${result.suggestions}`}`);
    } catch (error) {
      if (!(error instanceof ImportProblem)) throw error;
      // The form again with what the editor typed (a file cannot be given back: browsers forbid it).
      res.status(422).render('pages/source-new', { values: form.fields, problem: { key: error.code, params: error.params, field: error.field } });
    }
  });

  // Editors get the working view of an article; readers the public page (server/routes/pages.ts).
  router.get('/sources/:id', async (req, res, next) => {
    if (!req.user) return next();
    const workspace = await getSourceWorkspace(req.db, idParam(req.params.id));
    res.render('pages/source-editor', { ...workspace, notice: noticeOf(req), selection: { values: {}, fields: {} } });
  });

  router.get('/sources/:id/edit', editor, async (req, res) => {
    res.render('pages/source-details', { values: await getSourceMetadata(req.db, idParam(req.params.id)), problem: null });
  });

  router.post('/sources/:id', editor, async (req, res) => {
    const id = idParam(req.params.id);
    const fields = MetadataFields.parse(req.body ?? {});
    try {
      await editSourceMetadata(req.db, req.user!.id, id, { ...metadataOf(fields), title: fields.title });
      res.redirect(303, `/sources/${id}?saved=1`);
    } catch (error) {
      if (!(error instanceof ImportProblem)) throw error;
      res.status(422).render('pages/source-details', { values: { id, ...req.body }, problem: { key: error.code, params: error.params, field: error.field } });
    }
  });

  router.post('/sources/:id/analysis', editor, async (req, res) => {
    const id = idParam(req.params.id);
    const result = await reanalyseSource(req.db, req.user!.id, id);
    if (wantsFragment(req)) return renderWorkspace(req, res, id, { key: 'editor.reanalysed', params: result });
    res.redirect(303, `/sources/${id}?added=${result.added}&removed=${result.removed}`);
  });

  router.get('/sources/:id/suggestions/:sid', editor, async (req, res) => {
    const sourceId = idParam(req.params.id);
    const edited = 'text' in req.query ? EditFields.safeParse(req.query) : null;
    const edits = edited?.success ? editsFrom(edited.data) : undefined;
    const model = await getSuggestionEditor(req.db, sourceId, idParam(req.params.sid), edits);
    res.render(htmxOr(req, res, 'partials/suggestion-editor', 'pages/suggestion'), { ...model, sourceId, fields: {} });
  });

  router.post('/sources/:id/suggestions/:sid/accept', editor, async (req, res) => {
    const sourceId = idParam(req.params.id);
    const suggestionId = idParam(req.params.sid);
    const fields = AcceptFields.parse(req.body ?? {});
    const edits = editsFrom(fields);
    try {
      const result = await acceptSuggestion(req.db, req.user!.id, sourceId, suggestionId, { ...edits, joinClaimId: fields.joinClaimId });
      if (wantsFragment(req)) {
        return renderWorkspace(req, res, sourceId, { key: result.created ? 'editor.claimCreated' : 'editor.claimJoined', params: { id: result.claimId } });
      }
      res.redirect(303, `/sources/${sourceId}?${result.created ? 'created' : 'joined'}=${result.claimId}#m-${result.mentionId}`);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const model = await getSuggestionEditor(req.db, sourceId, suggestionId, edits);
      res.status(422);
      if (wantsFragment(req)) res.set({ 'HX-Retarget': `#suggestion-${suggestionId}`, 'HX-Reswap': 'outerHTML' });
      res.render(htmxOr(req, res, 'partials/suggestion-editor', 'pages/suggestion'), { ...model, sourceId, fields: error.fields, problem: error.message });
    }
  });

  for (const [action, decide] of [
    ['dismiss', dismissSuggestion],
    ['restore', restoreSuggestion],
  ] as const) {
    router.post(`/sources/:id/suggestions/:sid/${action}`, editor, async (req, res) => {
      const sourceId = idParam(req.params.id);
      await decide(req.db, req.user!.id, sourceId, idParam(req.params.sid));
      if (wantsFragment(req)) return renderWorkspace(req, res, sourceId, null);
      res.redirect(303, `/sources/${sourceId}#suggestions`);
    });
  }

  router.post('/sources/:id/selections', editor, async (req, res) => {
    const sourceId = idParam(req.params.id);
    const fields = SpanFields.parse(req.body ?? {});
    try {
      const { suggestionId } = await suggestSpan(req.db, req.user!.id, sourceId, {
        quote: fields.quote,
        start: fields.start,
        end: fields.end,
        ...(fields.text ? { text: fields.text } : {}),
        ...(fields.speaker?.trim() ? { speaker: fields.speaker.trim() } : {}),
        ...(fields.stance ? { stance: fields.stance } : {}),
        ...(fields.claimedOn ? { claimedOn: fields.claimedOn } : {}),
      });
      if (!wantsFragment(req)) return res.redirect(303, `/sources/${sourceId}/suggestions/${suggestionId}`);
      const model = await getSuggestionEditor(req.db, sourceId, suggestionId);
      res.vary('HX-Request').render('partials/selection-result', { ...model, sourceId, fields: {} });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      res.status(422);
      const selection = { values: req.body ?? {}, fields: error.fields, problem: error.message };
      if (wantsFragment(req)) {
        res.set({ 'HX-Retarget': '#selection-form', 'HX-Reswap': 'outerHTML' });
        return res.vary('HX-Request').render('partials/selection-form', { sourceId, selection });
      }
      const workspace = await getSourceWorkspace(req.db, sourceId);
      res.render('pages/source-editor', { ...workspace, notice: null, selection });
    }
  });

  return router;
}

function editsFrom(f: z.infer<typeof EditFields>): SuggestionEdits {
  return { text: f.text, speaker: f.speaker, stance: f.stance, claimedOn: f.claimedOn, role: f.role };
}

type Notice = { key: string; params: Record<string, string | number> } | null;

async function renderWorkspace(req: Request, res: Response, sourceId: number, notice: Notice) {
  const workspace = await getSourceWorkspace(req.db, sourceId);
  res.vary('HX-Request').render('partials/source-workspace', { ...workspace, notice, selection: { values: {}, fields: {} } });
}

/** The notice a redirect after an action asks for (?imported=12, ?existing=1, …). */
function noticeOf(req: Request): Notice {
  const q = req.query as Record<string, string | undefined>;
  const n = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);
  if (q.revised) return { key: 'import.revised', params: {} };
  if (q.existing) return { key: 'import.existing', params: {} };
  if (n(q.imported) !== null) return { key: 'import.imported', params: { count: n(q.imported)! } };
  if (n(q.created) !== null) return { key: 'editor.claimCreated', params: { id: n(q.created)! } };
  if (n(q.joined) !== null) return { key: 'editor.claimJoined', params: { id: n(q.joined)! } };
  if (n(q.added) !== null) return { key: 'editor.reanalysed', params: { added: n(q.added)!, removed: n(q.removed) ?? 0 } };
  if (q.saved) return { key: 'editor.saved', params: {} };
  return null;
}
