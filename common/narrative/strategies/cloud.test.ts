import { flatten, readerOf, renderWith } from '../test_helpers';
import { cloudStrategy } from './cloud';

const cloudtrail = {
  cloud: { provider: 'aws', account: { id: '123456789012' }, region: 'us-east-1', service: { name: 'iam' } },
  event: { action: 'PutUserPolicy', outcome: 'failure', dataset: 'aws.cloudtrail' },
  aws: {
    cloudtrail: {
      user_identity: { arn: 'arn:aws:iam::123456789012:root', type: 'Root' },
      event_type: 'AwsApiCall',
      error_code: 'AccessDenied',
    },
  },
  'kibana.alert.severity': 'high',
  'kibana.alert.rule.name': 'IAM Policy Change',
};

describe('cloudStrategy', () => {
  it('renders an AWS CloudTrail event with every piece', () => {
    expect(renderWith(cloudStrategy, cloudtrail)).toBe(
      'aws event PutUserPolicy by arn:aws:iam::123456789012:root (Root), event type AwsApiCall, service iam, ' +
        'account 123456789012, region us-east-1 with result failure (error: AccessDenied) created high alert IAM ' +
        'Policy Change.',
    );
  });

  it('renders a GCP audit event with method and resource, provider from the dataset', () => {
    const gcp = {
      'event.dataset': 'gcp.audit',
      'event.action': 'SetIamPolicy',
      'gcp.audit.authentication_info.principal_email': 'ops@example.test',
      'gcp.audit.method_name': 'SetIamPolicy',
      'gcp.audit.resource_name': 'projects/p1',
    };
    expect(renderWith(cloudStrategy, gcp)).toBe(
      'gcp event SetIamPolicy by ops@example.test, method SetIamPolicy on resource projects/p1',
    );
  });

  it('uses user.name as the last principal and "cloud" when no provider is known', () => {
    const azure = { event: { dataset: 'azure.signinlogs' }, user: { name: 'jdoe@example.test' } };
    expect(renderWith(cloudStrategy, azure)).toBe('azure event by jdoe@example.test');
    const principalOnly = { 'azure.activitylogs.identity.claims_initiated_by_user.name': 'svc' };
    expect(renderWith(cloudStrategy, principalOnly)).toBe('cloud event by svc');
  });

  it('does not match cloud.provider alone, so endpoint alerts on cloud VMs keep their process detail', () => {
    const endpointOnVm = { cloud: { provider: 'aws' }, process: { name: 'bash' }, user: { name: 'ec2-user' } };
    expect(cloudStrategy.matches(readerOf(endpointOnVm))).toBe(false);
  });

  it('matches a principal or a cloud dataset, flat or nested', () => {
    expect(cloudStrategy.matches(readerOf(cloudtrail))).toBe(true);
    expect(cloudStrategy.matches(readerOf(flatten(cloudtrail)))).toBe(true);
    expect(cloudStrategy.matches(readerOf({ 'event.dataset': 'azure.auditlogs' }))).toBe(true);
    expect(cloudStrategy.matches(readerOf({ 'event.dataset': 'aws.guardduty' }))).toBe(false);
    expect(renderWith(cloudStrategy, flatten(cloudtrail))).toBe(renderWith(cloudStrategy, cloudtrail));
  });
});
