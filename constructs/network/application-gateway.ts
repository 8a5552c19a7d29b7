/**
 * An Application Gateway WAF_v2 in Norway, the one way in for web applications: a WAF policy with the
 * OWASP 3.2 (or Microsoft Default Rule Set) managed rules in Prevention mode, an HTTPS listener per site
 * with a TLS 1.2+ policy (AppGwSslPolicy20220101S) and a certificate from Key Vault, HTTP only as a
 * permanent redirect to HTTPS, HTTPS to the backends, zones from the region's capabilities, autoscaling
 * and diagnostics to a Log Analytics workspace in Norway. Where allowed sources are given, the WAF
 * blocks every other client address.
 *
 * Its public frontend IP is the justified exception to NET-004: the stack that deploys the gateway
 * passes the suppression (constructs never import the policy engine); see stacks/gateway-approval.ts.
 */
import { Construct } from 'constructs';
import { ApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import type { DiagnosticSettingsOption, NorwayConstructProps } from '../core/interfaces';
import { NorwayRegion, regionCapabilities } from '../core/region';
import { isLiteral, Problems } from '../core/validation';
import { addDiagnosticSettings, validateDiagnosticSettings } from '../interfaces';
import { validateKeys } from '../interfaces/keys';

/** Until when the gateway public IP's NET-004 suppression holds by default: reviewed yearly. */
export const GATEWAY_PUBLIC_IP_REVIEW_UNTIL = '2027-11-24';

export const GATEWAY_PUBLIC_IP_REASON =
  'The Application Gateway WAF_v2 is the one way in for web apps: HTTPS only, WAF in Prevention mode, backends private.';

/** One web application behind the gateway. */
export interface GatewaySiteConfig {
  /** The public host name the site answers to, e.g. `journal.fjellheim.no`. */
  readonly hostName: string;
  /** Versionless Key Vault secret id of the site's TLS certificate (PFX), readable by the gateway's identity. */
  readonly certificateSecretId: string;
  /** Private FQDNs of the backends (e.g. a web app's private endpoint name). One of fqdns or ip addresses. */
  readonly backendFqdns?: readonly string[];
  /** Private IP addresses of the backends (e.g. an AKS internal load balancer). */
  readonly backendIpAddresses?: readonly string[];
  /** @default 443 (HTTPS to the backend) */
  readonly backendPort?: number;
  /** The host name sent to the backend and checked in its certificate. @default - the site's hostName */
  readonly backendHostName?: string;
  /** @default '/' */
  readonly probePath?: string;
}

export interface NorwayApplicationGatewayProps extends NorwayConstructProps {
  /** 1-80 letters, digits, '.', '-' or '_'. */
  readonly name: string;
  /** The gateway's own subnet (nothing else in it). */
  readonly subnetId: string;
  /** Sites by a stable key (becomes listener, pool and rule names). */
  readonly sites: Readonly<Record<string, GatewaySiteConfig>>;
  /** Required: access and firewall logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /**
   * Client address ranges the WAF admits (the hospital's approved public ranges); all others are blocked.
   * @default - every client address (the WAF's managed rules still filter each request)
   */
  readonly allowedSourceRanges?: readonly string[];
  /** @default 'OWASP-3.2' */
  readonly managedRuleSet?: 'OWASP-3.2' | 'Microsoft_DefaultRuleSet-2.1';
  /** @default 'AppGwSslPolicy20220101S' (TLS 1.2 minimum, strong ciphers) */
  readonly sslPolicyName?: 'AppGwSslPolicy20220101S' | 'AppGwSslPolicy20220101';
  /** @default 2 where the region has zones, else 1 */
  readonly minCapacity?: number;
  /** @default 10 */
  readonly maxCapacity?: number;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,78}[a-zA-Z0-9_]$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;

export class NorwayApplicationGateway extends Construct {
  readonly resource: ApplicationGateway;
  readonly firewallPolicy: WebApplicationFirewallPolicy;
  readonly publicIp: PublicIp;
  /** Reads the certificates: grant it `Key Vault Secrets User` on the vault that holds them. */
  readonly identity: UserAssignedIdentity;
  readonly region: NorwayRegion;
  readonly id: string;

  constructor(scope: Construct, id: string, props: NorwayApplicationGatewayProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!NAME.test(props.name ?? ''))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-80 letters, digits, '.', '-' or '_'`,
      );
    if (!props.subnetId) problems.add('subnetId is empty: pass the subnet dedicated to the gateway');
    validateKeys(problems, 'sites', props.sites);
    if (!props.sites || Object.keys(props.sites).length === 0)
      problems.add('sites is empty: name at least one site the gateway serves');
    for (const [key, site] of Object.entries(props.sites ?? {})) {
      if (isLiteral(site.hostName) && !HOST.test(site.hostName))
        problems.add(`sites.${key}.hostName ${JSON.stringify(site.hostName)} is not a host name`);
      if (!site.certificateSecretId)
        problems.add(`sites.${key}.certificateSecretId is empty: HTTPS needs a certificate from Key Vault`);
      if ((site.backendFqdns?.length ?? 0) + (site.backendIpAddresses?.length ?? 0) === 0)
        problems.add(`sites.${key} has no backend: pass backendFqdns or backendIpAddresses`);
      const port = site.backendPort ?? 443;
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        problems.add(`sites.${key}.backendPort ${port} is not a port`);
    }
    for (const range of props.allowedSourceRanges ?? [])
      if (isLiteral(range) && !CIDR.test(range))
        problems.add(`allowedSourceRanges ${JSON.stringify(range)} is not an IPv4 address or CIDR`);
    if (props.allowedSourceRanges && props.allowedSourceRanges.length === 0)
      problems.add('allowedSourceRanges is empty: leave it out to admit every client, or list the ranges');
    const zones = [...regionCapabilities(props.region ?? 'norwayeast').zones];
    const minCapacity = props.minCapacity ?? (zones.length > 0 ? 2 : 1);
    const maxCapacity = props.maxCapacity ?? 10;
    if (!Number.isInteger(minCapacity) || minCapacity < 0 || minCapacity > 125)
      problems.add(`minCapacity ${minCapacity} is outside 0-125`);
    if (!Number.isInteger(maxCapacity) || maxCapacity < 2 || maxCapacity > 125 || maxCapacity < minCapacity)
      problems.add(`maxCapacity ${maxCapacity} is outside ${Math.max(2, minCapacity)}-125`);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const [ruleSetType, ruleSetVersion] = (props.managedRuleSet ?? 'OWASP-3.2').split('-');

    this.firewallPolicy = new WebApplicationFirewallPolicy(this, 'FirewallPolicy', {
      name: `${props.name}-waf`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      policySettings: {
        enabled: true,
        mode: 'Prevention',
        requestBodyCheck: true,
        fileUploadLimitInMb: 100,
        maxRequestBodySizeInKb: 128,
      },
      managedRules: { managedRuleSet: [{ type: ruleSetType, version: ruleSetVersion }] },
      customRules: props.allowedSourceRanges
        ? [
            {
              name: 'AllowOnlyApprovedSources',
              priority: 1,
              ruleType: 'MatchRule',
              action: 'Block',
              matchConditions: [
                {
                  matchVariables: [{ variableName: 'RemoteAddr' }],
                  operator: 'IPMatch',
                  negationCondition: true,
                  matchValues: [...props.allowedSourceRanges],
                },
              ],
            },
          ]
        : undefined,
      tags,
    });

    this.publicIp = new PublicIp(this, 'PublicIp', {
      name: `${props.name}-pip`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: zones.length > 0 ? zones : undefined,
      tags,
    });
    // The NET-004 suppression of this IP is the stack's decision: see stacks/gateway-approval.ts.

    this.identity = new UserAssignedIdentity(this, 'Identity', {
      name: `${props.name}-identity`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      tags,
    });

    const sites = Object.entries(props.sites);
    this.resource = new ApplicationGateway(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      autoscaleConfiguration: { minCapacity, maxCapacity },
      zones: zones.length > 0 ? zones : undefined,
      enableHttp2: true,
      firewallPolicyId: this.firewallPolicy.id,
      forceFirewallPolicyAssociation: true,
      sslPolicy: { policyType: 'Predefined', policyName: props.sslPolicyName ?? 'AppGwSslPolicy20220101S' },
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      gatewayIpConfiguration: [{ name: 'gateway', subnetId: props.subnetId }],
      frontendIpConfiguration: [{ name: 'public', publicIpAddressId: this.publicIp.id }],
      frontendPort: [
        { name: 'https', port: 443 },
        { name: 'http', port: 80 },
      ],
      sslCertificate: sites.map(([key, site]) => ({ name: key, keyVaultSecretId: site.certificateSecretId })),
      httpListener: sites.flatMap(([key, site]) => [
        {
          name: `${key}-https`,
          frontendIpConfigurationName: 'public',
          frontendPortName: 'https',
          protocol: 'Https',
          hostName: site.hostName,
          requireSni: true,
          sslCertificateName: key,
        },
        {
          name: `${key}-http`,
          frontendIpConfigurationName: 'public',
          frontendPortName: 'http',
          protocol: 'Http',
          hostName: site.hostName,
        },
      ]),
      redirectConfiguration: sites.map(([key]) => ({
        name: `${key}-to-https`,
        redirectType: 'Permanent',
        targetListenerName: `${key}-https`,
        includePath: true,
        includeQueryString: true,
      })),
      backendAddressPool: sites.map(([key, site]) => ({
        name: key,
        fqdns: site.backendFqdns ? [...site.backendFqdns] : undefined,
        ipAddresses: site.backendIpAddresses ? [...site.backendIpAddresses] : undefined,
      })),
      probe: sites.map(([key, site]) => ({
        name: key,
        protocol: 'Https',
        host: site.backendHostName ?? site.hostName,
        path: site.probePath ?? '/',
        interval: 30,
        timeout: 30,
        unhealthyThreshold: 3,
      })),
      backendHttpSettings: sites.map(([key, site]) => ({
        name: key,
        protocol: 'Https',
        port: site.backendPort ?? 443,
        cookieBasedAffinity: 'Disabled',
        hostName: site.backendHostName ?? site.hostName,
        probeName: key,
        requestTimeout: 60,
      })),
      requestRoutingRule: sites.flatMap(([key], i) => [
        {
          name: `${key}-https`,
          ruleType: 'Basic',
          priority: 100 + 2 * i,
          httpListenerName: `${key}-https`,
          backendAddressPoolName: key,
          backendHttpSettingsName: key,
        },
        {
          name: `${key}-http`,
          ruleType: 'Basic',
          priority: 101 + 2 * i,
          httpListenerName: `${key}-http`,
          redirectConfigurationName: `${key}-to-https`,
        },
      ]),
      tags,
    });
    this.id = this.resource.id;
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
