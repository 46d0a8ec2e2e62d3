// S6: a risk detection, then a device registered for the same account within five minutes (catalogue
// sequence 6): the intruder anchoring a long-lived token on his own machine.
import { ALICE, ATTACKER_IP, BOB, by, ev, OFFICE_IP, user } from '../fixtures.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, findingsOf, MINUTE_MS } from './helpers.ts';

export const s6RiskThenDeviceRegistered: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S6-risk-then-device-registered',
  severity: 'high',
  attack: ['T1098.005', 'T1078.004'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    for (const [key, marks] of ctx.facts.allMarks()) {
      for (const risk of marks.filter((m) => m.what === 'risk')) {
        const device = marks.find((m) => m.what === 'device' && m.t >= risk.t && m.t - risk.t <= 5 * MINUTE_MS);
        if (device === undefined) continue;
        const subject = ctx.facts.refOf(key);
        out.push({
          time: risk.time,
          subject,
          targets: [subject],
          actors: [subject],
          ips: device.ip !== undefined ? [device.ip] : [],
          events: [risk.eventId, device.eventId],
          findings: findingsOf(index, [risk.eventId, device.eventId]),
        });
        break;
      }
    }
    return out;
  },
  text: {
    title: { en: 'Risk detected, then a device registered', ja: 'リスクの検出直後に端末が登録されました' },
    explanation: { en: 'A risk was detected for {{subject}}, and within five minutes a device was registered for the account.', ja: '{{subject}} にリスクが検出され、5分以内にそのアカウントの端末が登録されました。' },
    nextSteps: {
      en: 'Delete the device, reset the password and sign the account out everywhere.',
      ja: '端末を削除し、パスワードを再設定して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'leaked credentials, then a device',
        events: [
          ev({ action: 'risk.detected', nativeAction: 'leakedCredentials', time: '2026-10-05T01:00:00.000Z', actor: { kind: 'system' }, targets: [user(ALICE)] }),
          ev({ action: 'device.registered', time: '2026-10-05T01:03:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'device', id: 'd1', name: 'DESKTOP-X' }] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'a device without any risk', events: [ev({ action: 'device.registered', actor: by(BOB, OFFICE_IP), targets: [{ kind: 'device', id: 'd2', name: 'LAPTOP' }] })] }],
  },
};
