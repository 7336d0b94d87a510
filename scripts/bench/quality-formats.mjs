// Renders [NAME, value] entries into the files real services keep them in (.env, YAML, JSON,
// code in four languages, .properties, XML, compose, Kubernetes, Terraform, Dockerfile, shell,
// Markdown), surrounded by ordinary non-secret settings, and into the odd places leaks hide
// (CI configs, minified bundles, notebooks, commit messages, test fixtures).

const snake = (n) => n.toLowerCase();
const camel = (n) => n.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const dotted = (n) => n.toLowerCase().replace(/_/g, '.');
const pascal = (n) => camel(n).replace(/^./, (c) => c.toUpperCase());

function settings(rng, service) {
  const all = [
    ['SERVICE_NAME', service],
    ['LOG_LEVEL', rng.pick(['info', 'debug', 'warn'])],
    ['PORT', String(rng.pick([8080, 3000, 8000, 9090]))],
    ['AWS_REGION', rng.pick(['eu-west-1', 'us-east-1', 'eu-central-1'])],
    ['REQUEST_TIMEOUT_MS', String(rng.pick([2000, 5000, 15000]))],
    ['FEATURE_NEW_CHECKOUT', rng.pick(['true', 'false'])],
    ['MAX_POOL_SIZE', String(rng.int(5, 40))],
    ['METRICS_ENABLED', 'true'],
    ['CACHE_TTL_SECONDS', String(rng.pick([60, 300, 3600]))],
  ];
  return rng.shuffle(all).slice(0, rng.int(3, 6));
}

/** Mixes the entries (kept together, in order) among ordinary settings. */
function mix(rng, service, entries) {
  const base = settings(rng, service);
  const at = rng.int(0, base.length);
  return [...base.slice(0, at), ...entries, ...base.slice(at)];
}

const q = (v) => JSON.stringify(v);

export const formats = {
  env: { path: (rng, env) => rng.pick(['.env', `.env.${env}`, `deploy/${env}.env`]), render: (kv) => kv.map(([k, v]) => `${k}=${v}`).join('\n') + '\n' },
  yaml: {
    path: (rng, env) => rng.pick([`config/${env}.yaml`, `config/application-${env}.yml`]),
    render: (kv, rng, service) => `${service.replace(/-/g, '_')}:\n` + kv.map(([k, v]) => `  ${snake(k)}: ${rng.chance(0.5) ? q(v) : v}`).join('\n') + '\n',
  },
  json: { path: (rng, env) => rng.pick([`config/${env}.json`, `config/settings.${env}.json`]), render: (kv) => JSON.stringify(Object.fromEntries(kv.map(([k, v]) => [camel(k), v])), null, 2) + '\n' },
  python: {
    path: (rng, env) => rng.pick([`settings/${env}.py`, 'app/config.py']),
    render: (kv) => `"""Settings for this environment."""\nimport logging\n\n` + kv.map(([k, v]) => `${k} = ${q(v)}`).join('\n') + `\n\nlogging.basicConfig(level=logging.INFO)\n`,
  },
  js: {
    path: (rng, env) => rng.pick([`config/${env}.js`, 'src/config.js']),
    render: (kv) => `// Runtime configuration.\nexport const config = {\n` + kv.map(([k, v]) => `  ${camel(k)}: '${v}',`).join('\n') + `\n};\n`,
  },
  go: {
    path: () => 'internal/config/defaults.go',
    render: (kv) => `package config\n\n// Defaults used when no override is given.\nconst (\n` + kv.map(([k, v]) => `\t${camel(k)} = ${q(v)}`).join('\n') + `\n)\n`,
  },
  java: {
    path: (rng, env, service) => `src/main/java/com/paycraft/${service.replace(/-/g, '')}/${pascal(env)}Settings.java`,
    render: (kv, rng, service, env) =>
      `package com.paycraft.${service.replace(/-/g, '')};\n\npublic final class ${pascal(env)}Settings {\n` +
      kv.map(([k, v]) => `    public static final String ${k} = ${q(v)};`).join('\n') + `\n\n    private ${pascal(env)}Settings() {}\n}\n`,
  },
  properties: { path: (rng, env) => `src/main/resources/application-${env}.properties`, render: (kv) => kv.map(([k, v]) => `${dotted(k)}=${v}`).join('\n') + '\n' },
  xml: {
    path: (rng, env) => rng.pick([`src/main/resources/${env}-context.xml`, `config/${env}.config`]),
    render: (kv) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n` + kv.map(([k, v]) => `    <add key="${pascal(k)}" value="${v}" />`).join('\n') + `\n  </appSettings>\n</configuration>\n`,
  },
  compose: {
    path: (rng, env) => `docker-compose.${env}.yml`,
    render: (kv, rng, service) => `services:\n  ${service}:\n    image: paycraft/${service}:latest\n    environment:\n` + kv.map(([k, v]) => `      - ${k}=${v}`).join('\n') + '\n',
  },
  k8s: {
    path: (rng, env, service) => `k8s/${env}/${service}-secret.yaml`,
    render: (kv, rng, service) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${service}-env\ntype: Opaque\nstringData:\n` + kv.map(([k, v]) => `  ${k}: ${q(v)}`).join('\n') + '\n',
  },
  tfvars: { path: (rng, env) => `terraform/${env}.tfvars`, render: (kv) => kv.map(([k, v]) => `${snake(k)} = ${q(v)}`).join('\n') + '\n' },
  dockerfile: {
    path: (rng, env) => `Dockerfile.${env}`,
    render: (kv) => `FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n` + kv.map(([k, v]) => `ENV ${k}=${v}`).join('\n') + `\nCMD ["node", "server.js"]\n`,
  },
  shell: {
    path: (rng, env) => `scripts/deploy-${env}.sh`,
    render: (kv) => `#!/usr/bin/env bash\nset -euo pipefail\n\n` + kv.map(([k, v]) => `export ${k}="${v}"`).join('\n') + `\n\n./scripts/release.sh "$@"\n`,
  },
  markdown: {
    path: (rng, env) => `docs/running-${env}.md`,
    render: (kv) => `# Running against ${'this environment'}\n\nSet these before starting the service:\n\n\`\`\`sh\n` + kv.map(([k, v]) => `export ${k}=${v}`).join('\n') + `\n\`\`\`\n`,
  },
};

