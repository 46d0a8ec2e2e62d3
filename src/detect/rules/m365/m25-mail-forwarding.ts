// M25: mail forwarding or inbox rules that forward, redirect or delete: how an intruder reads or hides
// mail after a takeover (invoices, password resets, warnings from Microsoft).
import { domainIsKnown, domainOf, emailsIn } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { list } from '../common.ts';

const FORWARD_PARAM = /^(forwardto|forwardasattachmentto|redirectto|forwardingsmtpaddress|forwardingaddress|blindcopyto|copyto|redirectmessageto)$/i;
const HIDE_PARAM = /^(deletemessage|softdeletemessage|movetofolder|markasread)$/i;

export const m25MailForwarding: EventRule = {
  kind: 'event',
  id: 'TB-M25-mail-forwarding',
  indicator: 'M25',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1114.003', 'T1564.008'],
  actions: ['mail.forwarding.changed', 'mail.rule.changed'],
  match(e) {
    const forward = e.changes.filter((c) => FORWARD_PARAM.test(c.name.trim()));
    const hide = e.changes.some((c) => HIDE_PARAM.test(c.name.trim()));
    const to = forward.flatMap((c) => emailsIn(c.new));
    // A rule that only files newsletters is ordinary mailbox housekeeping.
    if (e.action === 'mail.rule.changed' && forward.length === 0 && !hide) return undefined;
    return { params: { to: list(to) }, notes: hide ? ['hides'] : [], step: 'mail-forwarding' };
  },
  refine(d, _e, ctx) {
    const known = ctx.facts.knownDomains();
    const to = String(d.params?.to ?? '-');
    const outside = to === '-' ? [] : to.split(', ').filter((a) => {
      const dom = domainOf(a);
      return dom !== undefined && known.size > 0 && !domainIsKnown(dom, known);
    });
    if (outside.length === 0) return d;
    return { ...d, severity: 'high', notes: [...(d.notes ?? []), 'outside'] };
  },
  text: {
    title: { en: 'Mail forwarding or a mail rule set up', ja: 'メールの転送またはルールが設定されました' },
    explanation: {
      en: '{{actor}} set up forwarding or a rule at {{when}} (forwarding to: {{to}}).',
      ja: '{{actor}} が {{when}} に転送またはルールを設定しました（転送先: {{to}}）。',
    },
    nextSteps: {
      en: 'Check the mailbox rules and forwarding of this mailbox; delete what its owner did not set up himself.',
      ja: 'このメールボックスのルールと転送設定を確認し、持ち主が自分で設定していないものは削除してください。',
    },
    notes: {
      outside: { en: 'Mail goes to an address outside your own domains.', ja: 'メールが自社ドメイン以外のアドレスに送られます。' },
      hides: { en: 'The rule deletes or hides messages.', ja: 'このルールはメールを削除したり見えなくしたりします。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'inbox rule forwarding outside', events: [ev({ action: 'user.created', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'user', name: 'bob@contoso.example' }] }), ev({ action: 'mail.rule.changed', nativeAction: 'New-InboxRule', source: 'ual', actor: by(BOB, ATTACKER_IP), changes: [change('ForwardTo', undefined, 'drop@mail.example.net')] })], severity: 'high' },
    ],
    nearMiss: [{ name: 'rule that files newsletters', events: [ev({ action: 'mail.rule.changed', nativeAction: 'New-InboxRule', source: 'ual', actor: by(BOB, OFFICE_IP), changes: [change('From', undefined, 'news@shop.example'), change('MoveToFolderName', undefined, 'News')] })] }],
  },
};
