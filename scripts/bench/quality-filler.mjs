// Ordinary, secret-free history: services in Node, Python, Go and Java, Terraform, Kubernetes
// manifests, Dockerfiles, CI and docs, and the everyday commits that change them. This is the
// haystack the planted secrets and decoys hide in.

export const SERVICES = [
  { name: 'billing-api', lang: 'node' },
  { name: 'notifier', lang: 'python' },
  { name: 'gateway', lang: 'go' },
  { name: 'ledger', lang: 'java' },
  { name: 'web', lang: 'node' },
];

const ENTITIES = ['invoice', 'payout', 'refund', 'customer', 'webhook', 'subscription', 'dispute', 'statement', 'merchant', 'transfer', 'settlement', 'coupon'];
const VERBS = ['validate', 'normalize', 'summarize', 'reconcile', 'archive', 'retry', 'render', 'export'];
const pas = (s) => s[0].toUpperCase() + s.slice(1);

const code = {
  node: {
    file: (e) => `src/routes/${e}s.js`,
    create: (e) =>
      `// HTTP routes for ${e}s.\nimport { Router } from 'express';\n\nexport function create${pas(e)}Router(store) {\n  const router = Router();\n  router.get('/${e}s', async (req, res) => {\n    const limit = Math.min(Number(req.query.limit ?? 50), 200);\n    res.json({ items: await store.list${pas(e)}s({ limit }) });\n  });\n  router.get('/${e}s/:id', async (req, res) => {\n    const item = await store.get${pas(e)}(req.params.id);\n    if (!item) return res.status(404).json({ error: 'not found' });\n    res.json(item);\n  });\n  return router;\n}\n`,
    fn: (e, v, n) => `\nexport function ${v}${pas(e)}${n}(item) {\n  if (!item || typeof item.amount !== 'number') return null;\n  return { ...item, amount: Math.round(item.amount * 100) / 100, checkedAt: Date.now() };\n}\n`,
    test: (e) => `test/${e}s.test.js`,
    testBody: (e) => `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { create${pas(e)}Router } from '../src/routes/${e}s.js';\n\ntest('${e} router is created', () => {\n  assert.ok(create${pas(e)}Router({}));\n});\n`,
  },
  python: {
    file: (e) => `notifier/${e}s.py`,
    create: (e) =>
      `"""Handlers for ${e} notifications."""\nfrom dataclasses import dataclass\nfrom datetime import datetime\n\n\n@dataclass\nclass ${pas(e)}:\n    id: str\n    amount_cents: int\n    created_at: datetime\n\n\ndef summarize_${e}s(items: list[${pas(e)}]) -> dict:\n    total = sum(i.amount_cents for i in items)\n    return {"count": len(items), "total_cents": total}\n`,
    fn: (e, v, n) => `\n\ndef ${v}_${e}_${n}(item: dict) -> dict:\n    if "amount_cents" not in item:\n        raise ValueError("missing amount")\n    return {**item, "amount_cents": int(item["amount_cents"])}\n`,
    test: (e) => `tests/test_${e}s.py`,
    testBody: (e) => `from notifier.${e}s import summarize_${e}s\n\n\ndef test_summarize_empty():\n    assert summarize_${e}s([]) == {"count": 0, "total_cents": 0}\n`,
  },
  go: {
    file: (e) => `internal/${e}/${e}.go`,
    create: (e) =>
      `package ${e}\n\n// ${pas(e)} is one ${e} as the gateway sees it.\ntype ${pas(e)} struct {\n\tID        string\n\tAmountCts int64\n}\n\n// Total sums the amounts of the given ${e}s.\nfunc Total(items []${pas(e)}) int64 {\n\tvar sum int64\n\tfor _, it := range items {\n\t\tsum += it.AmountCts\n\t}\n\treturn sum\n}\n`,
    fn: (e, v, n) => `\n// ${pas(v)}${n} checks one ${e}.\nfunc ${pas(v)}${n}(it ${pas(e)}) bool {\n\treturn it.ID != "" && it.AmountCts >= 0\n}\n`,
    test: (e) => `internal/${e}/${e}_test.go`,
    testBody: (e) => `package ${e}\n\nimport "testing"\n\nfunc TestTotalEmpty(t *testing.T) {\n\tif Total(nil) != 0 {\n\t\tt.Fatal("expected zero")\n\t}\n}\n`,
  },
  java: {
    file: (e) => `src/main/java/com/paycraft/ledger/${pas(e)}Entry.java`,
    create: (e) =>
      `package com.paycraft.ledger;\n\nimport java.util.List;\n\npublic record ${pas(e)}Entry(String id, long amountCents) {\n    public ${pas(e)}Entry {\n        if (amountCents < 0) throw new IllegalArgumentException("negative amount");\n    }\n\n    public static long total(List<${pas(e)}Entry> entries) {\n        return entries.stream().mapToLong(${pas(e)}Entry::amountCents).sum();\n    }\n}\n// end\n`,
    fn: (e, v, n) => `// ${v} helper ${n} for ${e} entries lives in ${pas(e)}${pas(v)}${n}.\n`,
    test: (e) => `src/test/java/com/paycraft/ledger/${pas(e)}EntryTest.java`,
    testBody: (e) => `package com.paycraft.ledger;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\nimport java.util.List;\nimport org.junit.jupiter.api.Test;\n\nclass ${pas(e)}EntryTest {\n    @Test\n    void totalOfNothingIsZero() {\n        assertEquals(0, ${pas(e)}Entry.total(List.of()));\n    }\n}\n`,
  },
};

