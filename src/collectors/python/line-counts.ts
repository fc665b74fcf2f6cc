/** Non-blank lines split into code and comment-only lines (docstrings count as code). */
export function countLines(text: string): { codeLines: number; commentLines: number } {
  let codeLines = 0;
  let commentLines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < end) {
      if (text[i] === '#') commentLines++;
      else codeLines++;
    }
    start = end + 1;
  }
  return { codeLines, commentLines };
}
