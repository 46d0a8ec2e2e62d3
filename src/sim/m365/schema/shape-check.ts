// Checks a JSON value against a CSDL type: every property must exist on the type (or a base type)
// with a compatible JSON type, enums must use declared members, @odata.type must name the type or
// a derived one. Annotations (keys with "@") are skipped; open types may carry undeclared properties.
import { derivesFrom, findProperty, isOpenType, type CsdlModel } from './csdl-reader.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

export function checkShape(model: CsdlModel, value: unknown, typeName: string, path = '$'): string[] {
  const problems: string[] = [];
  checkValue(model, value, typeName, false, true, path, problems);
  return problems;
}

function checkValue(model: CsdlModel, value: unknown, typeName: string, collection: boolean, nullable: boolean, path: string, problems: string[]): void {
  if (value === null) {
    if (!nullable) problems.push(`${path}: null but the property is not nullable`);
    return;
  }
  if (collection) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected an array of ${typeName}`);
      return;
    }
    value.forEach((item, i) => checkValue(model, item, typeName, false, false, `${path}[${i}]`, problems));
    return;
  }
  if (typeName.startsWith('Edm.')) {
    checkPrimitive(value, typeName, path, problems);
    return;
  }
  const type = model.get(typeName);
  if (!type) {
    problems.push(`${path}: unknown type ${typeName}`);
    return;
  }
  if (type.kind === 'enum') {
    const names = typeof value === 'string' ? (type.isFlags ? value.split(',').map((s) => s.trim()) : [value]) : [];
    if (names.length === 0 || names.some((n) => !type.members.has(n))) problems.push(`${path}: ${JSON.stringify(value)} is not a member of ${typeName}`);
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: expected an object of type ${typeName}`);
    return;
  }
  let actual = typeName;
  const odataType = (value as Record<string, unknown>)['@odata.type'];
  if (typeof odataType === 'string') {
    actual = odataType.replace(/^#/, '');
    if (!model.has(actual)) problems.push(`${path}: @odata.type ${odataType} is not in the schema`);
    else if (!derivesFrom(model, actual, typeName)) problems.push(`${path}: @odata.type ${odataType} does not derive from ${typeName}`);
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('@')) continue;
    const property = findProperty(model, actual, key);
    if (!property) {
      // An open type's undeclared (dynamic) properties are allowed with any value.
      if (isOpenType(model, actual)) continue;
      problems.push(`${path}.${key}: no such property on ${actual}`);
      continue;
    }
    checkValue(model, child, property.type, property.collection, property.nullable, `${path}.${key}`, problems);
  }
}

function checkPrimitive(value: unknown, typeName: string, path: string, problems: string[]): void {
  const bad = (what: string): void => {
    problems.push(`${path}: ${JSON.stringify(value)} is not ${what} (${typeName})`);
  };
  switch (typeName) {
    case 'Edm.String':
    case 'Edm.Duration':
      if (typeof value !== 'string') bad('a string');
      return;
    case 'Edm.Guid':
      if (typeof value !== 'string' || !GUID.test(value)) bad('a GUID');
      return;
    case 'Edm.DateTimeOffset':
      if (typeof value !== 'string' || !DATETIME.test(value) || Number.isNaN(Date.parse(value))) bad('an ISO timestamp');
      return;
    case 'Edm.Date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) bad('a date');
      return;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') bad('a boolean');
      return;
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Byte':
      if (typeof value !== 'number' || !Number.isInteger(value)) bad('an integer');
      return;
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      if (typeof value !== 'number') bad('a number');
      return;
    case 'Edm.Binary':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/=_-]*$/.test(value)) bad('base64');
      return;
    default:
      return;
  }
}
