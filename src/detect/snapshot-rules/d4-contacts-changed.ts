// D4: the notification contacts changed since the previous snapshot, or (first scan) point outside the
// tenant's own domains. Microsoft's warnings go there: in the seed case they went to the intruder.
import { domainIsKnown, domainOf } from '../event-values.ts';
import { baseSnapshot, patched } from '../fixtures.ts';
import type { SnapshotRule } from '../rule.ts';
import { list } from '../rules/common.ts';
import { contactsOf, domainsOf, known } from './helpers.ts';

export const d4ContactsChanged: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D4-contacts-changed',
  severity: 'high',
  attack: ['T1562', 'T1098'],
  evaluate(current, previous) {
    if (current.info === undefined || !known(current, 'organization')) return [];
    const now = contactsOf(current);
    const domains = domainsOf(current, previous);
    const outside = now.filter((a) => {
      const d = domainOf(a);
      return d !== undefined && domains.size > 0 && !domainIsKnown(d, domains);
    });
    const base = { targets: [], actors: [], ips: [], timeExact: false, time: current.collectedAt, step: 'contacts-changed' as const };
    if (previous?.info !== undefined && known(previous, 'organization')) {
      const before = contactsOf(previous);
      const added = now.filter((a) => !before.includes(a));
      const removed = before.filter((a) => !now.includes(a));
      if (added.length === 0 && removed.length === 0) return [];
      return [
        {
          ...base,
          severity: outside.some((a) => added.includes(a)) ? 'high' : 'medium',
          keys: [`contacts:${now.join(',')}`],
          changes: [{ name: 'notificationContacts', old: before.join(', '), new: now.join(', ') }],
          params: { contacts: list(now), previous: list(before), outside: list(outside), previousAt: previous.collectedAt.slice(0, 10) },
          notes: ['changedSince', ...(outside.length > 0 ? ['outside'] : [])],
        },
      ];
    }
    if (outside.length === 0) return [];
    return [{ ...base, severity: 'high', keys: [`contacts:${now.join(',')}`], changes: [], params: { contacts: list(now), previous: '-', outside: list(outside), previousAt: '-' }, notes: ['outside'] }];
  },
  text: {
    title: { en: 'Notification contacts point elsewhere', ja: '通知の送信先が変わっています' },
    explanation: {
      en: "Microsoft sends the tenant's technical and security notices to: {{contacts}}.",
      ja: 'Microsoft はテナントの技術・セキュリティに関するお知らせを次の宛先に送っています: {{contacts}}。',
    },
    nextSteps: {
      en: 'Put your own address back (Microsoft 365 admin center > Settings > Org settings > Organization profile).',
      ja: '送信先を自社のアドレスに戻してください（Microsoft 365 管理センター > 設定 > 組織設定 > 組織のプロフィール）。',
    },
    notes: {
      changedSince: { en: 'They were {{previous}} at the previous scan ({{previousAt}}).', ja: '前回のスキャン（{{previousAt}}）では {{previous}} でした。' },
      outside: { en: '{{outside}} is outside your own domains.', ja: '{{outside}} は自社のドメインではありません。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'first scan: technical contact outside the tenant', current: patched(baseSnapshot(), (s) => (s.info!.notificationContacts.technical = ['it-notify@mailbox.example'])), severity: 'high' },
      { name: 'changed since the previous scan', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: patched(baseSnapshot(), (s) => (s.info!.notificationContacts.technical = ['it-notify@mailbox.example'])), severity: 'high' },
    ],
    nearMiss: [
      { name: 'first scan: own domain', current: baseSnapshot() },
      { name: 'unchanged', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: baseSnapshot() },
    ],
  },
};
