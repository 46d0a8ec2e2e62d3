// The OTRF "Golden SAML AD FS mail access" recording (real Entra audit rows from a lab tenant): the
// intruder adds Mail.ReadWrite to an app, grants it tenant-wide, and adds a secret to it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detect } from './engine.ts';
import { explain, importEvents, SAMPLES } from './test-support.ts';

const DIR = join(SAMPLES, 'otrf-golden-saml');

describe('OTRF Golden SAML sample', () => {
  it('flags the permission request, the tenant-wide consent and the new secret, once each', async () => {
    const events = await importEvents(join(DIR, 'AADAuditEvents.json'), join(DIR, 'OfficeActivityEvents.json'));
    const { findings } = await detect(events);
    const seen = findings.map((f) => [f.time, f.ruleId, f.severity]);
    assert.deepEqual(seen, [
      ['2021-08-02T13:25:12.246Z', 'TB-M20-app-consent', 'medium'],
      ['2021-08-02T13:27:20.017Z', 'TB-M20-app-consent', 'high'],
      ['2021-08-02T13:29:25.983Z', 'TB-M18-app-credential-added', 'medium'],
    ]);
    const [requested, consent, secret] = findings;
    assert.equal(requested!.subject?.name, 'SimuLandApp');
    assert.match(explain(requested!), /asks for more permissions/);
    assert.match(explain(consent!), /covers every user of the tenant/);
    assert.match(explain(consent!), /Mail\.ReadWrite/);
    // The app that got in is the client (0d2f5969…), not Microsoft Graph, whose data it may now read.
    assert.equal(consent!.subject?.id, '0d2f5969-011b-460d-ac74-3291d227d49f');
    assert.match(explain(consent!), /permissions for the app 0d2f5969-011b-460d-ac74-3291d227d49f at/);
    assert.match(explain(consent!), /data held by Microsoft Graph/);
    assert.match(explain(consent!, 'ja'), /アクセス先は Microsoft Graph が扱うデータです/);
    assert.equal(secret!.subject?.name, 'SimuLandApp');
    assert.equal(secret!.entities.actors[0]?.name, 'pgustavo@simulandlabs.com');
    // The record is in the file twice: one event, one finding.
    assert.equal(new Set(findings.map((f) => f.id)).size, 3);
  });

  it('chains them into one incident by the same actor', async () => {
    const { incidents } = await detect(await importEvents(join(DIR, 'AADAuditEvents.json')));
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]!.severity, 'high');
    assert.deepEqual(
      incidents[0]!.storyline.map((s) => s.kind),
      ['app-permissions-requested', 'app-consent', 'app-credential-added'],
    );
  });
});
