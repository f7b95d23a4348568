/** `palisade scan --azure`: checks the live-read options, reads Azure with progress on standard error. */
import { UsageError } from '../../cli/usage.js';
import { progressRenderer } from './progress.js';
import { readAzureLive, type LiveReadResult } from './read.js';

export interface LiveCliValues {
  subscription?: string[];
  'resource-group'?: string;
  'arm-endpoint'?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM's resource group names: letters, digits, '_', '-', '.', '(' and ')', up to 90, not ending in '.'.
const RESOURCE_GROUP = /^[-\w.()]{1,90}$/u;

export async function readLiveForCli(values: LiveCliValues, stderr: (s: string) => void, stderrIsTTY: boolean): Promise<LiveReadResult> {
  const seen = new Set<string>();
  const subscriptions = (values.subscription ?? []).map((s) => s.trim()).filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
  if (subscriptions.length === 0) throw new UsageError('--azure needs at least one --subscription <id>');
  for (const s of subscriptions) if (!GUID.test(s)) throw new UsageError(`--subscription expects a subscription id (a GUID), got '${s}'`);
  const rg = values['resource-group'];
  if (rg !== undefined && (!RESOURCE_GROUP.test(rg) || rg.endsWith('.'))) throw new UsageError(`--resource-group: '${rg}' is not a resource group name`);
  let endpoint: string | undefined;
  if (values['arm-endpoint'] !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(values['arm-endpoint']);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.search || url.hash) throw new UsageError(`--arm-endpoint expects an https URL such as https://management.usgovcloudapi.net, got '${values['arm-endpoint']}'`);
    endpoint = url.toString().replace(/\/+$/, '');
  }
  const progress = progressRenderer(stderr, stderrIsTTY);
  try {
    return await readAzureLive({
      subscriptions,
      ...(rg !== undefined ? { resourceGroup: rg } : {}),
      ...(endpoint ? { endpoint } : {}),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.finish();
  }
}
