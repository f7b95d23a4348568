/**
 * Every countermeasure of the mission (MISSION.md) that no control of this release implements, with the
 * reason. "organisational" measures are processes a tool can only report on; "planned" ones belong to a
 * capability that has not landed yet. The catalog test fails if an id is neither implemented nor listed.
 */
export interface UncoveredSeed {
  /** 'command': implemented by a Palisade command outside the control catalog (e.g. `palisade gate vulns`). */
  status: 'organisational' | 'planned' | 'command';
  reason: string;
}

export const SEED_IDS = [
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10',
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11',
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13',
  'N1', 'N2', 'N3', 'N4', 'N5', 'N6',
  'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12',
  'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K11', 'K12', 'K13',
] as const;

export const SEED_TITLES: Record<string, string> = {
  B1: 'Images run with more privilege than needed', B2: 'Images open network access they should not',
  B3: 'No system-call limits (seccomp)', B4: 'Containers reach sensitive host paths', B5: 'Rogue containers',
  B6: 'Untrusted or stale base images', B7: 'Vulnerability gate with vendor status and grace periods',
  B8: 'Compliance checked at build time', B9: 'CIS Docker Benchmark', B10: 'One tool across the image life',
  R1: 'Registry drift from the build', R2: 'No pushing or pulling tainted images', R3: 'Image signing',
  R4: 'Encrypted channels to registries', R5: 'Content from trusted sources', R6: 'Remove insecure images',
  R7: 'Immutable references (digest)', R8: 'Registry authentication and authorisation', R9: 'Federated access, gated pushes',
  R10: 'Promotion between registries', R11: 'Integrity proven by signatures',
  C1: 'Least-privilege access', C2: 'Strong authentication (Entra ID, MFA)', C3: 'Encryption of container data',
  C4: 'Traffic separated by sensitivity', C5: 'Taints/tolerations isolate sensitivity', C6: 'Segmentation by purpose and sensitivity',
  C7: 'Secure node join, real-time state', C8: 'Isolate and remove compromised nodes', C9: 'Runtime configuration standards enforced',
  C10: 'Kubernetes vulnerabilities fixed, supported version', C11: 'Separate dev/test/prod', C12: 'Container creation tied to identity',
  C13: 'Intra-cluster traffic monitored',
  N1: 'SSH to nodes restricted', N2: 'Container-specific node OS', N3: 'Node patches and reboots', N4: 'No direct container management on nodes',
  N5: 'No sensitive host directory mounts', N6: 'Defender for Servers cost note',
  A1: 'Images kept up to date', A2: 'Malicious files in images', A3: 'Third-party containers', A4: 'No secrets in code, manifests, images',
  A5: 'Application flaws', A6: 'Egress control', A7: 'No co-location of different sensitivity', A8: 'Secrets in Key Vault',
  A9: 'Only trusted images run', A10: 'Seccomp / AppArmor profiles', A11: 'Run-time anomaly detection', A12: 'Read-only root file system',
  K1: 'Private cluster / authorized IP ranges', K2: 'AppArmor', K3: 'Seccomp, no privilege escalation', K4: 'Registry via Private Link',
  K5: 'Shared vs dedicated registry', K6: 'Defender for Containers', K7: 'Image vulnerability scanning', K8: 'kubeconfig access with Azure RBAC',
  K9: 'Least pod permissions, no root', K10: 'Workload Identity with Key Vault CSI', K11: 'Node image upgrade or kured',
  K12: 'Azure Policy add-on', K13: 'Defender for Cloud recommendations',
};

export const UNCOVERED_SEEDS: Record<string, UncoveredSeed> = {
  B5: { status: 'planned', reason: 'Rogue containers need the admission webhook (M11) and audit-log analysis (M12).' },
  B7: { status: 'command', reason: '`palisade gate vulns`: vendor status, grace periods per severity, SecOps backlog, VEX and exceptions (not a catalog control: it reads scanner reports, not manifests).' },
  A2: { status: 'planned', reason: 'Malicious files in images need layer analysis (M14) and run-time detection (M13).' },
  A5: { status: 'organisational', reason: 'Application flaws (XSS, SQL injection) are found by application security testing, not by cluster configuration; Palisade limits their blast radius through the isolation controls.' },
  K7: { status: 'command', reason: '`palisade gate vulns` gates the reports of image vulnerability scanners (Trivy, Grype, CycloneDX, SARIF).' },
};

/** CIS Docker Benchmark v1.6.0 section 4 ("Container Images and Build File Configuration"), by number. */
export const CIS_DOCKER_SECTION_4: Record<string, string> = {
  '4.1': 'Ensure that a user for the container has been created',
  '4.2': 'Ensure that containers use only trusted base images',
  '4.3': 'Ensure that unnecessary packages are not installed in the container',
  '4.4': 'Ensure images are scanned and rebuilt to include security patches',
  '4.5': 'Ensure Content trust for Docker is Enabled',
  '4.6': 'Ensure that HEALTHCHECK instructions have been added to container images',
  '4.7': 'Ensure update instructions are not used alone in the Dockerfile',
  '4.8': 'Ensure setuid and setgid permissions are removed',
  '4.9': 'Ensure that COPY is used instead of ADD in Dockerfiles',
  '4.10': 'Ensure secrets are not stored in Dockerfiles',
  '4.11': 'Ensure only verified packages are installed',
  '4.12': 'Ensure all signed artifacts are validated',
};

/**
 * The section 4 items no Dockerfile control checks, with the reason; every other item is named in
 * some control's frameworks['cis-docker']. A test fails when an item is neither, or both.
 */
export const CIS_DOCKER_NOT_CHECKED: Record<string, string> = {
  '4.3':
    'Which packages are unnecessary depends on the application, so a Dockerfile rule could only guess (installing ' +
    'vim or curl is not wrong in itself, and --no-install-recommends is a size hint). The precise cases are covered: an ' +
    'SSH server (BLD-002), package caches (BLD-011). The package inventory of a built image belongs to the layer scan.',
  '4.4': 'Scanning and rebuilding is judged from vulnerability reports and image age, not from the Dockerfile: the vulnerability gate (M3).',
  '4.5': 'Content trust is a setting of the Docker host (DOCKER_CONTENT_TRUST=1), not of the image; signature verification is capability M5.',
  '4.12': 'Validating signed artifacts needs the signatures in the registry (capability M5); a Dockerfile does not show it.',
};
