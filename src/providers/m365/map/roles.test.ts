import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOBAL_ADMIN_TEMPLATE_ID, ROLE_TEMPLATES, findRoleTemplate, isAdminRole, isPrivilegedRole } from './roles.ts';

// Template ids named in the references and the mapping brief, with the privileged flag decided for each.
const EXPECTED: ReadonlyArray<readonly [string, string, boolean]> = [
  ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator', true],
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator', true],
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator', true],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator', true],
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator', true],
  ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator', false],
  ['b0f54661-2d74-4c50-afa3-1ec803f12efe', 'Billing Administrator', false],
  ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'Global Reader', false],
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator', true],
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator', true],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator', false],
  ['7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator', true],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator', false],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator', true],
  ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator', true],
  ['e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', 'Partner Tier2 Support', true],
  ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator', true],
  ['69091246-20e8-4a56-aa4d-066075b2a7a8', 'Teams Administrator', false],
  ['8329153b-31d0-4727-b945-745eb3bc5f31', 'Domain Name Administrator', true],
  ['be2f45a1-457d-42af-a067-6ec1fa63bc45', 'External Identity Provider Administrator', true],
  ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader', false],
  ['4a5d8f65-41da-4de4-8968-e035b65339cf', 'Reports Reader', false],
  ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'Directory Readers', false],
];

describe('role templates', () => {
  it('contain every referenced template id under its current name, with the decided privileged flag', () => {
    for (const [id, name, privileged] of EXPECTED) {
      const r = findRoleTemplate(id);
      assert.ok(r, id);
      assert.equal(r.name, name);
      assert.equal(r.privileged, privileged, name);
      assert.equal(isPrivilegedRole(id), privileged, name);
    }
  });

  it('"Company Administrator" and "TenantAdmins" resolve to the Global Administrator template', () => {
    assert.equal(findRoleTemplate('Company Administrator')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('TenantAdmins')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('tenantadmins')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('global administrator')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('62E90394-69F5-4237-9190-012177145E10')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
  });

  it('accept values as audit records write them', () => {
    assert.equal(findRoleTemplate('"Global Administrator"')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('["TenantAdmins"]')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('{62e90394-69f5-4237-9190-012177145e10}')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
    assert.equal(findRoleTemplate('\\"Company Administrator\\"')?.templateId, GLOBAL_ADMIN_TEMPLATE_ID);
  });

  it('resolve the other well-known object names and legacy names', () => {
    assert.equal(findRoleTemplate('PrivilegedRoleAdmins')?.name, 'Privileged Role Administrator');
    assert.equal(findRoleTemplate('UserAccountAdmins')?.name, 'User Administrator');
    assert.equal(findRoleTemplate('User Account Administrator')?.name, 'User Administrator');
    assert.equal(findRoleTemplate('Exchange Service Administrator')?.name, 'Exchange Administrator');
    assert.equal(findRoleTemplate('Intune Service Administrator')?.name, 'Intune Administrator');
    assert.equal(findRoleTemplate('no such role'), undefined);
  });

  it('isAdminRole: admin roles yes (Helpdesk included), readers no, unknown "… Administrator" yes', () => {
    assert.equal(isAdminRole('Helpdesk Administrator'), true);
    assert.equal(isPrivilegedRole('Helpdesk Administrator'), false);
    assert.equal(isAdminRole('Partner Tier2 Support'), true);
    assert.equal(isAdminRole('TenantAdmins'), true);
    assert.equal(isAdminRole('Global Reader'), false);
    assert.equal(isAdminRole('Security Reader'), false);
    assert.equal(isAdminRole('Directory Readers'), false);
    assert.equal(isAdminRole('Fabrikam Mailbox Administrator'), true);
    assert.equal(isAdminRole('HelpDeskAdmins'), true);
    assert.equal(isAdminRole('00000000-0000-0000-0000-000000000000'), false);
    assert.equal(isPrivilegedRole('Fabrikam Mailbox Administrator'), false);
  });

  it('no id, name or alias is claimed by two templates', () => {
    const seen = new Map<string, string>();
    for (const r of ROLE_TEMPLATES) {
      for (const k of [r.templateId, r.name, ...r.aliases].map((x) => x.toLowerCase())) {
        assert.ok(!seen.has(k), `${k}: ${seen.get(k)} and ${r.name}`);
        seen.set(k, r.name);
      }
      assert.match(r.templateId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});
