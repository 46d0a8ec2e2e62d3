// M26: full access to someone else's mailbox, or the Exchange impersonation role (one account reads
// every mailbox).
import { findChange, plainValue } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m26MailboxAccessGranted: EventRule = {
  kind: 'event',
  id: 'TB-M26-mailbox-access-granted',
  indicator: 'M26',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098.002'],
  actions: ['mailbox.permission.granted', 'role.assigned'],
  match(e) {
    if (e.action === 'role.assigned') {
      const r = plainValue(findChange(e, 'Role')?.new) ?? '';
      if (!/impersonation/i.test(r)) return undefined;
      return { severity: 'high', params: { rights: r }, notes: ['impersonation'] };
    }
    const rights = plainValue(findChange(e, 'AccessRights')?.new) ?? e.nativeAction;
    if (!/fullaccess|sendas|owner|readitems|changepermission|add-recipientpermission|grantsendonbehalfto/i.test(`${rights} ${e.nativeAction}`)) return undefined;
    return { params: { rights } };
  },
  text: {
    title: { en: 'Access to a mailbox granted', ja: 'メールボックスへのアクセス権が付与されました' },
    explanation: {
      en: '{{actor}} granted mailbox access ({{rights}}) at {{when}}.',
      ja: '{{actor}} が {{when}} にメールボックスへのアクセス権（{{rights}}）を付与しました。',
    },
    nextSteps: {
      en: 'Check that the owner of the mailbox agreed; remove the permission if not.',
      ja: 'メールボックスの持ち主が了承しているか確認し、そうでなければ権限を削除してください。',
    },
    notes: {
      impersonation: { en: 'ApplicationImpersonation lets one account read and send as every mailbox.', ja: 'ApplicationImpersonation は、1つのアカウントですべてのメールボックスを読み書きできる権限です。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'FullAccess on a mailbox', events: [ev({ action: 'mailbox.permission.granted', nativeAction: 'Add-MailboxPermission', source: 'ual', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'mailbox', name: 'ceo@contoso.example' }], changes: [change('AccessRights', undefined, 'FullAccess')] })], severity: 'medium' },
      { name: 'ApplicationImpersonation', events: [ev({ action: 'role.assigned', nativeAction: 'New-ManagementRoleAssignment', source: 'ual', actor: by(ALICE, ATTACKER_IP), changes: [change('Role', undefined, 'ApplicationImpersonation')] })], severity: 'high' },
    ],
    nearMiss: [{ name: 'calendar read access', events: [ev({ action: 'mailbox.permission.granted', nativeAction: 'Add-MailboxFolderPermission', source: 'ual', actor: by(BOB, OFFICE_IP), changes: [change('AccessRights', undefined, 'AvailabilityOnly')] })] }],
  },
};
