import type { ReportRead, VexStatement } from './types.js';
import { arr, isVendorStatus, str, type Json } from './util.js';

/** OpenVEX (reference §4.4): a suppression input; later statements for the same vulnerability and product win. */
export function readOpenVex(doc: Json, file: string): ReportRead {
  const vex: VexStatement[] = [];
  for (const [i, s] of arr(doc.statements).entries()) {
    const v = s?.vulnerability;
    const ids = [str(typeof v === 'string' ? v : v?.name), str(v?.['@id']), ...arr(v?.aliases).map(str)].filter((x): x is string => !!x);
    if (ids.length === 0) continue;
    const status = str(s.status) ?? 'unknown';
    const purls: string[] = [];
    const images: string[] = [];
    for (const p of arr(s.products)) {
      const pid = str(typeof p === 'string' ? p : p?.['@id']);
      const subs = arr(p?.subcomponents).map((c: Json) => str(typeof c === 'string' ? c : c?.['@id'])).filter((x: unknown): x is string => !!x);
      if (pid?.startsWith('pkg:oci/') || (pid && !pid.startsWith('pkg:'))) images.push(pid);
      else if (pid) purls.push(pid);
      purls.push(...subs);
    }
    const st: VexStatement = { ids, purls, images, status: isVendorStatus(status) ? status : 'unknown', origin: `${file}#/statements/${i}` };
    const just = str(s.justification) ?? str(s.impact_statement);
    if (just) st.justification = just;
    vex.push(st);
  }
  return { file, format: 'openvex', findings: [], vex, notes: [] };
}
