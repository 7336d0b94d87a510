/**
 * The account's detective and preventive services as the fake serves them, each in the protocol
 * the SDK speaks to it: GuardDuty, Macie and IAM Access Analyzer (REST JSON), AWS Config,
 * CodeBuild, EventBridge and ECR (JSON 1.1).
 */
import { FakeAwsError, answering, jsonReply } from './route.js';
import type { FakeHandler, FakeReply, FakeRequest } from './route.js';

export interface FakeSecurityState {
  account: string;
  /** Region → GuardDuty detector status (absent: no detector). */
  guardduty: Map<string, 'ENABLED' | 'DISABLED'>;
  /** Regions where Macie is enabled. */
  macie: Set<string>;
  /** Region → active Access Analyzer findings (absent: no analyzer). */
  accessAnalyzer: Map<string, Array<{ resource: string; resourceType: string; principal: Record<string, string> }>>;
  /** Region → Config rules by name with their source identifier and non-compliant resources. */
  configRules: Map<string, Array<{ name: string; source: string; nonCompliant: string[] }>>;
  /** CodeBuild projects with their environment variables. */
  codebuild: Array<{ name: string; region: string; env: Array<{ name: string; value: string; type: string }> }>;
  /** EventBridge rules on the default bus. */
  rules: Array<{ name: string; region: string; pattern: string; enabled: boolean; targets: string[] }>;
  /** EventBridge API destinations (a rule targets one by `apiDestinationArn`). */
  apiDestinations: Array<{ name: string; region: string; endpoint: string; method: string }>;
  /** ECR repositories with their policy text. */
  ecr: Array<{ name: string; region: string; policy: string | undefined }>;
}

/** The ARN a rule target names an API destination by. */
export function apiDestinationArn(account: string, region: string, name: string): string {
  return `arn:aws:events:${region}:${account}:api-destination/${name}/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9`;
}

function restJson(req: FakeRequest, state: FakeSecurityState): FakeReply | undefined {
  const { region } = req;
  if (req.service === 'guardduty') {
    const status = state.guardduty.get(region);
    if (req.path === '/detector') return answering(req, 'ListDetectors', () => jsonReply('ListDetectors', { detectorIds: status === undefined ? [] : [`det-${region}`] }, 'application/json'));
    return answering(req, 'GetDetector', () => {
      if (status === undefined || req.path !== `/detector/det-${region}`) throw new FakeAwsError('BadRequestException', 400, 'The request is rejected because the input detectorId is not owned by the current account.');
      return jsonReply('GetDetector', { status, serviceRole: 'role' }, 'application/json');
    });
  }
  if (req.service === 'macie2') {
    return answering(req, 'GetMacieSession', () => {
      if (!state.macie.has(region)) throw new FakeAwsError('AccessDeniedException', 403, 'Macie is not enabled.');
      return jsonReply('GetMacieSession', { status: 'ENABLED' }, 'application/json');
    });
  }
  if (req.service === 'access-analyzer') {
    const findings = state.accessAnalyzer.get(region);
    const arn = `arn:aws:access-analyzer:${region}:${state.account}:analyzer/leakwatch`;
    if (req.path === '/analyzer') {
      return answering(req, 'ListAnalyzers', () => jsonReply('ListAnalyzers', { analyzers: findings === undefined ? [] : [{ arn, name: 'leakwatch', type: 'ACCOUNT', status: 'ACTIVE' }] }, 'application/json'));
    }
    return answering(req, 'ListFindings', () =>
      jsonReply('ListFindings', {
        findings: (findings ?? []).map((f, i) => ({ id: `finding-${i}`, resource: f.resource, resourceType: f.resourceType, principal: f.principal, status: 'ACTIVE', resourceOwnerAccount: state.account, condition: {} })),
      }, 'application/json'),
    );
  }
  return undefined;
}

