// D7: an app credential (secret, certificate, federated credential) that was not there before, or on a
// first scan one that started recently.
import type { AppCredential } from '../../core/snapshot.ts';
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { dated, known, withinDays } from './helpers.ts';

const SOURCES = ['applications', 'servicePrincipals', 'appCredentials'];

function credKey(c: AppCredential): string {
  return `${c.appId}|${c.keyId ?? `${c.kind}|${c.displayName ?? ''}|${c.startAt ?? ''}`}`;
}

export const d7AppCredentialAdded: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D7-app-credential-added',
  severity: 'medium',
  attack: ['T1098.001'],
  evaluate(current, previous, ctx) {
    if (!known(current, ...SOURCES)) return [];
    const ref = Date.parse(current.collectedAt);
    const before = previous !== undefined && known(previous, ...SOURCES) ? new Set(previous.appCredentials.map(credKey)) : undefined;
    const out: FindingDraft[] = [];
    for (const c of current.appCredentials) {
      if (ctx.selfAppIds?.has(c.appId.toLowerCase())) continue;
      if (before !== undefined ? before.has(credKey(c)) : !withinDays(c.startAt, ref, ctx.recentDays)) continue;
      const app = { kind: 'application', id: c.appId, ...(c.appName !== undefined ? { name: c.appName } : {}) };
      out.push({
        ...dated(c.startAt, current.collectedAt),
        subject: app,
        targets: [app],
        actors: [],
        ips: [],
        keys: [`credential:${credKey(c)}`],
        params: { credential: `${c.kind}${c.displayName !== undefined ? ` "${c.displayName}"` : ''}` },
        notes: c.kind === 'federated' ? ['federated'] : [],
        step: 'app-credential-added',
      });
    }
    return out;
  },
  text: {
    title: { en: 'New credential on an app: {{subject}}', ja: 'アプリに新しい資格情報があります: {{subject}}' },
    explanation: { en: 'The app {{subject}} has a new {{credential}} credential.', ja: 'アプリ {{subject}} に新しい資格情報（{{credential}}）があります。' },
    nextSteps: {
      en: "Ask the app's owner about it; delete it if nobody added it on purpose.",
      ja: 'アプリの管理者に確認し、意図して追加したものでなければ削除してください。',
    },
    notes: { federated: { en: 'It is a federated credential: an outside identity provider can act as the app.', ja: 'フェデレーション資格情報です。外部の認証基盤がアプリとして操作できます。' } },
  },
  fixtures: {
    fires: [
      {
        name: 'secret added since the previous scan',
        previous: baseSnapshot('2026-10-18T00:00:00.000Z'),
        current: patched(baseSnapshot(), (s) => s.appCredentials.push({ appId: 'app-1', appName: 'Payroll', kind: 'password', keyId: 'k-9', displayName: 'x', startAt: '2026-10-20T00:00:00Z' })),
        severity: 'medium',
      },
    ],
    nearMiss: [
      {
        name: 'first scan: an old certificate',
        current: patched(baseSnapshot(), (s) => s.appCredentials.push({ appId: 'app-1', appName: 'Payroll', kind: 'certificate', keyId: 'k-1', startAt: '2024-01-01T00:00:00Z' })),
      },
    ],
  },
};
