// Pending device-code sign-ins. Approval is automatic after a number of polls (tests, demo) or
// manual through the fake's /devicelogin page (poking by hand).
import { randomBytes } from 'node:crypto';

export type DeviceApproval = { mode: 'auto'; afterPolls: number } | { mode: 'manual' } | { mode: 'decline' };

export interface DeviceCodeSession {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  polls: number;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
  /** The user who approved (id or UPN); the default operator when absent. */
  approvedBy?: string;
}

export class DeviceCodeStore {
  private readonly sessions = new Map<string, DeviceCodeSession>();

  start(clientId: string, scopes: string[], lifetimeSeconds: number): DeviceCodeSession {
    const letters = 'BCDFGHJKLMNPQRSTVWXZ23456789';
    const userCode = [...randomBytes(9)].map((b) => letters[b % letters.length]).join('');
    const session: DeviceCodeSession = {
      deviceCode: randomBytes(48).toString('base64url'),
      userCode,
      clientId,
      scopes,
      expiresAt: Date.now() + lifetimeSeconds * 1000,
      polls: 0,
      state: 'pending',
    };
    this.sessions.set(session.deviceCode, session);
    return session;
  }

  byDeviceCode(code: string): DeviceCodeSession | undefined {
    return this.sessions.get(code);
  }

  byUserCode(code: string): DeviceCodeSession | undefined {
    const wanted = code.trim().toUpperCase();
    for (const s of this.sessions.values()) if (s.userCode === wanted) return s;
    return undefined;
  }

  pending(): DeviceCodeSession[] {
    return [...this.sessions.values()].filter((s) => s.state === 'pending' && s.expiresAt > Date.now());
  }
}
