// Reads the type definitions out of Graph's CSDL ($metadata) file: EntityType, ComplexType and
// EnumType with their properties, base types and members. The file is machine-written and
// well-formed, so a tag scanner is enough; no XML parser dependency is needed.
import { readFileSync } from 'node:fs';

export interface CsdlProperty {
  name: string;
  /** Qualified element type, e.g. "Edm.String" or "microsoft.graph.keyValue". */
  type: string;
  collection: boolean;
  nullable: boolean;
  navigation: boolean;
}

export interface CsdlType {
  kind: 'entity' | 'complex' | 'enum';
  name: string;
  baseType?: string;
  abstract: boolean;
  properties: Map<string, CsdlProperty>;
  members: Set<string>;
  isFlags: boolean;
  /** OpenType: may carry properties the schema does not declare (e.g. security.defaultAuditData). */
  open: boolean;
}

export type CsdlModel = Map<string, CsdlType>;

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

export function parseCsdl(xml: string): CsdlModel {
  const model: CsdlModel = new Map();
  const aliases = new Map<string, string>();
  let namespace = '';
  let current: CsdlType | undefined;
  const qualify = (name: string): string => {
    const dot = name.lastIndexOf('.');
    if (dot < 0) return `${namespace}.${name}`;
    const prefix = name.slice(0, dot);
    return `${aliases.get(prefix) ?? prefix}${name.slice(dot)}`;
  };
  const typeRef = (raw: string): { type: string; collection: boolean } => {
    const m = /^Collection\((.+)\)$/.exec(raw);
    const inner = m?.[1] ?? raw;
    return { type: inner.startsWith('Edm.') ? inner : qualify(inner), collection: !!m };
  };
  for (const m of xml.matchAll(/<(\/?)([A-Za-z]+)((?:\s+[^>]*?)?)(\/?)>/g)) {
    const [, closing, tag, attrText] = m as unknown as [string, string, string, string];
    if (closing) {
      if (tag === 'EntityType' || tag === 'ComplexType' || tag === 'EnumType') current = undefined;
      continue;
    }
    const a = attributes(attrText);
    if (tag === 'Schema') {
      namespace = a.Namespace ?? '';
      if (a.Alias) aliases.set(a.Alias, namespace);
      aliases.set(namespace, namespace);
    } else if (tag === 'EntityType' || tag === 'ComplexType' || tag === 'EnumType') {
      const type: CsdlType = {
        kind: tag === 'EntityType' ? 'entity' : tag === 'ComplexType' ? 'complex' : 'enum',
        name: `${namespace}.${a.Name ?? ''}`,
        baseType: a.BaseType ? qualify(a.BaseType) : undefined,
        abstract: a.Abstract === 'true',
        properties: new Map(),
        members: new Set(),
        isFlags: a.IsFlags === 'true',
        open: a.OpenType === 'true',
      };
      model.set(type.name, type);
      // Self-closing type tags have no body.
      current = m[4] ? undefined : type;
    } else if (current && (tag === 'Property' || tag === 'NavigationProperty') && a.Name && a.Type) {
      const ref = typeRef(a.Type);
      current.properties.set(a.Name, { name: a.Name, ...ref, nullable: a.Nullable !== 'false', navigation: tag === 'NavigationProperty' });
    } else if (current && tag === 'Member' && a.Name) {
      current.members.add(a.Name);
    }
  }
  // Type names inside the model use the namespace, never the alias.
  for (const type of model.values()) if (type.baseType) type.baseType = qualify(type.baseType);
  return model;
}

export function loadCsdl(path: string): CsdlModel {
  return parseCsdl(readFileSync(path, 'utf8'));
}

/** A property looked up on a type and its base types. */
export function findProperty(model: CsdlModel, typeName: string, property: string): CsdlProperty | undefined {
  for (let t = model.get(typeName); t; t = t.baseType ? model.get(t.baseType) : undefined) {
    const p = t.properties.get(property);
    if (p) return p;
  }
  return undefined;
}

/** Whether a type or one of its base types is open. */
export function isOpenType(model: CsdlModel, typeName: string): boolean {
  for (let t = model.get(typeName); t; t = t.baseType ? model.get(t.baseType) : undefined) if (t.open) return true;
  return false;
}

export function derivesFrom(model: CsdlModel, typeName: string, ancestor: string): boolean {
  for (let t = model.get(typeName); t; t = t.baseType ? model.get(t.baseType) : undefined) if (t.name === ancestor) return true;
  return false;
}
