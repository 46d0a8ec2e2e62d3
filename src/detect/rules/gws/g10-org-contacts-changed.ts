// G10: the organisation's contacts or alert recipients changed, or super-admin self-recovery switched:
// Google's warnings and account-recovery go where these point.
import { domainIsKnown, domainOf, emailsIn } from '../../event-values.ts';
import { by, gev, GWS_ADMIN } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { list } from '../common.ts';

export const g10OrgContactsChanged: EventRule = {
  kind: 'event',
  id: 'TB-G10-org-contacts-changed',
  indicator: 'G10',
  provider: 'gws',
  severity: 'high',
  attack: ['T1562', 'T1098'],
  actions: ['tenant.contacts.changed', 'policy.auth.changed'],
  match(e) {
    if (e.action === 'policy.auth.changed' && !/ALLOW_ADMIN_PASSWORD_RESET/i.test(e.nativeAction)) return undefined;
    const before = e.changes.flatMap((c) => emailsIn(c.old));
    const after = e.changes.flatMap((c) => emailsIn(c.new));
    const added = after.filter((a) => !before.includes(a));
    const notes = e.action === 'policy.auth.changed' ? ['recovery'] : [];
    return { subject: { kind: 'tenant', id: e.tenant }, targets: [], params: { contacts: list(after), previous: list(before), added: list(added), setting: e.nativeAction }, notes, step: 'contacts-changed' };
  },
  refine(d, _e, ctx) {
    const added = String(d.params?.added ?? '-');
    const known = ctx.facts.knownDomains();
    const outside = added === '-' || known.size === 0 ? [] : added.split(', ').filter((a) => {
      const dom = domainOf(a);
      return dom !== undefined && !domainIsKnown(dom, known);
    });
    if (outside.length > 0) return { ...d, params: { ...d.params, outside: outside.join(', ') }, notes: [...(d.notes ?? []), 'outside'] };
    return d.notes?.includes('recovery') === true ? d : { ...d, severity: 'medium' };
  },
  text: {
    title: { en: "Organisation's contacts or alert recipients changed", ja: '組織の連絡先またはアラートの受信者が変更されました' },
    explanation: {
      en: '{{actor}} changed {{setting}} at {{when}}: from {{previous}} to {{contacts}}.',
      ja: '{{actor}} が {{when}} に {{setting}} を {{previous}} から {{contacts}} に変更しました。',
    },
    nextSteps: {
      en: 'Put your own addresses back (Admin console > Account > Account settings, and Rules for alerts) and find out who changed them.',
      ja: '自社のアドレスに戻し（管理コンソール > アカウント > アカウント設定、およびアラートのルール）、誰が変更したか確認してください。',
    },
    notes: {
      outside: { en: 'The new address {{outside}} is outside your own domains.', ja: '新しいアドレス {{outside}} は自社のドメインではありません。' },
      recovery: { en: 'Super-admin self-service password recovery was switched.', ja: '特権管理者の自分でのパスワード再設定の設定が切り替えられました。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'secondary e-mail moved outside',
        events: [
          gev({ action: 'user.created', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: 'new@example-gws.example' }] }),
          gev({ action: 'tenant.contacts.changed', nativeAction: 'UPDATE_DOMAIN_SECONDARY_EMAIL', actor: by(GWS_ADMIN, '203.0.113.9'), changes: [{ name: 'UPDATE_DOMAIN_SECONDARY_EMAIL', old: 'it@example-gws.example', new: 'ops@mail.example.net' }] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'another security setting', events: [gev({ action: 'policy.auth.changed', nativeAction: 'CHANGE_SESSION_LENGTH', actor: by(GWS_ADMIN) })] }],
  },
};
