/**
 * Type-level checks of the locale catalogs, run by `tsc --noEmit -p .` (this file holds no test to run):
 * a code of `DIAGNOSTIC_CODES` without a message in en-US or ja-JP, a message for a code not in the
 * list, or a key one language has in any section and the other lacks, fails the type check, naming the
 * code. The runtime twin is messages.test.ts.
 */
import type enUS from "../../locales/en-US.json";
import type jaJP from "../../locales/ja-JP.json";
import type { DiagnosticCode } from "../../src/i18n/codes.js";

type En = typeof enUS;
type Ja = typeof jaJP;

/** `true` when nothing is left over; otherwise the left-over keys, so the error names them. */
type NoneLeft<Left> = [Left] extends [never] ? true : Left;

/** Codes without an en-US message, and en-US messages without a code. */
export const enHasEveryCode: NoneLeft<Exclude<DiagnosticCode, keyof En["messages"]>> = true;
export const enHasNoStrayCode: NoneLeft<Exclude<keyof En["messages"], DiagnosticCode>> = true;
/** The same for ja-JP. */
export const jaHasEveryCode: NoneLeft<Exclude<DiagnosticCode, keyof Ja["messages"]>> = true;
export const jaHasNoStrayCode: NoneLeft<Exclude<keyof Ja["messages"], DiagnosticCode>> = true;

/** Every section (messages, ui, cli, bundle texts) has the same keys in both languages. */
type MissingIn<A, B> = { [S in keyof A]: S extends keyof B ? Exclude<keyof A[S], keyof B[S]> : S }[keyof A];
export const jaHasEveryKey: NoneLeft<MissingIn<En, Ja>> = true;
export const enHasEveryKey: NoneLeft<MissingIn<Ja, En>> = true;
