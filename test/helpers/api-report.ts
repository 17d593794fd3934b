import { dirname } from "node:path";
import ts from "typescript";

/**
 * The public surface of modules as text: for each entry point, one line (or block) per exported name,
 * sorted, with its kind and its signature as the source declares it (functions with every overload, classes and
 * interfaces with their public members). Types are shown by the names they are written with (`Bundle`,
 * not the object type zod infers for it), so the report stays readable; a value with no written type
 * shows the type the checker infers, shortened as the checker shortens it. What `import … from
 * "admxkit"` (or one of its subpaths) gives a consumer, so a change to it shows as a diff of the
 * checked-in report. One program for all entries: they share most of their sources.
 */
export function apiReports(entries: readonly string[], options: ts.CompilerOptions): Map<string, ApiReport> {
  const program = ts.createProgram([...entries], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  return new Map(entries.map((entry) => [entry, apiReportOf(program, checker, entry)]));
}

/** An entry point's report, and the types of the project its public declarations name. */
export interface ApiReport {
  readonly text: string;
  /**
   * Every type declared in the project (not in a library) that a public signature, member or type of
   * the entry names: a consumer can name it only if some entry exports it (what API Extractor calls a
   * forgotten export when none does).
   */
  readonly referenced: readonly string[];
}

/** The project's types that the public parts of `node` name; function bodies and initializers aside. */
function namedTypes(checker: ts.TypeChecker, node: ts.Node, projectRoot: string): Set<string> {
  const found = new Set<string>();
  const note = (name: ts.Node) => {
    let symbol = checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    if (!symbol || symbol.flags & ts.SymbolFlags.TypeParameter) return;
    const declared = symbol.declarations?.[0]?.getSourceFile().fileName;
    if (declared?.startsWith(projectRoot)) found.add(symbol.name);
  };
  const visit = (at: ts.Node): void => {
    if (ts.isBlock(at)) return;
    if (
      ts.getCombinedModifierFlags(at as ts.Declaration) &
      (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)
    )
      return;
    if (ts.isTypeReferenceNode(at)) note(at.typeName);
    else if (ts.isExpressionWithTypeArguments(at)) note(at.expression);
    if (ts.isParameter(at) || ts.isPropertyDeclaration(at) || ts.isVariableDeclaration(at)) {
      if (at.type) visit(at.type);
      return;
    }
    ts.forEachChild(at, visit);
  };
  visit(node);
  return found;
}

function apiReportOf(program: ts.Program, checker: ts.TypeChecker, entry: string): ApiReport {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry}: not a module`);

  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const written = (node: ts.Node | undefined) => (node ? oneLine(node.getText()) : undefined);
  const inferred = (node: ts.Node) => checker.typeToString(checker.getTypeAtLocation(node));
  const signature = (node: ts.SignatureDeclaration) => {
    const typeParameters = node.typeParameters
      ? `<${node.typeParameters.map((t) => written(t)).join(", ")}>`
      : "";
    const parameters = node.parameters.map((p) => written(p)).join(", ");
    const result =
      written(node.type) ?? checker.typeToString(checker.getSignatureFromDeclaration(node)!.getReturnType());
    return `${typeParameters}(${parameters}): ${result}`;
  };
  const isPublic = (node: ts.Node) =>
    !(
      ts.getCombinedModifierFlags(node as ts.Declaration) &
      (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)
    ) && !(ts.isPropertyDeclaration(node) && ts.isPrivateIdentifier(node.name));
  const member = (node: ts.Node): string | undefined => {
    if (!isPublic(node)) return undefined;
    if (ts.isConstructorDeclaration(node)) return `constructor${signature(node)}`;
    if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node))
      return `${written(node.name)}${signature(node)}`;
    if (ts.isPropertyDeclaration(node) || ts.isPropertySignature(node)) {
      const readonly = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Readonly ? "readonly " : "";
      const optional = node.questionToken ? "?" : "";
      return `${readonly}${written(node.name)}${optional}: ${written(node.type) ?? inferred(node)}`;
    }
    if (ts.isIndexSignatureDeclaration(node) || ts.isCallSignatureDeclaration(node)) return written(node);
    return undefined;
  };
  const body = (members: readonly ts.Node[]) =>
    members.flatMap((m) => {
      const text = member(m);
      return text === undefined ? [] : [`  ${text};`];
    });

  const lines: string[] = [];
  const exports = [...checker.getExportsOfModule(module)].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const name = exported.name;
    for (const node of symbol.declarations ?? []) {
      if (ts.isFunctionDeclaration(node)) {
        if (node.body && (symbol.declarations ?? []).some((d) => ts.isFunctionDeclaration(d) && !d.body))
          continue;
        lines.push(`function ${name}${signature(node)};`);
      } else if (ts.isVariableDeclaration(node)) {
        lines.push(`const ${name}: ${written(node.type) ?? inferred(node)};`);
      } else if (ts.isClassDeclaration(node)) {
        const heritage = node.heritageClauses?.map((h) => ` ${written(h)}`).join("") ?? "";
        lines.push(`class ${name}${heritage} {`, ...body(node.members), "}");
      } else if (ts.isInterfaceDeclaration(node)) {
        const typeParameters = node.typeParameters
          ? `<${node.typeParameters.map((t) => written(t)).join(", ")}>`
          : "";
        const heritage = node.heritageClauses?.map((h) => ` ${written(h)}`).join("") ?? "";
        lines.push(`interface ${name}${typeParameters}${heritage} {`, ...body(node.members), "}");
      } else if (ts.isTypeAliasDeclaration(node)) {
        const typeParameters = node.typeParameters
          ? `<${node.typeParameters.map((t) => written(t)).join(", ")}>`
          : "";
        lines.push(`type ${name}${typeParameters} = ${written(node.type)};`);
      } else if (ts.isEnumDeclaration(node)) {
        lines.push(`enum ${name} { ${node.members.map((m) => written(m)).join(", ")} }`);
      } else {
        lines.push(`${ts.SyntaxKind[node.kind]} ${name};`);
      }
    }
  }
  const projectRoot = `${dirname(entry).replaceAll("\\", "/")}/`;
  const referenced = new Set<string>();
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const node of symbol.declarations ?? [])
      for (const name of namedTypes(checker, node, projectRoot)) referenced.add(name);
  }
  return { text: lines.join("\n") + "\n", referenced: [...referenced].sort() };
}
