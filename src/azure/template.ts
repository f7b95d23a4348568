import { joinPointer } from '../parse/lines.js';
import { isTemplateExpression } from './view.js';

/**
 * ARM templates (and Bicep compiled to ARM JSON): the resources they declare, with the simple expressions
 * resolved. Only what can be known offline is resolved: `[parameters('x')]` from the parameter's
 * `defaultValue` (or the value a nested deployment passes), `[variables('x')]`, both also when the whole
 * value is one of them inside another. Anything else stays an expression, and a control that needs it
 * says "not evaluated" (the view refuses to read an expression as a value).
 */

export interface TemplateResource {
  /** Full type: a nested child's type is joined to its parent's ("Microsoft.ContainerService/managedClusters/agentPools"). */
  type: string;
  /** The name with its expression resolved when possible. */
  name: string;
  /** Symbolic name (languageVersion 2.0 templates), when the resource has one. */
  symbol?: string;
  /** The resource with simple expressions resolved (a copy; the template is not changed). */
  body: Record<string, unknown>;
  /** Pointer of the resource inside the template document. */
  pointer: string;
  /** The raw strings of `dependsOn`, `scope`, and the role-assignment fields, for relation hints. */
  raw: Record<string, unknown>;
}

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isArmTemplate(v: unknown): boolean {
  if (!isDict(v)) return false;
  const schema = typeof v.$schema === 'string' ? v.$schema : '';
  if (/deploymentTemplate\.json/i.test(schema)) return true;
  return 'resources' in v && ('contentVersion' in v || 'parameters' in v) && (Array.isArray(v.resources) || isDict(v.resources));
}

function lookup(dict: unknown, key: string): { found: boolean; value?: unknown } {
  if (!isDict(dict)) return { found: false };
  const k = Object.keys(dict).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? { found: false } : { found: true, value: dict[k] };
}

const SIMPLE_REF = /^\[\s*(parameters|variables)\(\s*'([^']+)'\s*\)\s*\]$/i;

class Scope {
  constructor(
    private readonly parameters: Dict,
    private readonly variables: Dict,
    /** Values a nested deployment passes in (`properties.parameters.x.value`). */
    private readonly passed: Dict = {},
  ) {}

  resolve(value: unknown, depth = 0): unknown {
    if (depth > 16) return value;
    if (isTemplateExpression(value)) {
      const joined = this.resolveStringFunction(value, depth);
      if (joined !== undefined) return joined;
      const m = SIMPLE_REF.exec(value);
      if (!m) return value;
      const [, fn, name] = m as unknown as [string, string, string];
      if (fn.toLowerCase() === 'parameters') {
        const p = lookup(this.passed, name);
        if (p.found && isDict(p.value) && 'value' in p.value) return this.resolve(p.value.value, depth + 1);
        const d = lookup(this.parameters, name);
        if (d.found && isDict(d.value) && 'defaultValue' in d.value) return this.resolve(d.value.defaultValue, depth + 1);
        return value;
      }
      const v = lookup(this.variables, name);
      return v.found ? this.resolve(v.value, depth + 1) : value;
    }
    if (Array.isArray(value)) return value.map((x) => this.resolve(x, depth));
    if (isDict(value)) {
      const out: Dict = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolve(v, depth);
      return out;
    }
    return value;
  }

  /**
   * `format('{0}/{1}', parameters('cluster'), 'pool')` and `concat('pe-', parameters('acr'))`, the string
   * builders Bicep emits for names, when every argument is known; undefined otherwise.
   */
  private resolveStringFunction(expression: string, depth: number): string | undefined {
    const m = /^\[\s*(format|concat)\s*\(([\s\S]*)\)\s*\]$/i.exec(expression);
    if (!m) return undefined;
    const args = splitArguments(m[2] as string).map((a) => resolveArgumentWith(this, a, depth));
    if (args.some((a) => a === undefined)) return undefined;
    if ((m[1] as string).toLowerCase() === 'concat') return args.map(String).join('');
    const [fmt, ...rest] = args;
    if (typeof fmt !== 'string') return undefined;
    let ok = true;
    const out = fmt.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, i: string) => {
      const v = rest[Number(i)];
      if (v === undefined) ok = false;
      return String(v);
    });
    return ok ? out : undefined;
  }
}

export interface ScopeLike {
  resolve(value: unknown, depth?: number): unknown;
}

/** Splits "a, 'b,c', f(x, y)" at its top-level commas. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      // '' inside a string is an escaped quote
      if (inString && text[i + 1] === "'") {
        i++;
        continue;
      }
      inString = !inString;
    } else if (!inString && (c === '(' || c === '[')) depth++;
    else if (!inString && (c === ')' || c === ']')) depth--;
    else if (!inString && c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** One argument of a string function: a literal, a number, or a parameters()/variables() reference. */
function resolveArgumentWith(scope: ScopeLike, arg: string, depth: number): string | number | boolean | undefined {
  const lit = /^'((?:[^']|'')*)'$/.exec(arg);
  if (lit) return (lit[1] as string).replace(/''/g, "'");
  if (/^-?\d+$/.test(arg)) return Number(arg);
  if (arg === 'true' || arg === 'false') return arg === 'true';
  const v = scope.resolve(`[${arg}]`, depth + 1);
  return typeof v === 'string' && isTemplateExpression(v) ? undefined : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

