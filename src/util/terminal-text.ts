/**
 * Text from repositories and their owners (paths, authors, commit messages, repository names)
 * reaches terminals. An ESC starts a control sequence (move the cursor, retitle the window,
 * OSC 8 links), `\r` returns to the start of the line, and a C1 code (U+009B is CSI) or a bidi
 * override can do the same: any of them lets a file name rewrite the lines printed above it.
 * Each is shown as a visible escape (`\x1b`, `\r`, `\u202e`) instead.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One field (a path, a name): every control character escaped, newlines included. */
export function escapeField(value: string): string {
  return value.replace(CONTROL, visible);
}

/** A block of our own lines with untrusted fields in it: newlines kept, everything else escaped. */
export function escapeText(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, visible);
}
