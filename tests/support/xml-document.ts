/** An element of a parsed XML document: its name, attributes, child elements and text (entities decoded). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A strict, small XML 1.0 parser for what our feeds contain (no DTD, no CDATA, no processing
 * instructions but the declaration): it throws, saying where, on anything not well-formed (a bare
 * `&` or `<`, an unknown entity, an unclosed or mismatched tag, an unquoted or repeated attribute,
 * a forbidden control character, content outside the root).
 */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at ${at}: ${what} (…${JSON.stringify(xml.slice(Math.max(0, at - 30), at + 30))}…)`);
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (bad) {
    at = bad.index;
    fail('a character XML 1.0 does not allow');
  }
  const decode = (raw: string, where: number): string =>
    raw.replace(/&([^;]*);|&|</g, (match, entity: string | undefined, offset: number) => {
      at = where + offset;
      if (match === '<') return fail('a bare <');
      if (entity === undefined) return fail('a bare &');
      const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(entity);
      if (numeric) return String.fromCodePoint(Number.parseInt(numeric[1]!.startsWith('x') ? numeric[1]!.slice(1) : numeric[1]!, numeric[1]!.startsWith('x') ? 16 : 10));
      return ENTITIES[entity] ?? fail(`an unknown entity &${entity};`);
    });
  const skipSpace = () => {
    while (/\s/.test(xml[at] ?? '')) at++;
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('an unclosed declaration');
    at = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    if (xml[at] !== '<') {
      const end = xml.indexOf('<', at);
      const raw = xml.slice(at, end < 0 ? xml.length : end);
      const parent = stack.at(-1);
      if (!parent) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else parent.text += decode(raw, at);
      at = end < 0 ? xml.length : end;
      continue;
    }
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end < 0) fail('an unclosed comment');
      at = end + 3;
      continue;
    }
    if (xml[at + 1] === '/') {
      at += 2;
      const name = NAME.exec(xml.slice(at))?.[0] ?? fail('a closing tag without a name');
      const open = stack.pop();
      if (open?.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      at += name.length;
      skipSpace();
      if (xml[at] !== '>') fail('a closing tag not ended by >');
      at++;
      continue;
    }
    at++;
    const name = NAME.exec(xml.slice(at))?.[0] ?? fail('a tag without a name');
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (xml.startsWith('/>', at) || xml[at] === '>') break;
      if (at === before) fail('attributes not separated by space');
      const attribute = NAME.exec(xml.slice(at))?.[0] ?? fail('an attribute without a name');
      if (attribute in attributes) fail(`attribute ${attribute} repeated`);
      at += attribute.length;
      if (xml[at] !== '=') fail(`attribute ${attribute} without =`);
      const quote = xml[++at];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} not quoted`);
      const end = xml.indexOf(quote!, at + 1);
      if (end < 0) fail(`attribute ${attribute} not closed`);
      attributes[attribute] = decode(xml.slice(at + 1, end), at + 1);
      at = end + 1;
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) fail('a second root element');
    else root = element;
    if (xml.startsWith('/>', at)) at += 2;
    else {
      at++;
      stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`);
  return root ?? fail('no root element');
}

/** The direct children of `element` named `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
