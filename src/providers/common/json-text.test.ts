import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonOrValue, plainText } from './json-text.ts';
import { cleanIp, isGuid } from './values.ts';

describe('json-text and values helpers', () => {
  it('jsonOrValue parses JSON structures in strings and leaves the rest', () => {
    assert.deepEqual(jsonOrValue('{"user":{"id":"x"}}'), { user: { id: 'x' } });
    assert.deepEqual(jsonOrValue(' [1,2]'), [1, 2]);
    assert.deepEqual(jsonOrValue({ a: 1 }), { a: 1 });
    assert.equal(jsonOrValue('123'), '123');
    assert.equal(jsonOrValue('[not json'), '[not json');
    assert.equal(jsonOrValue(''), undefined);
    assert.equal(jsonOrValue(null), undefined);
  });

  it('plainText unwraps JSON-encoded modified-property values', () => {
    assert.equal(plainText('"Global Administrator"'), 'Global Administrator');
    assert.equal(plainText('["62e90394-69f5-4237-9190-012177145e10"]'), '62e90394-69f5-4237-9190-012177145e10');
    assert.equal(plainText('TenantAdmins'), 'TenantAdmins');
    assert.equal(plainText('[true]'), 'true');
    assert.equal(plainText('""'), undefined);
    assert.equal(plainText(null), undefined);
  });

  it('cleanIp drops the port the UAL appends', () => {
    assert.equal(cleanIp('175.45.176.99:17362'), '175.45.176.99');
    assert.equal(cleanIp('[2a01:110:8068:7::1]:36185'), '2a01:110:8068:7::1');
    assert.equal(cleanIp('2603:10b6:5:345::11'), '2603:10b6:5:345::11');
    assert.equal(cleanIp('::1'), '::1');
    assert.equal(cleanIp(''), undefined);
  });

  it('isGuid', () => {
    assert.ok(isGuid('62e90394-69f5-4237-9190-012177145E10'));
    assert.ok(!isGuid('00000000-0000-0000-0000-000000000000'));
    assert.ok(!isGuid('User_62e90394-69f5-4237-9190-012177145e10'));
    assert.ok(!isGuid('62e90394x69f5-4237-9190-012177145e10'));
    assert.ok(!isGuid('g2e90394-69f5-4237-9190-012177145e10'));
  });
});
