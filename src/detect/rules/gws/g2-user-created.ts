// G2: a new Google account. Ordinary alone; the storyline and sequences catch it being made an admin.
import { subjectOf } from '../../event-values.ts';
import { by, gev, GWS_ADMIN } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { laterAdmin } from '../common.ts';

export const g2UserCreated: EventRule = {
  kind: 'event',
  id: 'TB-G2-user-created',
  indicator: 'G2',
  provider: 'gws',
  severity: 'low',
  attack: ['T1136.003'],
  actions: ['user.created'],
  match(e) {
    const subject = subjectOf(e);
    return subject === undefined ? undefined : { subject, step: 'rogue-user-created' };
  },
  refine(d, e, ctx) {
    return laterAdmin(ctx.facts.marksOf(d.subject, 'made-admin'), Date.parse(e.time)) ? { ...d, severity: 'medium', notes: ['laterAdmin'] } : d;
  },
  text: {
    title: { en: 'New Google Workspace account created', ja: '新しい Google Workspace アカウントが作成されました' },
    explanation: { en: '{{actor}} created the account {{subject}} at {{when}}.', ja: '{{actor}} が {{when}} にアカウント {{subject}} を作成しました。' },
    nextSteps: {
      en: 'Check that someone in your organisation asked for this account; if not, suspend it and look at what it did.',
      ja: '社内の誰かが依頼したアカウントか確認し、心当たりがなければ停止して、何をしたかを調べてください。',
    },
    notes: { laterAdmin: { en: 'The account was made an administrator afterwards.', ja: 'このアカウントはその後、管理者にされています。' } },
  },
  fixtures: {
    fires: [{ name: 'CREATE_USER', events: [gev({ action: 'user.created', nativeAction: 'CREATE_USER', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: 'it-support@example-gws.example' }] })], severity: 'low' }],
    nearMiss: [{ name: 'RENAME_USER', events: [gev({ action: 'user.updated', nativeAction: 'RENAME_USER', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: 'x@example-gws.example' }] })] }],
  },
};
