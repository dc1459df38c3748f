/**
 * AWS root console login from an unusual network → IAM changes → S3 bucket made public. Cloud fields only, no host.
 * Every call runs in the root user's console session, so each alert carries the root ARN and its principal id as
 * `user.id` (the CloudTrail integration maps `userIdentity.principalId` there): that is what links them.
 */
import { eventEcs, mergeEcs } from '../ecs';
import type { Prng } from '../prng';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario } from './context';

export const ATTACKER_CLOUD_IP = '91.219.236.15';
export const AWS_ACCOUNT = '123456789012';

export function cloudtrailEcs(prng: Prng, opts: {
  action: string;
  provider: string;
  arn: string;
  /** `userIdentity.principalId`: the account id for root, `AIDA…` for an IAM user. */
  principalId: string;
  identityType: string;
  /** The session's temporary key: one console session signs every call with the same one. */
  accessKeyId?: string;
  userName: string;
  sourceIp: string;
  country?: string;
  outcome?: 'success' | 'failure';
  category?: string[];
  type?: string[];
  requestParameters?: string;
  region?: string;
}): Record<string, unknown> {
  return mergeEcs(
    eventEcs(prng, {
      category: opts.category ?? ['iam'],
      type: opts.type ?? ['change'],
      action: opts.action,
      outcome: opts.outcome ?? 'success',
      dataset: 'aws.cloudtrail',
      module: 'aws',
    }),
    {
      event: { provider: opts.provider },
      cloud: { provider: 'aws', account: { id: AWS_ACCOUNT }, region: opts.region ?? 'us-east-1', service: { name: opts.provider.split('.')[0] } },
      user: { name: opts.userName, id: opts.principalId },
      source: { ip: opts.sourceIp, ...(opts.country ? { geo: { country_iso_code: opts.country } } : {}) },
      user_agent: { original: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' },
      aws: {
        cloudtrail: {
          event_type: opts.action === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
          user_identity: { type: opts.identityType, arn: opts.arn, access_key_id: opts.accessKeyId ?? `ASIA${prng.hex(16).toUpperCase()}` },
          ...(opts.requestParameters ? { request_parameters: opts.requestParameters } : {}),
          flattened: { additional_eventdata: { MFAUsed: 'No' } },
        },
      },
    },
  );
}

export const cloudTakeoverScenario: Scenario = {
  id: 'cloud-takeover',
  story: 'The AWS root user signs in from an unusual network, creates an admin IAM user for persistence and makes an S3 bucket public.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng } = ctx;
    const t0 = ctx.now - 44 * HOUR + prng.int(0, 60) * MINUTE;
    const root = { arn: `arn:aws:iam::${AWS_ACCOUNT}:root`, principalId: AWS_ACCOUNT, identityType: 'Root', accessKeyId: `ASIA${prng.hex(16).toUpperCase()}`, userName: 'root', sourceIp: ATTACKER_CLOUD_IP, country: 'RU' };
    return {
      incident: 'cloud-takeover-1',
      alerts: [
        {
          role: 'root-console-login',
          rule: R.awsRootLogin,
          timestamp: t0,
          ecs: cloudtrailEcs(prng, { ...root, action: 'ConsoleLogin', provider: 'signin.amazonaws.com', category: ['authentication'], type: ['start'] }),
        },
        {
          role: 'iam-user-created',
          rule: R.awsIamUser,
          timestamp: t0 + 6 * MINUTE,
          ecs: cloudtrailEcs(prng, { ...root, action: 'CreateUser', provider: 'iam.amazonaws.com', type: ['user', 'creation'], requestParameters: '{userName=backup-svc}' }),
        },
        {
          role: 'iam-policy-change',
          rule: R.awsIamPolicy,
          timestamp: t0 + 7 * MINUTE,
          ecs: cloudtrailEcs(prng, { ...root, action: 'AttachUserPolicy', provider: 'iam.amazonaws.com', requestParameters: '{userName=backup-svc, policyArn=arn:aws:iam::aws:policy/AdministratorAccess}' }),
        },
        {
          role: 's3-bucket-public',
          rule: R.awsS3Public,
          timestamp: t0 + 18 * MINUTE,
          ecs: cloudtrailEcs(prng, {
            ...root,
            action: 'PutBucketPolicy',
            provider: 's3.amazonaws.com',
            category: ['configuration'],
            requestParameters: '{bucketName=corp-finance-exports, policy={"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}}',
          }),
        },
      ],
    };
  },
};
