import { joinPointer } from '../parse/lines.js';

/**
 * A control that cannot decide from its input throws this; the engine reports it as "not evaluated"
 * (kind skipped) with the message, never as a pass. Azure inputs meet it often: a template value that is
 * an expression, a side input the user did not give.
 */
export class CannotEvaluate extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CannotEvaluate';
  }
}

const lowerKeyIndex = new WeakMap<object, Map<string, string>>();

/** Own keys of an object by lower case, built once per object: Azure key case differs between ARM and az. */
function keyIndex(o: Record<string, unknown>): Map<string, string> {
  let idx = lowerKeyIndex.get(o);
  if (!idx) {
    idx = new Map();
    for (const k of Object.keys(o)) if (!idx.has(k.toLowerCase())) idx.set(k.toLowerCase(), k);
    lowerKeyIndex.set(o, idx);
  }
  return idx;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An ARM template expression: "[...]" but not the "[[" escape for a literal bracket. */
export function isTemplateExpression(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 2 && v.startsWith('[') && v.endsWith(']') && !v.startsWith('[[');
}

/**
 * A read-only view of one value in an Azure resource body, with the JSON pointer it was read from.
 *
 * The same resource arrives in two shapes: an ARM body (`properties` wraps the settings, acronyms upper
 * case: `enableRBAC`) and `az … show` output (flattened, `enableRbac`, unset values `null`). The view
 * hides both differences, as the catalog's normalisation rules say: keys match case-insensitively, a key
 * not found on an object is looked up in its `properties`, and `null` is absent. Nothing is copied, so
 * every value keeps the pointer of where it is written, and a finding on an absent setting points at the
 * nearest object that does exist.
 */
export class AzNode {
  private constructor(
    /** The value as written; undefined when absent (or null). */
    readonly value: unknown,
    /** Pointer (relative to the subject's root) of the value, or of its nearest existing ancestor when absent. */
    readonly pointer: string,
    /** Dotted path from the root as the controls asked for it, for messages ("apiServerAccessProfile.enablePrivateCluster"). */
    readonly path: string,
    /**
     * Set when an ancestor is a template expression ("securityProfile": "[variables('sp')]"): whether this
     * value exists, and what it is, cannot be known offline, so every read of it refuses.
     */
    private readonly unresolved?: { path: string; expression: string },
  ) {}

  static root(value: unknown, pointer = ''): AzNode {
    return new AzNode(value === null ? undefined : value, pointer, '');
  }

  get exists(): boolean {
    this.refuseUnresolved();
    return this.value !== undefined;
  }

  private refuseUnresolved(): void {
    if (this.unresolved) {
      throw new CannotEvaluate(
        `${this.path} is inside ${this.unresolved.path}, the template expression ${JSON.stringify(this.unresolved.expression)}, which cannot be resolved offline`,
      );
    }
  }

  /** The child by key (case-insensitive; `properties` is looked through) or by a dotted path "a.b.c". */
  get(path: string): AzNode {
    return path.split('.').reduce<AzNode>((node, key) => node.child(key), this);
  }

  private child(key: string): AzNode {
    const childPath = this.path ? `${this.path}.${key}` : key;
    const v = this.value;
    if (this.unresolved) return new AzNode(undefined, this.pointer, childPath, this.unresolved);
    if (isTemplateExpression(v)) return new AzNode(undefined, this.pointer, childPath, { path: this.path || '(root)', expression: v });
    if (!isPlainObject(v)) return new AzNode(undefined, this.pointer, childPath);
    const own = keyIndex(v).get(key.toLowerCase());
    if (own !== undefined && v[own] !== null && v[own] !== undefined) {
      return new AzNode(v[own], joinPointer(this.pointer, own), childPath);
    }
    const propsKey = keyIndex(v).get('properties');
    if (propsKey !== undefined && key.toLowerCase() !== 'properties' && isPlainObject(v[propsKey])) {
      const props = v[propsKey] as Record<string, unknown>;
      const inner = keyIndex(props).get(key.toLowerCase());
      if (inner !== undefined && props[inner] !== null && props[inner] !== undefined) {
        return new AzNode(props[inner], joinPointer(this.pointer, propsKey, inner), childPath);
      }
      // Absent: point at `properties`, where the setting would be written.
      return new AzNode(undefined, joinPointer(this.pointer, propsKey), childPath);
    }
    return new AzNode(undefined, this.pointer, childPath);
  }

  /** Array items (an absent value or a non-array has none). */
  items(): AzNode[] {
    this.guard();
    const v = this.value;
    if (!Array.isArray(v)) return [];
    return v.map((item, i) => new AzNode(item === null ? undefined : item, joinPointer(this.pointer, i), `${this.path}[${i}]`));
  }

  /** Entries of an object, for dictionaries such as addonProfiles and patchVersions. */
  entries(): [string, AzNode][] {
    this.guard();
    const v = this.value;
    if (!isPlainObject(v)) return [];
    return Object.keys(v).map((k) => [k, new AzNode(v[k] === null ? undefined : v[k], joinPointer(this.pointer, k), `${this.path}.${k}`)]);
  }

  private guard(): void {
    this.refuseUnresolved();
    if (isTemplateExpression(this.value)) {
      throw new CannotEvaluate(`${this.path} is the template expression ${JSON.stringify(this.value)}, which cannot be resolved offline`);
    }
  }

  /** The value as a string (numbers and booleans are stringified), or undefined. */
  str(): string | undefined {
    this.guard();
    const v = this.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  /** The value as a boolean: JSON booleans and the strings "true"/"false" (add-on config values are strings). */
  bool(): boolean | undefined {
    this.guard();
    const v = this.value;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      const l = v.trim().toLowerCase();
      if (l === 'true') return true;
      if (l === 'false') return false;
    }
    return undefined;
  }

  num(): number | undefined {
    this.guard();
    const v = this.value;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  }

  /** True when the value equals one of `values`, compared case-insensitively (Azure enums vary in case). */
  is(...values: string[]): boolean {
    const s = this.str();
    if (s === undefined) return false;
    const l = s.toLowerCase();
    return values.some((v) => v.toLowerCase() === l);
  }

  /** String items of an array value (template expressions among them make it undecidable). */
  strings(): string[] {
    return this.items().map((n) => n.str()).filter((s): s is string => s !== undefined);
  }
}
