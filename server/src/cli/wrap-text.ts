/**
 * Words joined into lines of at most `width` characters, every line after the first indented by
 * `indent` spaces (the first line is assumed to start at that column too). A newline in `text`
 * starts a new line; a word longer than the width is left whole.
 */
export function wrapText(text: string, indent: number, width = 100): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && indent + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((line, i) => (i === 0 || line === '' ? line : `${' '.repeat(indent)}${line}`)).join('\n');
}