function resourcesOf(container: unknown, pointer: string): { value: Dict; pointer: string; symbol?: string }[] {
  if (Array.isArray(container)) {
    return container.flatMap((r, i) => (isDict(r) ? [{ value: r, pointer: joinPointer(pointer, i) }] : []));
  }
  if (isDict(container)) {
    return Object.entries(container).flatMap(([sym, r]) => (isDict(r) ? [{ value: r, pointer: joinPointer(pointer, sym), symbol: sym }] : []));
  }
  return [];
}

/** Every resource a template declares, nested children and nested deployments' templates included. */
export function templateResources(template: Dict): TemplateResource[] {
  const out: TemplateResource[] = [];
  walkTemplate(template, '', {}, out);
  return out;
}

function walkTemplate(template: Dict, pointer: string, passed: Dict, out: TemplateResource[]): void {
  const params = isDict(template.parameters) ? template.parameters : {};
  const rawVars = isDict(template.variables) ? template.variables : {};
  const scope = new Scope(params, rawVars, passed);
  const visit = (items: { value: Dict; pointer: string; symbol?: string }[], parentType: string, parentName: string): void => {
    for (const { value: r, pointer: p, symbol } of items) {
      const ownType = typeof r.type === 'string' ? r.type : '';
      const type = parentType && !ownType.includes('.') ? `${parentType}/${ownType}` : ownType;
      const resolvedName = scope.resolve(r.name);
      let name = typeof resolvedName === 'string' ? resolvedName : String(r.name ?? '');
      if (parentName && !name.includes('/') && !isTemplateExpression(name)) name = `${parentName}/${name}`;
      const body = scope.resolve(r) as Dict;
      // A resource that is deployed only on a condition that is literally false is not deployed.
      if (body.condition === false) continue;
      if (/^Microsoft\.Resources\/deployments$/i.test(type) && isDict(body.properties)) {
        const inner = (r.properties as Dict).template;
        if (isDict(inner)) {
          const passedIn = isDict(body.properties.parameters) ? (body.properties.parameters as Dict) : {};
          walkTemplate(inner, joinPointer(p, 'properties', 'template'), passedIn, out);
        }
        continue;
      }
      out.push({ type, name, ...(symbol ? { symbol } : {}), body, pointer: p, raw: r });
      if (r.resources !== undefined) visit(resourcesOf(r.resources, joinPointer(p, 'resources')), type, name);
    }
  };
  visit(resourcesOf(template.resources, joinPointer(pointer, 'resources')), '', '');
}

/**
 * Names a template expression refers to for a resource type: `resourceId('Microsoft.ContainerRegistry/registries',
 * 'acr1')`, `format('…/registries/{0}', parameters('acr'))`, or a symbolic name. Used to tell which cluster
 * a role assignment's principal belongs to and which registry is its scope.
 */
export function referencedNames(expression: string, typeSuffix: string, template: TemplateContext): string[] {
  const names = new Set<string>();
  const suffix = typeSuffix.toLowerCase();
  const lower = expression.toLowerCase();
  // resourceId('…/registries', <arg>) and format('…/registries/{0}', <arg>)
  const re = new RegExp(`${suffix.replace(/[/.]/g, (c) => `\\${c}`)}(?:/\\{0\\})?'\\s*,\\s*`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower))) {
    const arg = readArgument(expression, m.index + m[0].length);
    const resolved = template.resolveArgument(arg);
    if (resolved) names.add(resolved);
  }
  // a literal path: "…/providers/Microsoft.ContainerRegistry/registries/acr1"
  const lit = new RegExp(`${suffix.replace(/[/.]/g, (c) => `\\${c}`)}/([A-Za-z0-9-_]+)`, 'i').exec(expression);
  if (lit?.[1] && lit[1] !== '{0}') names.add(lit[1]);
  // symbolic references: reference('aks') / resourceId-less symbolic names in languageVersion 2.0
  for (const [symbol, name] of template.symbols) {
    if (!template.typeOfSymbol(symbol)?.toLowerCase().endsWith(suffix)) continue;
    if (new RegExp(`(?:reference|resourceInfo)\\(\\s*'${symbol}'`, 'i').test(expression) || expression === symbol) names.add(name);
  }
  return [...names];
}

function readArgument(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === '(') depth++;
    else if (!inString && c === ')') {
      if (depth === 0) return text.slice(start, i).trim();
      depth--;
    } else if (!inString && c === ',' && depth === 0) return text.slice(start, i).trim();
  }
  return text.slice(start).trim();
}

/** What relation hints need from the whole template: argument resolution and symbolic names. */
export class TemplateContext {
  readonly symbols: Map<string, string>;
  private readonly types: Map<string, string>;
  private readonly scope: Scope;

  constructor(template: Dict, resources: TemplateResource[]) {
    this.scope = new Scope(isDict(template.parameters) ? template.parameters : {}, isDict(template.variables) ? template.variables : {});
    this.symbols = new Map(resources.filter((r) => r.symbol).map((r) => [r.symbol as string, r.name]));
    this.types = new Map(resources.filter((r) => r.symbol).map((r) => [r.symbol as string, r.type]));
  }

  typeOfSymbol(symbol: string): string | undefined {
    return this.types.get(symbol);
  }

  /** A literal 'x', parameters('x') or variables('x') argument, resolved to a string when possible. */
  resolveArgument(arg: string): string | undefined {
    const v = resolveArgumentWith(this.scope, arg, 0);
    return typeof v === 'string' ? v : undefined;
  }
}