function json11(req: FakeRequest, state: FakeSecurityState): FakeReply | undefined {
  const action = req.target!;
  const input = JSON.parse(req.body || '{}') as Record<string, unknown>;
  const { region } = req;
  return answering(req, action, () => {
    switch (`${req.service}:${action}`) {
      case 'config:DescribeConfigRules':
        return jsonReply(action, { ConfigRules: (state.configRules.get(region) ?? []).map((r) => ({ ConfigRuleName: r.name, Source: { Owner: 'AWS', SourceIdentifier: r.source } })) });
      case 'config:GetComplianceDetailsByConfigRule': {
        const rule = (state.configRules.get(region) ?? []).find((r) => r.name === input['ConfigRuleName']);
        if (rule === undefined) throw new FakeAwsError('NoSuchConfigRuleException');
        return jsonReply(action, { EvaluationResults: rule.nonCompliant.map((id) => ({ ComplianceType: 'NON_COMPLIANT', EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: rule.name, ResourceType: 'AWS::CodeBuild::Project', ResourceId: id } } })) });
      }
      case 'codebuild:ListProjects':
        return jsonReply(action, { projects: state.codebuild.filter((p) => p.region === region).map((p) => p.name) });
      case 'codebuild:BatchGetProjects': {
        const names = input['names'] as string[];
        return jsonReply(action, { projects: state.codebuild.filter((p) => p.region === region && names.includes(p.name)).map((p) => ({ name: p.name, environment: { environmentVariables: p.env } })) });
      }
      case 'events:ListRules':
        return jsonReply(action, { Rules: state.rules.filter((r) => r.region === region).map((r) => ({ Name: r.name, EventPattern: r.pattern, State: r.enabled ? 'ENABLED' : 'DISABLED' })) });
      case 'events:ListTargetsByRule': {
        const rule = state.rules.find((r) => r.region === region && r.name === input['Rule']);
        if (rule === undefined) throw new FakeAwsError('ResourceNotFoundException');
        return jsonReply(action, { Targets: rule.targets.map((arn, i) => ({ Id: `t${i}`, Arn: arn })) });
      }
      case 'events:DescribeApiDestination': {
        const destination = state.apiDestinations.find((d) => d.region === region && d.name === input['Name']);
        if (destination === undefined) throw new FakeAwsError('ResourceNotFoundException', 400, `Failed to describe the api-destination(s). An api-destination '${String(input['Name'])}' does not exist.`);
        return jsonReply(action, {
          ApiDestinationArn: apiDestinationArn(state.account, region, destination.name),
          Name: destination.name,
          ApiDestinationState: 'ACTIVE',
          ConnectionArn: `arn:aws:events:${region}:${state.account}:connection/leakwatch/0`,
          InvocationEndpoint: destination.endpoint,
          HttpMethod: destination.method,
        });
      }
      case 'ecr:DescribeRepositories':
        return jsonReply(action, { repositories: state.ecr.filter((r) => r.region === region).map((r) => ({ repositoryName: r.name, repositoryArn: `arn:aws:ecr:${region}:${state.account}:repository/${r.name}` })) });
      case 'ecr:GetRepositoryPolicy': {
        const repo = state.ecr.find((r) => r.region === region && r.name === input['repositoryName']);
        if (repo === undefined) throw new FakeAwsError('RepositoryNotFoundException');
        if (repo.policy === undefined) throw new FakeAwsError('RepositoryPolicyNotFoundException');
        return jsonReply(action, { repositoryName: repo.name, policyText: repo.policy });
      }
      default:
        throw new FakeAwsError('UnknownOperationException');
    }
  });
}

const JSON11 = new Set(['config', 'codebuild', 'events', 'ecr']);

export function fakeSecurityServicesHandler(state: FakeSecurityState): FakeHandler {
  return (req) => {
    if (req.target !== undefined) return JSON11.has(req.service) ? json11(req, state) : undefined;
    return restJson(req, state);
  };
}
