// D6: a domain added since the previous snapshot, or one now federated (its sign-ins handed to another
// identity provider). On a first scan a federated domain is reported for the owner to confirm.
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { known } from './helpers.ts';

export const d6DomainAddedOrFederated: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D6-domain-added-or-federated',
  severity: 'high',
  attack: ['T1484.002'],
  evaluate(current, previous) {
    if (current.info === undefined || !known(current, 'domains')) return [];
    const before = previous?.info !== undefined && known(previous, 'domains') ? new Map(previous.info.domains.map((d) => [d.name.toLowerCase(), d])) : undefined;
    const out: FindingDraft[] = [];
    for (const d of current.info.domains) {
      const old = before?.get(d.name.toLowerCase());
      const base = { time: current.collectedAt, timeExact: false, targets: [], actors: [], ips: [], params: { domain: d.name } };
      const federated = d.authentication === 'federated';
      if (before === undefined) {
        if (federated) out.push({ ...base, severity: 'medium', keys: [`federated:${d.name}`], notes: ['federatedNoBaseline'], step: 'domain-federated' });
        continue;
      }
      if (old === undefined) out.push({ ...base, severity: federated ? 'high' : 'medium', keys: [`added:${d.name}`], notes: federated ? ['added', 'federated'] : ['added'], step: federated ? 'domain-federated' : 'domain-added' });
      else if (federated && old.authentication !== 'federated') out.push({ ...base, severity: 'high', keys: [`federated:${d.name}`], notes: ['federated'], step: 'domain-federated' });
    }
    return out;
  },
  text: {
    title: { en: 'Domain added or federated: {{domain}}', ja: 'ドメインが追加またはフェデレーション化されました: {{domain}}' },
    explanation: { en: 'The domain {{domain}} changed in the tenant.', ja: 'テナントのドメイン {{domain}} に変化がありました。' },
    nextSteps: {
      en: 'Check that {{domain}} is yours and, unless you run your own sign-in server, that it uses managed (cloud) sign-in.',
      ja: '{{domain}} が自社のものか、また自社で認証サーバーを運用していなければ通常（クラウド）のサインインになっているかを確認してください。',
    },
    notes: {
      added: { en: 'It was added since the previous scan.', ja: '前回のスキャン以降に追加されました。' },
      federated: { en: 'Its sign-ins are now handled by another identity provider, which can sign in as any of its users.', ja: 'サインインが外部の認証基盤に任されており、その認証基盤はこのドメインのどのユーザーとしてもサインインできます。' },
      federatedNoBaseline: { en: 'It is federated; there is no earlier scan to say since when.', ja: 'フェデレーションになっています。以前のスキャンがないため、いつからかは分かりません。' },
    },
  },
  fixtures: {
    fires: [{ name: 'domain federated since the previous scan', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: patched(baseSnapshot(), (s) => (s.info!.domains[0]!.authentication = 'federated')), severity: 'high' }],
    nearMiss: [{ name: 'unchanged domains', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: baseSnapshot() }],
  },
};
