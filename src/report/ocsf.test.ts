// OCSF output: one Detection Finding (class 2004, category 2) per finding, with the analytic, severity,
// times, ATT&CK techniques, evidence records and observables a SIEM needs to pivot on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importEvents } from '../detect/test-support.ts';
import { renderOcsf, renderOcsfJson, renderOcsfJsonLines } from './ocsf.ts';
import { reportOf, SEED_CSV } from './test-support.ts';


describe('OCSF Detection Findings', () => {
  it('has one object per finding with the class, category, type and severity ids', async () => {
    const m = await reportOf(await importEvents(SEED_CSV), 'en');
    const out = renderOcsf(m);
    assert.equal(out.length, m.findings.length);
    const SEV: Record<string, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
    out.forEach((o, i) => {
      const f = m.findings[i]!;
      assert.equal(o.class_uid, 2004);
      assert.equal(o.category_uid, 2);
      assert.equal(o.activity_id, 1);
      assert.equal(o.type_uid, 200401);
      assert.equal(o.severity_id, SEV[f.severity]);
      assert.equal(o.time, Date.parse(f.time));
      assert.equal(o.metadata.product.name, 'takeback');
      assert.equal(o.metadata.product.vendor_name, 'takeback');
      assert.match(o.metadata.version, /^1\.\d+\.\d+$/);
      assert.equal(o.finding_info.uid, f.id);
      assert.equal(o.finding_info.title, f.title);
      assert.equal(o.finding_info.analytic.uid, f.ruleId);
      assert.ok([1, 2].includes(o.finding_info.analytic.type_id));
      assert.ok(Array.isArray(o.finding_info.types) && o.finding_info.types.length > 0);
      assert.deepEqual(
        (o.attacks ?? []).map((a) => a.technique.uid),
        f.attack.map((a) => a.id),
      );
      assert.equal(o.remediation.desc, f.nextSteps);
    });
  });

  it('carries the evidence: log records with actor, IP and operation, and before/after values', async () => {
    const m = await reportOf(await importEvents(SEED_CSV), 'ja');
    const contacts = renderOcsf(m).find((o) => o.finding_info.analytic.uid === 'TB-M11-notification-contacts-changed')!;
    assert.equal(contacts.severity_id, 4);
    const record = contacts.evidences.find((e) => e.api !== undefined)!;
    assert.equal(record.api?.operation, 'Set company contact information.');
    assert.equal(record.src_endpoint?.ip, '203.0.113.45');
    assert.equal(record.actor?.user.name, 'support-admin@examplekk.onmicrosoft.com');
    const changes = contacts.evidences.find((e) => e.name === 'changes');
    assert.deepEqual(changes?.data?.changes, [{ name: 'TechnicalNotificationMails', old: 'admin@example-kk.co.jp', new: 'it-notice@mail.example.net' }]);
    assert.ok(contacts.observables.some((o) => o.type_id === 2 && o.value === '203.0.113.45'));
    assert.equal(contacts.message, contacts.finding_info.title, 'text in the report language');
    assert.match(contacts.message, /通知/);
  });

  it('writes JSON lines (one finding a line) and a JSON array', async () => {
    const m = await reportOf(await importEvents(SEED_CSV), 'en');
    const lines = renderOcsfJsonLines(m).trimEnd().split('\n');
    assert.equal(lines.length, m.findings.length);
    for (const l of lines) assert.equal((JSON.parse(l) as { class_uid: number }).class_uid, 2004);
    assert.equal((JSON.parse(renderOcsfJson(m)) as unknown[]).length, m.findings.length);
  });
});
