import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';

const matcher = new Matcher(loadRules());
const ids = (template: string, path: string | null = null): string[] =>
  matcher.match(expandExample(template), path).map((m) => m.ruleId);

describe('rules gated by path or by a neighbouring rule', () => {
  const stateLine = '          "master_password": "{{rand:base62:24}}",';

  it('reports a secret attribute of a Terraform state file', () => {
    expect(ids(stateLine, 'infra/prod/terraform.tfstate')).toContain('terraform-state-secret');
    expect(ids(stateLine, 'terraform.tfstate.backup')).toContain('terraform-state-secret');
  });

  it('drops ARNs in AWS API model files, whose documentation lines run long, but not elsewhere', () => {
    const arn = '      "Value": "arn:aws:sns:eu-west-1:{{rand:1-9:1}}{{rand:digits:11}}:alerts",';
    expect(ids(arn, 'codegen/sdk-codegen/aws-models/sns.json')).not.toContain('aws-arn');
    expect(ids(arn, 'botocore/data/sns/2010-03-31/service-2.json')).not.toContain('aws-arn');
    expect(ids(arn, 'apis/sns-2010-03-31.normal.json')).not.toContain('aws-arn');
    expect(ids(arn, 'deploy/topics.json')).toContain('aws-arn');
  });

  it('leaves the same JSON line in other files to the generic assignment rule', () => {
    const found = ids(stateLine, 'src/fixtures/users.json');
    expect(found).not.toContain('terraform-state-secret');
    expect(found).toContain('generic-secret-assignment');
  });

  it('keeps the generic match aside, naming the path-restricted rule it yields to, while the path is unknown', () => {
    const text = expandExample(stateLine);
    const unknown = matcher.match(text, null);
    expect(unknown.map((m) => [m.ruleId, m.yieldsTo])).toEqual(
      expect.arrayContaining([['terraform-state-secret', undefined], ['generic-secret-assignment', ['terraform-state-secret']]]),
    );
    expect(matcher.match(text, 'sftp.json').map((m) => [m.ruleId, m.yieldsTo])).toEqual([['generic-secret-assignment', undefined]]);
    expect(matcher.match(text, 'prod.tfstate').map((m) => m.ruleId)).toEqual(['terraform-state-secret']);
  });

  it('reports a password inside a database URL once, as the URL rule, not also as an assignment', () => {
    expect(ids('DB_PASSWORD_URL=postgres://app:{{rand:base62:20}}@db.internal:5432/app')).toEqual([
      'database-postgres-url-password',
    ]);
  });

  it('lets a provider rule win over the URL rule for a token used as a URL password', () => {
    expect(ids('git clone https://x-access-token:{{crc32:ghs_}}@github.com/acme/api.git')).toEqual([
      'github-server-to-server-token',
    ]);
  });

  it('reports a bare 12-digit number as an AWS account id only in an AWS account setting', () => {
    expect(ids('aws_account_id = "{{rand:1-9:1}}{{rand:digits:11}}"')).toContain('aws-account-id');
    expect(ids('order_id = "{{rand:1-9:1}}{{rand:digits:11}}"')).not.toContain('aws-account-id');
  });
});
