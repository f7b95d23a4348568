/** The parts of an Azure resource id that reports and the estate need. Case-insensitive, as ARM is. */
export interface ParsedResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** Provider namespace and type path, e.g. "Microsoft.ContainerRegistry/registries/tokens". */
  type?: string;
  /** Name of the last resource in the id. */
  name?: string;
  /** Names along the type path: ["myRegistry", "myToken"]. */
  names: string[];
  /** The id of the parent resource (for a child such as a token), when there is one. */
  parentId?: string;
  /** Location segment (`/locations/<region>/`), as provider list bodies carry. */
  location?: string;
}

export function parseResourceId(id: string): ParsedResourceId {
  const segs = id.split('/').filter((s) => s !== '');
  const out: ParsedResourceId = { names: [] };
  let i = 0;
  while (i < segs.length) {
    const key = (segs[i] as string).toLowerCase();
    const val = segs[i + 1];
    if (key === 'subscriptions' && val) out.subscriptionId = val;
    else if (key === 'resourcegroups' && val) out.resourceGroup = val;
    else if (key === 'locations' && val) out.location = val;
    else if (key === 'providers' && val) {
      const typeParts = [val];
      let j = i + 2;
      const prefix = segs.slice(0, i + 2).join('/');
      let current = '/' + prefix;
      while (j + 1 < segs.length) {
        typeParts.push(segs[j] as string);
        out.names.push(segs[j + 1] as string);
        if (j + 2 < segs.length) out.parentId = current + '/' + segs[j] + '/' + segs[j + 1];
        current += '/' + segs[j] + '/' + segs[j + 1];
        j += 2;
      }
      out.type = typeParts.join('/');
      const last = out.names[out.names.length - 1];
      if (last !== undefined) out.name = last;
      break;
    }
    i += 2;
  }
  return out;
}
