// M30: a device was registered for an admin. A device the intruder registers holds a long-lived sign-in
// token (PRT) that outlasts password resets.
import { actorRef, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m30AdminDeviceRegistered: EventRule = {
  kind: 'event',
  id: 'TB-M30-admin-device-registered',
  indicator: 'M30',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098.005'],
  actions: ['device.registered'],
  match(e) {
    const owner = subjectOf(e, ['user']) ?? actorRef(e);
    if (owner === undefined) return undefined;
    const device = e.targets.find((t) => t.kind === 'device')?.name ?? '-';
    return { subject: owner, params: { device }, admin: { who: owner, required: true, severity: { global: 'medium', privileged: 'medium', admin: 'low' } } };
  },
  text: {
    title: { en: 'Device registered for an administrator', ja: '管理者の端末が登録されました' },
    explanation: {
      en: 'The device {{device}} was registered for {{subject}} ({{adminRole}}) at {{when}}, from {{ip}}.',
      ja: '{{when}} に、{{subject}}（{{adminRole}}）の端末として {{device}} が登録されました（接続元 {{ip}}）。',
    },
    nextSteps: {
      en: 'Check that {{subject}} recognises the device; if not, delete it in the Entra admin center (Devices).',
      ja: '{{subject}} がその端末に心当たりがあるか確認し、なければ Entra 管理センターの「デバイス」から削除してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'device registered by an admin from an unknown IP', events: [madeGlobalAdmin(ALICE), ev({ action: 'device.registered', nativeAction: 'Register device', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'device', id: 'd-1', name: 'DESKTOP-X1' }] })], severity: 'medium' }],
    nearMiss: [{ name: "an ordinary user's laptop", events: [ev({ action: 'device.registered', nativeAction: 'Register device', actor: by(BOB, OFFICE_IP), targets: [{ kind: 'device', id: 'd-2', name: 'LAPTOP-BOB' }] })] }],
  },
};
