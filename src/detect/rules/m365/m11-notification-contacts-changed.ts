// M11: the tenant's notification contacts changed. In the seed case the intruder pointed the technical
// contact at his own mailbox: Microsoft's notices stopped reaching the company, which is why nobody
// noticed for two weeks. An address outside the tenant's own domains makes it high.
import { domainIsKnown, domainOf, emailsIn } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, change, ev, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { list } from '../common.ts';

const CONTACT = /notification|contact|privacy/i;

export const m11NotificationContactsChanged: EventRule = {
  kind: 'event',
  id: 'TB-M11-notification-contacts-changed',
  indicator: 'M11',
  provider: 'm365',
  severity: 'high',
  attack: ['T1562', 'T1098'],
  actions: ['tenant.contacts.changed'],
  match(e) {
    const changes = e.changes.filter((c) => CONTACT.test(c.name));
    const before = changes.flatMap((c) => emailsIn(c.old));
    const after = changes.flatMap((c) => emailsIn(c.new));
    const added = after.filter((a) => !before.includes(a));
    return {
      subject: { kind: 'tenant', id: e.tenant },
      targets: [],
      changes,
      params: { contacts: list(after), previous: list(before), added: list(added) },
      step: 'contacts-changed',
    };
  },
  refine(d, _e, ctx) {
    const known = ctx.facts.knownDomains();
    const added = String(d.params?.added ?? '-');
    const addresses = added === '-' ? [] : added.split(', ');
    if (known.size === 0) return { ...d, notes: ['domainsUnknown'] };
    const outside = addresses.filter((a) => {
      const dom = domainOf(a);
      return dom !== undefined && !domainIsKnown(dom, known);
    });
    if (outside.length > 0) return { ...d, params: { ...d.params, outside: outside.join(', ') }, notes: ['outside'] };
    return { ...d, severity: 'medium' };
  },
  text: {
    title: { en: 'Notification contacts of the tenant changed', ja: 'テナントの通知先が変更されました' },
    explanation: {
      en: "{{actor}} changed where Microsoft sends the tenant's technical and security notices at {{when}}: from {{previous}} to {{contacts}}.",
      ja: '{{actor}} が {{when}} に、Microsoft からの技術・セキュリティに関するお知らせの送信先を {{previous}} から {{contacts}} に変更しました。',
    },
    nextSteps: {
      en: 'Put your own address back (Microsoft 365 admin center > Settings > Org settings > Organization profile) and find out who made the change.',
      ja: '送信先を自社のアドレスに戻し（Microsoft 365 管理センター > 設定 > 組織設定 > 組織のプロフィール）、誰が変更したのかを確認してください。',
    },
    notes: {
      outside: {
        en: 'The new address {{outside}} is outside your own domains: notices now go to someone else.',
        ja: '新しいアドレス {{outside}} は自社のドメインではありません。お知らせが第三者に届くようになっています。',
      },
      domainsUnknown: {
        en: "The tenant's own domains are unknown here, so whether the new address is yours could not be checked.",
        ja: 'このデータからは自社のドメインが分からないため、新しいアドレスが自社のものか確認できませんでした。',
      },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'technical contact moved to an outside mailbox',
        events: [
          ev({ action: 'user.created', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY)] }),
          ev({ action: 'tenant.contacts.changed', nativeAction: 'Set company contact information.', source: 'ual', actor: by(MALLORY, ATTACKER_IP), changes: [change('TechnicalNotificationMails', '["alice@contoso.example"]', '["it-notice@mail.example.net"]')] }),
        ],
        severity: 'high',
      },
      {
        name: 'moved to a colleague in the same domain',
        events: [ev({ action: 'tenant.contacts.changed', actor: by(ALICE, OFFICE_IP), changes: [change('TechnicalNotificationMails', '["alice@contoso.example"]', '["it@contoso.example"]')] })],
        severity: 'medium',
      },
    ],
    nearMiss: [{ name: 'a refused change', events: [ev({ action: 'tenant.contacts.changed', result: 'failure', actor: by(MALLORY, ATTACKER_IP), changes: [change('TechnicalNotificationMails', '[]', '["x@mail.example.net"]')] })] }],
  },
};
