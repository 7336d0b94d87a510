/**
 * Words the tokenizer keeps verbatim instead of folding them into the identifier class.
 * Keywords carry the structure of code, so keeping them makes a normalised stream far more
 * distinctive. The set is the union of reserved words of common language families (C-like,
 * JS/TS, Python, Go, Ruby, Rust, PHP, shell), minus words that other languages routinely use
 * as identifiers (`map`, `type`, `match`, `range`, `end`, `fn`...): a keyword that is also a
 * common variable name would make consistent renaming change the stream.
 */
const WORDS = [
  // C family, Java, C#, JS/TS
  'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'default', 'break', 'continue',
  'return', 'goto', 'try', 'catch', 'finally', 'throw', 'throws', 'new', 'delete', 'class',
  'struct', 'enum', 'interface', 'extends', 'implements', 'public', 'private',
  'protected', 'static', 'const', 'abstract', 'virtual', 'void', 'int',
  'long', 'short', 'char', 'float', 'double', 'boolean', 'bool', 'unsigned', 'signed',
  'sizeof', 'typedef', 'namespace', 'using', 'import', 'export', 'package', 'this', 'super',
  'null', 'true', 'false', 'instanceof', 'typeof', 'var', 'let', 'function', 'async', 'await',
  'yield', 'in', 'of', 'synchronized', 'volatile', 'extern', 'typename',
  'debugger', 'with', 'undefined', 'readonly', 'declare', 'keyof',
  // Python
  'def', 'elif', 'except', 'lambda', 'raise', 'None', 'True', 'False',
  'from', 'as', 'nonlocal',
  // Go
  'chan', 'defer', 'fallthrough',
  // Ruby
  'elsif', 'unless', 'until', 'rescue', 'ensure', 'nil',
  // Rust
  'impl', 'trait', 'mut', 'pub', 'crate', 'unsafe', 'dyn',
  // PHP, shell
  'foreach', 'endif', 'fi', 'esac',
];

export const KEYWORDS: ReadonlySet<string> = new Set(WORDS);
