// Every regular expression written in the source: regex literals and `new RegExp('literal')`,
// found with the TypeScript parser so that none can be missed by hand-kept lists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface SourceRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

export function sourceRegexes(root: string): SourceRegex[] {
  const found: SourceRegex[] = [];
  for (const path of tsFiles(join(root, 'src'))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => ({
      file: relative(root, path),
      line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        found.push({ ...where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern)) {
          const f = flags && ts.isStringLiteralLike(flags) ? flags.text : '';
          found.push({ ...where(node), source: pattern.text, flags: f });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
