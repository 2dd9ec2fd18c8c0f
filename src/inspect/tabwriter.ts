/**
 * Go's text/tabwriter, as kubectl uses it: tab-terminated cells, aligned in
 * column blocks of consecutive lines; the last cell of a line is not aligned.
 * Models go/src/text/tabwriter/tabwriter.go format() (flags 0, pad ' ').
 */

const runes = (s: string): number => [...s].length;

export function tabwrite(text: string, minwidth: number, padding: number): string {
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      out.push(
        cells
          .map((c, j) => (j < cells.length - 1 && j < widths.length ? c + ' '.repeat(widths[j]! - runes(c)) : c))
          .join(''),
      );
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row]!.length - 1) continue;
      // A cell in this column: the lines before it are printed, and a block begins.
      writeLines(line0, row);
      line0 = row;
      let width = minwidth;
      for (; row < line1; row++) {
        const cells = lines[row]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, runes(cells[column]!) + padding);
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (trailing ? '\n' : '');
}

/** kubectl get's table writer (printers.GetNewTabWriter: minwidth 6, padding 3). */
export const getTable = (text: string): string => tabwrite(text, 6, 3);
/** kubectl describe's writer (tabbedString: minwidth 0, padding 2). */
export const describeTable = (text: string): string => tabwrite(text, 0, 2);
