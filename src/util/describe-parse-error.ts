/**
 * A parse error without the input in it. The YAML parser's message ends with the offending
 * lines and JSON.parse's quotes the text around the error; a file given by mistake (a
 * credentials file as `--config`, a `.env` as a baseline) would have its secret printed.
 * Only the parser's own description and the position are kept.
 */
interface YamlLikeError {
  message: string;
  linePos?: readonly { line: number; col: number }[];
}

export function describeYamlError(err: unknown): string {
  const { message, linePos } = err as YamlLikeError;
  // The description is fixed text up to " at line"; some add a detail after a colon
  // (an alias or tag name from the input), which is cut.
  const description = String(message ?? 'invalid YAML').split('\n')[0]!.split(' at line ')[0]!.split(':')[0]!.trim();
  const where = linePos?.[0] ? ` at line ${linePos[0].line}, column ${linePos[0].col}` : '';
  return `${description}${where}`;
}
