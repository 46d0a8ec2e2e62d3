// The field maps (data files): they load, every real export routes to a shape, one logical record
// reads the same through every shape, and the rule index never changes what matches.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../../core/event.ts';
import { collect } from '../../importers/test-helpers.ts';
import { createHunter, loadRules } from '../index.ts';
import { Router } from '../route.ts';
import { auditEvent, gwsEvent, signinEvent, ualEvent } from '../testing/render.ts';
import { Binding } from './access.ts';
import { loadFieldMaps } from './maps.ts';

const SAMPLES = new URL('../../../../shared/data/samples/', import.meta.url).pathname;
const FIXTURES = new URL('../../importers/fixtures/', import.meta.url).pathname;
const SIGMA = new URL('../../../../shared/data/sigma/', import.meta.url).pathname;
const maps = loadFieldMaps();
const router = new Router(maps);

let cached: Array<{ file: string; event: CanonicalEvent }> | undefined;

async function realEvents(): Promise<Array<{ file: string; event: CanonicalEvent }>> {
  if (cached !== undefined) return cached;
  const files = [
    ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
    ...['otrf-golden-saml', 'sentinel-training-lab', 'microsoft-docs-examples', 'o365-management-api-docs'].flatMap((d) => readdirSync(join(SAMPLES, d)).map((f) => join(SAMPLES, d, f))),
  ].filter((f) => /\.(json|csv|ndjson)$/.test(f));
  const out: Array<{ file: string; event: CanonicalEvent }> = [];
  for (const file of files) {
    const c = await collect(file);
    for (const event of c.events) out.push({ file: file.split('/').pop()!, event });
  }
  cached = out;
  return out;
}

function read(event: CanonicalEvent, field: string): string[] {
  const shape = router.shapeOf(event)!;
  const [binding] = router.bindingsFor(shape, event.source).filter((b) => b.view.file.startsWith(event.source === 'entra.signin' ? 'azure-signin' : 'azure-audit'));
  const parse = new Map<string, unknown>();
  const { root, focus } = router.rootAndFocus(shape, event, parse);
  return (binding as Binding)
    .accessor(field)({ event, root, focus, parse })
    .values.filter((v): v is string => v !== null);
}

