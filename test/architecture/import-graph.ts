/**
 * The import graph of src/, read with the TypeScript parser (not a regex, so comments, strings
 * and multi-line imports cannot fool it): every `import`, `export … from` and `import()`, with
 * whether it is type-only (erased at build time, so it runs nothing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** The importing file, relative to src/ with forward slashes: `respond/open-incident.ts`. */
  from: string;
  /** A file relative to src/ for a relative import, else the package (`node:` dropped): `child_process`, `@aws-sdk/client-iam`. */
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

function resolveSpecifier(srcRoot: string, from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.replace(/^node:/, '');
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  const asTs = target.replace(/\.js$/, '.ts');
  return existsSync(join(srcRoot, asTs)) ? asTs : target;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

export function readImportGraph(srcRoot: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const from = relative(srcRoot, file).split(sep).join('/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const add = (spec: ts.Expression | undefined, typeOnly: boolean): void => {
      if (spec !== undefined && ts.isStringLiteralLike(spec)) edges.push({ from, to: resolveSpecifier(srcRoot, from, spec.text), typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, isTypeOnlyImport(node));
      else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/** Every file and package reachable from `start` through imports that run code. */
export function reachableAtRunTime(edges: readonly ImportEdge[], start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    for (const to of next.get(todo.pop()!) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      todo.push(to);
    }
  }
  return seen;
}

export const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : dirname(file));