function manifest(svc, version) {
  if (svc.lang === 'node') return [`services/${svc.name}/package.json`, JSON.stringify({ name: `@paycraft/${svc.name}`, version, type: 'module', scripts: { start: 'node src/server.js', test: 'node --test' }, dependencies: { express: '^4.19.2', pino: '^9.0.0' } }, null, 2) + '\n'];
  if (svc.lang === 'python') return [`services/${svc.name}/pyproject.toml`, `[project]\nname = "${svc.name}"\nversion = "${version}"\nrequires-python = ">=3.11"\ndependencies = ["boto3>=1.34", "httpx>=0.27"]\n`];
  if (svc.lang === 'go') return [`services/${svc.name}/VERSION`, `${version}\n`];
  return [`services/${svc.name}/pom.xml`, `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.paycraft</groupId>\n  <artifactId>${svc.name}</artifactId>\n  <version>${version}</version>\n</project>\n`];
}

function deployment(svc, replicas, tag) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc.name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${svc.name}\n  template:\n    metadata:\n      labels:\n        app: ${svc.name}\n    spec:\n      containers:\n        - name: ${svc.name}\n          image: paycraft/${svc.name}:${tag}\n          ports:\n            - containerPort: 8080\n          envFrom:\n            - secretRef:\n                name: ${svc.name}-env\n`;
}

/** The initial skeleton: one commit's worth of files. */
export function skeleton() {
  const files = {
    'README.md': '# paycraft platform\n\nServices for billing, ledger, notifications and the API gateway.\n',
    '.gitignore': 'node_modules/\n__pycache__/\n*.pyc\ntarget/\n.env.local\n',
    'terraform/main.tf': 'terraform {\n  required_version = ">= 1.6"\n}\n\nprovider "aws" {\n  region = var.region\n}\n',
    'terraform/variables.tf': 'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n',
    '.github/workflows/ci.yml': 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
  };
  for (const svc of SERVICES) {
    const [mp, mc] = manifest(svc, '0.1.0');
    files[mp] = mc;
    files[`services/${svc.name}/README.md`] = `# ${svc.name}\n\nOwned by the payments platform team.\n`;
    files[`services/${svc.name}/Dockerfile`] = `FROM ${{ node: 'node:20-alpine', python: 'python:3.12-slim', go: 'golang:1.22', java: 'eclipse-temurin:21' }[svc.lang]}\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\n`;
    files[`k8s/${svc.name}/deployment.yaml`] = deployment(svc, 2, '0.1.0');
  }
  return files;
}

/** One everyday change against the current tree: { files: {path: content|null}, message }. */
export function fillerChange(rng, tree) {
  const svc = rng.pick(SERVICES);
  const lang = code[svc.lang];
  const dir = `services/${svc.name}/`;
  const e = rng.pick(ENTITIES);
  const action = rng.int(0, 9);
  const src = dir + lang.file(e);
  if (action <= 2 && !tree.has(src)) return { files: { [src]: lang.create(e), [dir + lang.test(e)]: lang.testBody(e) }, message: `Add ${e} handling to ${svc.name}` };
  if (action <= 5 && tree.has(src)) {
    const v = rng.pick(VERBS);
    return { files: { [src]: tree.get(src) + lang.fn(e, v, rng.int(1, 999)) }, message: rng.pick([`${pas(v)} ${e}s before saving`, `Fix ${e} ${v} edge case`, `${svc.name}: ${v} ${e}s`]) };
  }
  if (action === 6) {
    const version = `0.${rng.int(1, 30)}.${rng.int(0, 20)}`;
    const [mp, mc] = manifest(svc, version);
    return { files: { [mp]: mc }, message: `Release ${svc.name} ${version}` };
  }
  if (action === 7) {
    const replicas = rng.int(2, 12);
    return { files: { [`k8s/${svc.name}/deployment.yaml`]: deployment(svc, replicas, `0.${rng.int(1, 30)}.${rng.int(0, 9)}`) }, message: `Scale ${svc.name} to ${replicas} replicas` };
  }
  if (action === 8) {
    const readme = `${dir}README.md`;
    const section = `\n## ${pas(e)}s\n\nThe ${svc.name} service ${rng.pick(VERBS)}s ${e}s ${rng.pick(['nightly', 'on every request', 'when the ledger closes', 'in batches of 500'])}.\n`;
    return { files: { [readme]: (tree.get(readme) ?? `# ${svc.name}\n`) + section }, message: `Document ${e}s in ${svc.name}` };
  }
  const tf = 'terraform/variables.tf';
  const name = `${svc.name.replace(/-/g, '_')}_${e}_${rng.pick(['retention_days', 'queue_depth', 'batch_size'])}_${rng.int(1, 99)}`;
  return { files: { [tf]: (tree.get(tf) ?? '') + `\nvariable "${name}" {\n  type    = number\n  default = ${rng.int(1, 500)}\n}\n` }, message: `terraform: add ${name}` };
}