describe('field maps', () => {
  it('load, and every view names known shapes', () => {
    assert.ok(maps.shapes.length >= 15);
    assert.ok(maps.views.length >= 15);
  });

  it('every event imported from the real exports has a known shape', async () => {
    const events = await realEvents();
    assert.ok(events.length > 300);
    const shapes = new Map<string, string>();
    for (const { file, event } of events) {
      const s = router.shapeOf(event);
      assert.ok(s, `${file}: ${event.source} record has no shape`);
      shapes.set(file, s.id);
    }
    assert.equal(shapes.get('AADAuditEvents.json'), 'entra-audit.la');
    assert.equal(shapes.get('signIns-list.json'), 'entra-signin.graph');
    assert.equal(shapes.get('azure-diagnostic-entra.json'), 'entra-signin.diagnostic');
    assert.equal(shapes.get('office_activity.csv'), 'ual.la');
    assert.equal(shapes.get('purview-audit.csv'), 'ual.purview');
    assert.equal(shapes.get('graph-audit-log-records.json'), 'ual.graph');
    assert.equal(shapes.get('Microsoft365DefenderEvents.json'), 'ual.defender');
    assert.equal(shapes.get('retrieve-content-sample.json'), 'ual.record');
    assert.equal(shapes.get('gws-admin-activities.json'), 'gws.reports');
  });

  it('one audit record reads the same in Graph, Log Analytics and diagnostic settings', () => {
    const spec = {
      activity: 'Update user',
      category: 'UserManagement',
      targets: [{ type: 'User', upn: 'guest@example.com', props: [['UserType', '["Guest"]', '["Member"]'] as [string, string, string]] }],
    };
    const shapes = (['graph', 'la', 'diagnostic'] as const).map((s) => auditEvent(spec, s));
    for (const field of ['operationName', 'Category', 'Status', 'TargetResources.modifiedProperties.newValue', 'TargetResources.ModifiedProperties.DisplayName', 'Initiatedby', 'Target']) {
      const values = shapes.map((e) => JSON.stringify(read(e, field)));
      assert.equal(new Set(values).size, 1, `${field}: ${values.join(' / ')}`);
    }
    assert.deepEqual(read(shapes[0]!, 'properties.message'), ['Update user', '"displayName":"UserType","oldValue":"[\\"Guest\\"]","newValue":"[\\"Member\\"]"']);
    assert.deepEqual(read(auditEvent(spec, 'ual'), 'operationName'), ['Update user'], 'the UAL trailing dot is dropped');
  });

  it('one sign-in reads the same in Graph, Log Analytics and diagnostic settings', () => {
    const spec = { errorCode: 50074, failureReason: 'Strong Authentication is required.', device: { deviceId: '', trustType: null }, authenticationRequirement: 'singleFactorAuthentication' };
    const shapes = (['graph', 'la', 'diagnostic'] as const).map((s) => signinEvent(spec, s));
    for (const field of ['ResultType', 'ResultDescription', 'DeviceDetail.deviceId', 'AuthenticationRequirement', 'userAgent', 'properties.appId']) {
      const values = shapes.map((e) => JSON.stringify(read(e, field)));
      assert.equal(new Set(values).size, 1, `${field}: ${values.join(' / ')}`);
    }
    for (const e of shapes) assert.equal(read(e, 'Status')[0], 'Failure');
  });

  it('a contains search on properties.message answers as its values do, without making JSON text', async () => {
    const events = [
      ...(await realEvents()).map((e) => e.event),
      ...(['graph', 'la', 'diagnostic', 'ual'] as const).flatMap((s) => [
        auditEvent({ activity: 'Add member to role', targets: [{ props: [['Role.DisplayName', null, '"Add User Administrator"'], ['Count', '1', '2']] }] }, s),
        auditEvent({ activity: 'Add user', targets: [{ props: [['Note', '\u001add user', 'x\n\u001b"q"\\'], ['ΑΣ', 'İ', '\u212a']] }, { props: [] }] }, s),
      ]),
    ];
    const needles = ['add user', 'add member to role', 'dd user', 'role.displayname', 'oldvalue', 'null', 'true', '1', 'count', 'ας', 'i̇', 'k', 'Add User', 'ΑΣ'];
    let searched = 0;
    for (const event of events) {
      const shape = router.shapeOf(event);
      if (shape === undefined) continue;
      const parse = new Map<string, unknown>();
      const { root, focus } = router.rootAndFocus(shape, event, parse);
      const ev = { event, root, focus, parse };
      for (const binding of router.bindingsFor(shape, event.source)) {
        const search = binding.searcher('properties.message', needles);
        if (search === undefined) continue;
        searched++;
        const values = binding.accessor('properties.message')(ev).values.filter((v): v is string => v !== null);
        for (const needle of needles) {
          for (const cased of [false, true]) {
            const n = cased ? needle : needle.toLowerCase();
            assert.equal(search(ev, n, cased), values.some((v) => (cased ? v : v.toLowerCase()).includes(n)), `${shape.id} ${n} ${cased} ${JSON.stringify(values)}`);
          }
        }
      }
    }
    assert.ok(searched >= 8, `${searched} events searched`);
    // A needle that could span tokens of the JSON text is left to the values.
    const [graph] = router.bindingsFor(router.shapeOf(auditEvent({ activity: 'x' }, 'graph'))!, 'entra.audit');
    assert.equal(graph!.searcher('properties.message', ['add user', '"displayname":"usertype"']), undefined);
    assert.equal(graph!.searcher('operationName', ['add user']), undefined, 'no source that can search');
  });

  it('the rule index changes nothing: same matches as evaluating every rule', async () => {
    const loaded = loadRules(SIGMA);
    const events = [
      ...(await realEvents()).map((e) => e.event),
      ...(['graph', 'la', 'diagnostic', 'ual'] as const).flatMap((s) => [
        auditEvent({ activity: 'Add member to role', category: 'RoleManagement', targets: [{ type: 'ServicePrincipal', props: [['Role.TemplateId', null, '"62e90394-69f5-4237-9190-012177145e10"']] }] }, s),
        auditEvent({ activity: 'Update user', category: 'UserManagement', targets: [{ props: [['UserType', '["Guest"]', '["Member"]']] }] }, s),
      ]),
      ...(['api', 'purview', 'la'] as const).map((s) => ualEvent({ Operation: 'New-InboxRule', Workload: 'Exchange', Parameters: [{ Name: 'MarkAsRead', Value: 'True' }] }, s)),
      ...(['reports', 'cloudlogging'] as const).map((s) => gwsEvent({ app: 'admin', name: 'ENFORCE_STRONG_AUTHENTICATION', params: { NEW_VALUE: 'false' } }, s)),
    ];
    const indexed = createHunter(loaded);
    const brute = createHunter(loaded, { noIndex: true });
    let total = 0;
    for (const e of events) {
      const a = indexed.push(e).map((m) => m.ruleId).sort();
      const b = brute.push(e).map((m) => m.ruleId).sort();
      assert.deepEqual(a, b, `${e.source} ${e.nativeAction}`);
      total += a.length;
    }
    assert.ok(total > 100);
    assert.ok(indexed.stats().evaluations * 2 < brute.stats().evaluations, 'the index skips most rules');
  });
});
