import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** Random-looking values built at run time; no credential is a literal in this file. */
const part = (n: number): string => ['Qx7', 'Lm2', 'Zp9', 'Kd4', 'Wr8', 'Tb3'].slice(0, n).join('');

describe('scanning a repository of generic credentials in many shapes', () => {
  it('reports literals in every shape and stays quiet on code, templates and references', async () => {
    const repo = TestRepo.create();
    const pw = part(2);
    repo.commit('config', {
      'app/db.py': [
        'import os',
        `conn = connect(host="db", user="app", password="${pw}")`,
        'other = connect(host="db", user="app", password=os.environ["DB_PASSWORD"])',
        '',
      ].join('\n'),
      'server/config.go': [`cfg := Config{`, `  Password: "${part(3)}",`, '  Token: tokenFromEnv(),', '}', ''].join('\n'),
      'deploy/values.yaml': ['db:', `  password: "{{ .Values.db.password }}"`, `  apiKey: ${part(6)}`, ''].join('\n'),
      'deploy/pod.yaml': ['env:', '  - name: DB_PASSWORD', `    value: "${part(4)}"`, ''].join('\n'),
      'scripts/backup.sh': [`mysqldump -u backup -p${part(4)} shop > shop.sql`, 'mysqldump -u backup -p$PW shop', ''].join('\n'),
      'wp-config.php': [`define('AUTH_SALT', '${part(6)}<${part(6)}>');`, "define('AUTH_KEY', 'put your unique phrase here');", ''].join('\n'),
    });
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    const found = report.findings.flatMap((f) => f.locations.map((l) => `${l.path}:${l.line} ${f.ruleId}`)).sort();
    expect(found).toEqual(
      [
        'app/db.py:2 generic-secret-assignment',
        'deploy/pod.yaml:3 generic-kubernetes-env-value',
        'deploy/values.yaml:3 generic-secret-assignment',
        'scripts/backup.sh:1 generic-mysql-password-flag',
        'server/config.go:2 generic-secret-assignment',
        'wp-config.php:1 generic-php-define-secret',
      ].sort(),
    );
  });
});
