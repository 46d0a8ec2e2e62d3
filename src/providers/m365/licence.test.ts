import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLicence } from './licence.ts';

const sku = (plans: string[], capabilityStatus = 'Enabled') => ({ capabilityStatus, servicePlans: plans.map((servicePlanName) => ({ servicePlanName })) });

describe('licence tier from service plans', () => {
  it('is Free without an Entra ID plan (Apps for business, Business Basic)', () => {
    assert.deepEqual(detectLicence([sku(['OFFICE_BUSINESS', 'ONEDRIVESTANDARD']), sku(['EXCHANGE_S_STANDARD', 'TEAMS1'])]), { tier: 'Free', auditRetentionDays: 7, signInLogs: false });
    assert.equal(detectLicence([]).tier, 'Free');
  });

  it('is P1 with AAD_PREMIUM (Business Premium, E3) and P2 with AAD_PREMIUM_P2 (E5)', () => {
    assert.deepEqual(detectLicence([sku(['AAD_PREMIUM', 'INTUNE_A'])]), { tier: 'P1', auditRetentionDays: 30, signInLogs: true });
    assert.equal(detectLicence([sku(['AAD_PREMIUM']), sku(['AAD_PREMIUM_P2', 'AAD_PREMIUM'])]).tier, 'P2');
  });

  it('ignores suspended and deleted subscriptions but counts the warning (grace) period', () => {
    assert.equal(detectLicence([sku(['AAD_PREMIUM_P2'], 'Suspended')]).tier, 'Free');
    assert.equal(detectLicence([sku(['AAD_PREMIUM'], 'Warning')]).tier, 'P1');
  });
});
