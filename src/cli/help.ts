import { cliText, type LocaleTag } from "../i18n/messages.js";
import { textWidth, WIDE_CHARS } from "../i18n/text-width.js";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./args.js";

const CLOSING = /^[、。，．）)」』】〕！？!?:：,.]$/u;
const OPENING = /^[（(「『【〔]$/u;

/** A run of spaces, of wide characters, or of other characters. */
const RUNS = new RegExp(`\\s+|[${WIDE_CHARS}]+|[^\\s${WIDE_CHARS}]+`, "gu");
const WIDE_START = new RegExp(`^[${WIDE_CHARS}]`, "u");
const HIRAGANA_START = /^[\u3041-\u309f\u30fc、。，．）」』】〕！？]/u;
const KANJI = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]$/u;
const KATAKANA = /^[\u30a1-\u30fa\u30fc\uff66-\uff9f]$/u;
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Where a line may break in Japanese text: between phrases, not inside a word. ICU's word boundaries
 * (`Intl.Segmenter`) split 名前空間 into 名前|空間 and 適用する into 適用|する, so a word that begins
 * with hiragana (a particle, an ending, する/ます) stays with the word before it, and so do kanji after
 * kanji and katakana after katakana (one compound). What remains are phrase boundaries: この設定を|
 * 適用するには, where a Japanese line may break.
 */
function breakUnits(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter("ja", { granularity: "word" });
  const units: string[] = [];
  for (const run of text.match(RUNS) ?? []) {
    if (!WIDE_START.test(run)) {
      units.push(run);
      continue;
    }
    for (const { segment } of wordSegmenter.segment(run)) {
      const before = [...(units.at(-1) ?? " ")].at(-1)!;
      const first = [...segment][0]!;
      const glued =
        !/\s/u.test(before) &&
        (HIRAGANA_START.test(first) ||
          (KANJI.test(before) && KANJI.test(first)) ||
          (KATAKANA.test(before) && KATAKANA.test(first)));
      if (glued) units[units.length - 1] += segment;
      else units.push(segment);
    }
  }
  return units;
}

/**
 * Breaks `text` into lines of at most `width` columns: at spaces, and between Japanese phrases
 * ({@link breakUnits}). A word longer than the line stays whole rather than being cut.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const token of breakUnits(text)) {
    const w = textWidth(token);
    if (/^\s+$/.test(token)) {
      if (line !== "") [line, lineWidth] = [line + " ", lineWidth + 1];
      continue;
    }
    // Japanese line-breaking rules (kinsoku): closing punctuation never starts a line, so it may
    // overhang by one character; an opening bracket never ends one, so it moves down.
    if (lineWidth + w > width && line.trim() !== "" && !CLOSING.test(token)) {
      const carried = OPENING.test(line.at(-1) ?? "") ? line.at(-1)! : "";
      lines.push(line.slice(0, line.length - carried.length).trimEnd());
      [line, lineWidth] = [carried, textWidth(carried)];
    }
    [line, lineWidth] = [line + token, lineWidth + w];
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

/** Two columns: names on the left, wrapped descriptions on the right (or below, for a long name). */
function table(rows: readonly (readonly [string, string])[], width: number): string[] {
  const left = Math.min(Math.max(...rows.map(([name]) => textWidth(name))), 30);
  const out: string[] = [];
  for (const [name, text] of rows) {
    const indent = 2 + left + 2;
    const wrapped = wrapText(text, Math.max(width - indent, 30));
    if (textWidth(name) > left) {
      out.push(`  ${name}`);
      for (const line of wrapped) out.push(`${" ".repeat(indent)}${line}`);
      continue;
    }
    const pad = " ".repeat(left - textWidth(name));
    wrapped.forEach((line, i) =>
      out.push(i === 0 ? `  ${name}${pad}  ${line}` : `${" ".repeat(indent)}${line}`),
    );
    if (wrapped.length === 0) out.push(`  ${name}`);
  }
  return out;
}

function placeholder(option: OptionSpec): string {
  if (option.type === "boolean") return "";
  if (option.placeholder !== undefined) return ` ${option.placeholder}`;
  if (option.choices) return ` <${option.choices.join("|")}>`;
  return option.type === "number" ? " <n>" : " <value>";
}

/** The description of an option with its default or "required" note in the locale. */
function optionText(option: OptionSpec, locale: LocaleTag): string {
  const text = cliText(option.text, locale, option.textParams ?? {});
  const notes: string[] = [];
  if (option.required) notes.push(cliText("help.required", locale));
  if (option.default !== undefined && option.type !== "boolean") {
    notes.push(cliText("help.default", locale, { value: String(option.default) }));
  }
  return notes.length === 0 ? text : `${text} (${notes.join(", ")})`;
}

/** The help width: the terminal's, within 60..100 columns; 100 when not a terminal. */
export function helpWidth(): number {
  // A terminal's width, else COLUMNS as shells export it (the docs build sets it to fit its code boxes).
  const columns = process.stdout.columns ?? (Number(process.env.COLUMNS) || 100);
  return Math.max(60, Math.min(100, columns));
}

/** `admxkit <command> --help`. Examples get a line of their own so they can be copied whole. */
export function commandHelp(spec: CommandSpec, locale: LocaleTag, width = helpWidth()): string {
  const usage = [
    `admxkit ${spec.name}`,
    ...spec.positionals.map((p) => {
      const name = p.variadic ? `<${p.name}..>` : `<${p.name}>`;
      return p.required ? name : `[${name}]`;
    }),
    cliText("help.optionsPlaceholder", locale),
  ].join(" ");
  const out = [
    `${cliText("help.usage", locale)} ${usage}`,
    "",
    ...wrapText(cliText(spec.text, locale), width),
  ];
  if (spec.positionals.length > 0) {
    out.push("", cliText("help.arguments", locale));
    out.push(
      ...table(
        spec.positionals.map((p) => [`<${p.name}>`, cliText(p.text, locale)] as const),
        width,
      ),
    );
  }
  out.push("", cliText("help.options", locale));
  const rows = [...spec.options, ...GLOBAL_OPTIONS].map(
    (o) => [`${o.name === "help" ? "-h, " : ""}--${o.name}${placeholder(o)}`, optionText(o, locale)] as const,
  );
  out.push(...table(rows, width));
  if (spec.examples.length > 0) {
    out.push("", cliText("help.examples", locale));
    for (const example of spec.examples) {
      out.push(`  ${example.command}`);
      for (const line of wrapText(cliText(example.text, locale), width - 6)) out.push(`      ${line}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** `admxkit --help`: the commands and the global options. */
export function programHelp(specs: readonly CommandSpec[], locale: LocaleTag, width = helpWidth()): string {
  const out = [`${cliText("help.usage", locale)} admxkit ${cliText("help.commandPlaceholder", locale)}`, ""];
  out.push(cliText("help.commands", locale));
  const usage = (spec: CommandSpec) =>
    [
      `admxkit ${spec.name}`,
      ...spec.positionals.map((p) => (p.variadic ? `<${p.name}..>` : `<${p.name}>`)),
    ].join(" ");
  out.push(
    ...table(
      specs.map((s) => [usage(s), cliText(s.text, locale)] as const),
      width,
    ),
  );
  out.push("", cliText("help.options", locale));
  out.push(
    ...table(
      GLOBAL_OPTIONS.map(
        (o) =>
          [`${o.name === "help" ? "-h, " : ""}--${o.name}${placeholder(o)}`, optionText(o, locale)] as const,
      ),
      width,
    ),
  );
  out.push("", ...wrapText(cliText("program.helpFooter", locale), width));
  return `${out.join("\n")}\n`;
}
