/**
 * The floor under `admxkit validate` in a Node process: read every file named on the command line,
 * decode it (UTF-8, or UTF-16LE after its byte order mark) and scan it into tags and text with one
 * sticky regular expression, matching end tags to start tags — and check nothing else. No tree, no
 * schema, no rules, no positions. bench/cases/yardsticks.js runs it as a whole process beside
 * `validate` and xmllint: what a JavaScript validator cannot go below, whatever it does.
 */
import { readFileSync } from "node:fs";

const TOKEN =
  /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\/([A-Za-z_][\w.:-]*)\s*>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|([^<]+)/y;

let elements = 0;
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString("utf16le", 2) : bytes.toString("utf8");
  const open = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[1] !== undefined) {
      elements++;
      if (!m[3]) open.push(m[1]);
    } else if (m[4] !== undefined && open.pop() !== m[4]) {
      throw new Error(`${file}: </${m[4]}> closes another element`);
    }
    if (TOKEN.lastIndex >= text.length) break;
  }
}
process.stdout.write(`${elements} elements\n`);