/** Formats for "code" in the generic kinds. */
export const CODE_FORMATS = ['python', 'js', 'go', 'java'];

export function renderFormat(name, entries, rng, service, env) {
  const f = formats[name];
  const kv = name === 'markdown' || name === 'shell' || name === 'dockerfile' ? entries : mix(rng, service, entries);
  return { path: f.path(rng, env, service), content: f.render(kv, rng, service, env) };
}

/** The odd places: CI config, minified bundle, notebook, test fixture, commit message. */
export const placements = {
  ci: (entries, rng, service) => {
    if (rng.chance(0.5)) {
      const env = entries.map(([k, v]) => `      ${k}: ${v}`).join('\n');
      return {
        path: `.github/workflows/deploy-${service}.yml`,
        content: `name: deploy ${service}\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n${env}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make deploy SERVICE=${service}\n`,
      };
    }
    const vars = entries.map(([k, v]) => `    ${k}: "${v}"`).join('\n');
    return { path: `ci/${service}.gitlab-ci.yml`, content: `deploy:${service}:\n  stage: deploy\n  image: alpine:3.19\n  variables:\n${vars}\n  script:\n    - ./scripts/deploy.sh ${service}\n` };
  },
  minified: (entries, rng) => {
    const junk = (n) => Array.from({ length: n }, () => `function ${rng.chars('lower', 2)}(${rng.chars('lower', 1)}){return ${rng.chars('lower', 1)}.${rng.pick(['map', 'filter', 'reduce'])}(function(${rng.chars('lower', 1)}){return ${rng.int(0, 99)}})}`).join(';');
    const cfg = entries.map(([k, v]) => `${camel(k)}:"${v}"`).join(',');
    return { path: `public/assets/app.${rng.chars('hex', 8)}.min.js`, content: `!function(){"use strict";${junk(rng.int(120, 300))};var cfg={env:"production",${cfg},release:"${rng.chars('hex', 7)}"};${junk(rng.int(120, 300))}}();\n` };
  },
  notebook: (entries, rng) => {
    const code = entries.map(([k, v]) => `${k.toLowerCase()} = "${v}"\n`);
    const nb = {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Churn analysis\n', 'Pulls last quarter from the warehouse.'] },
        { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: ['import pandas as pd\n', 'import requests\n', ...code] },
        { cell_type: 'code', execution_count: 2, metadata: {}, outputs: [{ name: 'stdout', output_type: 'stream', text: [`rows: ${rng.int(1000, 90000)}\n`] }], source: ['df = pd.read_parquet("s3://pc-analytics/churn.parquet")\n', 'print("rows:", len(df))'] },
      ],
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    return { path: `notebooks/${rng.pick(['churn', 'fraud', 'payouts', 'cohorts'])}-${rng.int(1, 99)}.ipynb`, content: JSON.stringify(nb, null, 1) + '\n' };
  },
  fixture: (entries, rng) => {
    const obj = { request: { method: 'POST', path: `/v1/${rng.pick(['charges', 'payouts', 'refunds'])}` }, env: Object.fromEntries(entries.map(([k, v]) => [k, v])), expected: { status: 200 } };
    return { path: `tests/fixtures/${rng.pick(['recorded', 'cassette', 'integration'])}-${rng.int(1, 999)}.json`, content: JSON.stringify(obj, null, 2) + '\n' };
  },
  message: (entries, rng) => {
    const subject = rng.pick(['Fix deploy for staging', 'Temporary: hardcode creds to unblock release', 'Debug failing integration job', 'Wire up notifier']);
    return `${subject}\n\nFor the record, used:\n${entries.map(([k, v]) => `${k}=${v}`).join('\n')}\n`;
  },
};
