import { asAny, type AnyControl } from '../define.js';
import adminUserDisabled from './acr-admin-user-disabled.js';
import anonymousPullDisabled from './acr-anonymous-pull-disabled.js';
import armAudienceTokensDisabled from './acr-arm-audience-tokens-disabled.js';
import tokensLeastPrivilege from './acr-tokens-least-privilege.js';
import abacRepositoryPermissions from './acr-abac-repository-permissions.js';
import publicNetworkAccessDisabled from './acr-public-network-access-disabled.js';
import noUnrestrictedNetworkAccess from './acr-no-unrestricted-network-access.js';
import privateLinkApproved from './acr-private-link-approved.js';
import premiumSku from './acr-premium-sku.js';
import trustedServicesBypass from './acr-trusted-services-bypass.js';
import dedicatedDataEndpoints from './acr-dedicated-data-endpoints.js';
import exportDisabled from './acr-export-disabled.js';
import quarantineEnabled from './acr-quarantine-enabled.js';

/** ACR registry posture controls (catalog ACR-001…023), on `az acr show` / ARM / template input. */
export const acrControls: AnyControl[] = [
  asAny(adminUserDisabled),
  asAny(anonymousPullDisabled),
  asAny(armAudienceTokensDisabled),
  asAny(tokensLeastPrivilege),
  asAny(abacRepositoryPermissions),
  asAny(publicNetworkAccessDisabled),
  asAny(noUnrestrictedNetworkAccess),
  asAny(privateLinkApproved),
  asAny(premiumSku),
  asAny(trustedServicesBypass),
  asAny(dedicatedDataEndpoints),
  asAny(exportDisabled),
  asAny(quarantineEnabled),
];
