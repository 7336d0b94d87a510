// A small writer for the `git fast-import` stream format (blob, commit, tag, done), with stream
// back-pressure, so the corpus builder can write a whole history through one git process.
// Identities are `{ name, email }`; times are whole seconds since the epoch, always +0000.

function quotePath(path) {
  if (!/["\\\n]/.test(path)) return path;
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function person(who, time) {
  return `${who.name} <${who.email}> ${time} +0000`;
}

function data(text) {
  const body = Buffer.from(text);
  return [`data ${body.length}\n`, body, '\n'];
}

export class FastImportWriter {
  #out;
  #nextMark = 1;

  /** `out` is the stdin of `git fast-import --done`. */
  constructor(out) {
    this.#out = out;
  }

  async #write(parts) {
    for (const part of parts) {
      if (!this.#out.write(part)) await new Promise((resolve) => this.#out.once('drain', resolve));
    }
  }

  /** Writes a blob and returns its mark (":N"). */
  async blob(content) {
    const mark = `:${this.#nextMark++}`;
    await this.#write([`blob\nmark ${mark}\n`, `data ${content.length}\n`, content, '\n']);
    return mark;
  }

  /**
   * Writes a commit and returns its mark. `ops` are `{ path, deleted: true }` or
   * `{ path, mark, executable }`; `from`/`merge` are marks (omit `from` for a root commit).
   */
  async commit({ ref, author, time, message, from, merge, ops = [] }) {
    const mark = `:${this.#nextMark++}`;
    const lines = [`commit ${ref}\nmark ${mark}\nauthor ${person(author, time)}\ncommitter ${person(author, time)}\n`];
    lines.push(...data(message));
    if (from) lines.push(`from ${from}\n`);
    if (merge) lines.push(`merge ${merge}\n`);
    for (const op of ops) {
      lines.push(op.deleted ? `D ${quotePath(op.path)}\n` : `M ${op.executable ? '100755' : '100644'} ${op.mark} ${quotePath(op.path)}\n`);
    }
    lines.push('\n');
    await this.#write(lines);
    return mark;
  }

  /** Writes an annotated tag pointing at a commit mark. */
  async tag({ name, target, tagger, time, message }) {
    await this.#write([`tag ${name}\nfrom ${target}\ntagger ${person(tagger, time)}\n`, ...data(message)]);
  }

  /** Ends the stream; fast-import exits once it has written everything. */
  async done() {
    await this.#write(['done\n']);
    this.#out.end();
  }
}
