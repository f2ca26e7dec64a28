import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { getSetting, putSetting } from '../../db/queries/settings.ts';
import type { SessionUser } from './sessions.ts';

export type WorkflowSettings = {
  /** A verdict reaches readers only once a second editor approves it. */
  fourEyes: boolean;
};

export async function getWorkflowSettings(ex: Executor): Promise<WorkflowSettings> {
  return { fourEyes: (await getSetting<boolean>(ex, 'four_eyes')) === true };
}

export async function setFourEyes(db: Db, actor: SessionUser, on: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getWorkflowSettings(tx);
    await putSetting(tx, 'four_eyes', on);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'settings.four_eyes',
      subjectType: 'settings',
      subjectId: null,
      before: { fourEyes: before.fourEyes },
      after: { fourEyes: on },
    });
  });
}
