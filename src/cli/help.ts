import { PROFILES } from '../policy/profiles.js';
import { VERSION } from '../version.js';

/**
 * The whole usage text. The webhook's and the gate's parts live beside their commands and are loaded only
 * when help is asked for, so that the CLI starts without loading every command.
 */
export async function fullHelp(): Promise<string> {
  const [{ WEBHOOK_HELP }, { GATE_HELP }] = await Promise.all([import('./webhook.js'), import('./gate.js')]);
  return `palisade ${VERSION}: security governance for AKS and Kubernetes

Usage:
  palisade scan <path…|-> [options]     scan manifests, Dockerfiles and images (files, folders, or - for stdin)
  palisade scan --azure --subscription <id> [--subscription <id>…] [--resource-group <rg>] [path…] [options]
                                        read AKS clusters and container registries live from Azure Resource Manager
  palisade controls list [--format text|json|markdown] [--profile <name>]
  palisade controls explain <id|name>
  palisade controls coverage            seed countermeasure coverage (markdown)
  palisade webhook serve --port <n> --tls-cert <file> --tls-key <file> [options]
  palisade webhook certs --out <dir> [--service <name>] [--namespace <ns>] [--days <n>]
  palisade gate vulns <report…> [options]  vulnerability gate over Trivy/Grype/CycloneDX/SARIF reports
  palisade version

Scan options:
  -f, --format <text|json|sarif|junit>  output format (default text)
  -o, --output <file>                   write the report to a file instead of standard output
  -c, --config <file>                   configuration file (default: palisade.yaml found upward from the first path)
      --no-config                       ignore palisade.yaml files
  -p, --profile <name>                  ${PROFILES.join(' | ')} (default recommended)
      --pss-version <v1.N|latest>       Pod Security Standards version (default latest, v1.37)
      --fail-on <severity>              info | low | medium | high | critical (default low)
      --stage <ci|admission|audit>      which stage's actions apply (default ci)
      --max-file-size <MiB>             refuse larger inputs (default 64)
      --as-of <YYYY-MM-DD>              evaluation date: version support, exemption expiry, image age (default today)
      --aks-calendar <file>             AKS version calendar JSON (default: azure.versionCalendar, else the bundled one)
      --no-color                        plain text even on a terminal

Live Azure (scan --azure):
      --subscription <id>               subscription to read (repeat for several); required with --azure
      --resource-group <rg>             read only this resource group in each subscription
      --arm-endpoint <url>              Azure Resource Manager URL (default https://management.azure.com; sovereign clouds)
  Reads managed clusters, registries, each registry's tokens and AcrPull role assignments, and the AKS versions of
  each cluster region, signed in with DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET,
  workload or managed identity, or 'az login'). Needs Reader on the scopes. What cannot be read (403, 404, network)
  is listed as not evaluated (AZURE-LIVE), never as a pass. Paths given too are scanned with them as one estate.

${WEBHOOK_HELP}
${GATE_HELP}
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or input error that stopped the scan
(or, with --azure, no scope could be read).
`;
}
