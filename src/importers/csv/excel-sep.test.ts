// Excel's `sep=` first line (written when a CSV is saved for another list separator) names the
// delimiter; the header follows it. It used to be read as the header: "format not recognised".
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collect, tempDir } from '../test-helpers.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

function auditData(i: number): string {
  return JSON.stringify({
    CreationTime: `2026-10-01T00:00:0${i}`,
    Id: `00000000-0000-4000-8000-00000000000${i}`,
    Operation: 'Add user.',
    OrganizationId: '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31',
    RecordType: 8,
    ResultStatus: 'Success',
    UserType: 0,
    Workload: 'AzureActiveDirectory',
    UserId: `user${i}@example.com`,
  });
}

describe('Excel sep= line', () => {
  it('names the delimiter; the header follows; lines are counted from the sep= line', async () => {
    for (const [d, ending] of [
      [';', '\r\n'],
      [',', '\n'],
    ] as const) {
      const header = ['RecordId', 'CreationDate', 'RecordType', 'Operation', 'UserId', 'AuditData'].join(d);
      const row = (i: number, data: string) =>
        [`00000000-0000-4000-8000-00000000000${i}`, '2026-10-01T00:00:00.0000000Z', 'AzureActiveDirectory', 'Add user.', 'u@example.com', `"${data.replace(/"/g, '""')}"`].join(d);
      const rows = [0, 1, 2, 3].map((i) => row(i, i === 2 ? auditData(i).slice(0, 40) : auditData(i)));
      const file = join(dir, `sep${d === ';' ? 'semicolon' : 'comma'}.csv`);
      writeFileSync(file, `sep=${d}${ending}${header}${ending}${rows.join(ending)}${ending}`);
      const c = await collect(file);
      assert.equal(c.format, 'purview.csv');
      assert.equal(c.events.length, 3);
      // sep= is line 1, the header line 2, the broken row (the third) line 5.
      assert.deepEqual(
        c.rejected.map((r) => [r.line, r.record, r.code]),
        [[5, 3, 'import.record.bad_audit_data']],
      );
    }
  });
});
