// Names of the MITRE ATT&CK (Enterprise) techniques the rules cite, with the tactic each is filed under
// here. Reports and OCSF output show names beside ids; an id missing from this table is still shown,
// just without a name. A test checks that every id a rule cites has an entry.

export interface AttackTactic {
  uid: string;
  name: string;
}

export interface AttackTechnique {
  uid: string;
  name: string;
  tactic: AttackTactic;
}

const TA = {
  initialAccess: { uid: 'TA0001', name: 'Initial Access' },
  persistence: { uid: 'TA0003', name: 'Persistence' },
  privilegeEscalation: { uid: 'TA0004', name: 'Privilege Escalation' },
  defenseEvasion: { uid: 'TA0005', name: 'Defense Evasion' },
  credentialAccess: { uid: 'TA0006', name: 'Credential Access' },
  collection: { uid: 'TA0009', name: 'Collection' },
  exfiltration: { uid: 'TA0010', name: 'Exfiltration' },
  impact: { uid: 'TA0040', name: 'Impact' },
  resourceDevelopment: { uid: 'TA0042', name: 'Resource Development' },
} as const satisfies Record<string, AttackTactic>;

const TECHNIQUES: ReadonlyArray<[string, string, AttackTactic]> = [
  ['T1070', 'Indicator Removal', TA.defenseEvasion],
  ['T1078', 'Valid Accounts', TA.initialAccess],
  ['T1078.004', 'Valid Accounts: Cloud Accounts', TA.initialAccess],
  ['T1098', 'Account Manipulation', TA.persistence],
  ['T1098.001', 'Account Manipulation: Additional Cloud Credentials', TA.persistence],
  ['T1098.002', 'Account Manipulation: Additional Email Delegate Permissions', TA.persistence],
  ['T1098.003', 'Account Manipulation: Additional Cloud Roles', TA.persistence],
  ['T1098.005', 'Account Manipulation: Device Registration', TA.persistence],
  ['T1110', 'Brute Force', TA.credentialAccess],
  ['T1114.003', 'Email Collection: Email Forwarding Rule', TA.collection],
  ['T1136.003', 'Create Account: Cloud Account', TA.persistence],
  ['T1199', 'Trusted Relationship', TA.initialAccess],
  ['T1484.002', 'Domain or Tenant Policy Modification: Trust Modification', TA.defenseEvasion],
  ['T1496', 'Resource Hijacking', TA.impact],
  ['T1528', 'Steal Application Access Token', TA.credentialAccess],
  ['T1531', 'Account Access Removal', TA.impact],
  ['T1537', 'Transfer Data to Cloud Account', TA.exfiltration],
  ['T1550.001', 'Use Alternate Authentication Material: Application Access Token', TA.defenseEvasion],
  ['T1556', 'Modify Authentication Process', TA.credentialAccess],
  ['T1556.006', 'Modify Authentication Process: Multi-Factor Authentication', TA.credentialAccess],
  ['T1556.007', 'Modify Authentication Process: Hybrid Identity', TA.credentialAccess],
  ['T1556.009', 'Modify Authentication Process: Conditional Access Policies', TA.defenseEvasion],
  ['T1562', 'Impair Defenses', TA.defenseEvasion],
  ['T1562.007', 'Impair Defenses: Disable or Modify Cloud Firewall', TA.defenseEvasion],
  ['T1562.008', 'Impair Defenses: Disable or Modify Cloud Logs', TA.defenseEvasion],
  ['T1564.008', 'Hide Artifacts: Email Hiding Rules', TA.defenseEvasion],
  ['T1584.001', 'Compromise Infrastructure: Domains', TA.resourceDevelopment],
  ['T1585.003', 'Establish Accounts: Cloud Accounts', TA.resourceDevelopment],
  ['T1621', 'Multi-Factor Authentication Request Generation', TA.credentialAccess],
];

const BY_ID: ReadonlyMap<string, AttackTechnique> = new Map(TECHNIQUES.map(([uid, name, tactic]) => [uid, { uid, name, tactic }]));

export function attackTechnique(id: string): AttackTechnique | undefined {
  return BY_ID.get(id);
}
