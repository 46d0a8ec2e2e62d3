// M1: a new account. Alone it is ordinary (a new hire); it matters when the account is then made an
// admin or acts like one, which the sequences and the storyline pick up.
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, ev, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { laterAdmin } from '../common.ts';

export const m1UserCreated: EventRule = {
  kind: 'event',
  id: 'TB-M1-user-created',
  indicator: 'M1',
  provider: 'm365',
  severity: 'low',
  attack: ['T1136.003'],
  actions: ['user.created'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) return undefined;
    return { subject, step: 'rogue-user-created' };
  },
  refine(d, e, ctx) {
    // An account made a privileged admin later in the data is the seed case's rogue admin.
    if (laterAdmin(ctx.facts.marksOf(d.subject, 'made-admin'), Date.parse(e.time))) return { ...d, severity: 'medium', notes: ['laterAdmin'] };
    return d;
  },
  text: {
    title: { en: 'New user account created', ja: '新しいユーザーアカウントが作成されました' },
    explanation: {
      en: '{{actor}} created the account {{subject}} at {{when}}.',
      ja: '{{actor}} が {{when}} にアカウント {{subject}} を作成しました。',
    },
    nextSteps: {
      en: 'Check that someone in your organisation asked for this account. If nobody knows it, disable it and look at what it did.',
      ja: '社内の誰かが依頼したアカウントか確認してください。心当たりがなければ無効にし、そのアカウントが何をしたかを調べてください。',
    },
    notes: {
      laterAdmin: { en: 'The account was made an administrator afterwards.', ja: 'このアカウントはその後、管理者にされています。' },
    },
  },
  fixtures: {
    fires: [{ name: 'Add user', events: [ev({ action: 'user.created', nativeAction: 'Add user', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] })], severity: 'low' }],
    nearMiss: [{ name: 'refused Add user', events: [ev({ action: 'user.created', nativeAction: 'Add user', result: 'failure', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY)] })] }],
  },
};
