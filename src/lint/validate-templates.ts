/**
 * `admxkit validate`: every rule over a set of templates or a whole central store. Each template (an
 * ADMX and its ADMLs) is checked on its own (check-template.ts) — in worker threads when `jobs` asks for
 * them, else in this thread — and outcomes are taken in store order: their findings go out at once (to
 * `onDiagnostics`, or into the result), and what the store-wide rules need goes into a small index. So
 * memory is bounded by the largest files plus the index, not by the store.
 */
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { findTemplateFiles } from "../read/store-files.js";
import { checkTemplate, type TemplateJob, type TemplateOutcome } from "./check-template.js";
import { StoreIndex } from "./rules/store-index.js";
import { strictDiagnostic } from "./strict.js";
import type { WorkerJob } from "./validate-worker.js";

/** Options of {@link validateTemplates}. */
export interface ValidateOptions {
  /**
   * Locales whose ADMLs every ADMX must have; only these are checked against the ADMX. Default: every
   * locale folder of the store, and each ADMX must have at least one ADML.
   */
  readonly locales?: readonly string[];
  /** Also check the limits of Intune's custom ADMX import. */
  readonly intune?: boolean;
  /**
   * Schema deviations and dangling references that GPMC accepts (warnings by default, because Windows'
   * own templates have them) become errors: for authors who want schema-clean templates (strict.ts).
   */
  readonly strict?: boolean;
  /** Called after each template, for progress display. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
  /**
   * Worker threads to check templates in (default 1: this thread only). Runs from the built package
   * only (`dist/`), where the worker module exists; the CLI passes the number of CPUs.
   */
  readonly jobs?: number;
  /**
   * Streams the findings instead of collecting them: called with each template's findings (sorted by
   * place) as soon as every template before it is done, and once more with the store-wide findings at
   * the end. The result's `diagnostics` is then empty; `counts` still counts everything.
   */
  readonly onDiagnostics?: (batch: readonly Diagnostic[]) => void;
}

/** The outcome of {@link validateTemplates}. */
export interface ValidationResult {
  /** How many files were read. */
  readonly files: number;
  /** Every finding, sorted by file, line and column (empty when `onDiagnostics` took them). */
  readonly diagnostics: Diagnostic[];
  /** How many findings of each severity. */
  readonly counts: Readonly<Record<Diagnostic["severity"], number>>;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/** How far the threads may run ahead of the template taken last: outcomes wait in memory until taken. */
const AHEAD = 32;

/**
 * Runs jobs in worker threads, each kept busy with up to two jobs in flight, never more than
 * {@link AHEAD} templates past `taken()`; outcomes arrive in any order.
 */
async function inWorkers(
  jobs: readonly TemplateJob[],
  threads: number,
  taken: () => number,
  onOutcome: (index: number, outcome: TemplateOutcome) => void,
): Promise<void> {
  const url = new URL("./validate-worker.js", import.meta.url);
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(url));
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  let done = 0;
  const pump = () => {
    for (const worker of workers) {
      while (inFlight.get(worker)! < 2 && next < jobs.length && next < taken() + AHEAD) {
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage({ id: next, job: jobs[next++]! } satisfies WorkerJob);
      }
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      for (const worker of workers) {
        worker.on("message", ({ id, outcome }: { id: number; outcome: TemplateOutcome }) => {
          inFlight.set(worker, inFlight.get(worker)! - 1);
          try {
            onOutcome(id, outcome);
          } catch (error) {
            reject(error);
            return;
          }
          if (++done === jobs.length) resolve();
          else pump();
        });
        // A worker that fails is a bug, never a verdict on the input: the run fails with it.
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < jobs.length) reject(new Error(`a validate worker exited (code ${code})`));
        });
      }
      pump();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Validates ADMX/ADML files and store folders. Never throws for bad input: everything is a diagnostic. */
export async function validateTemplates(
  paths: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const store = await findTemplateFiles(paths);
  const jobs: TemplateJob[] = store.templates.map((template) => ({
    template,
    locales: options.locales,
    localeFolders: store.localeFolders,
    intune: options.intune ?? false,
  }));
  const collected: Diagnostic[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  const emit = (found: readonly Diagnostic[]) => {
    const batch = options.strict ? found.map(strictDiagnostic) : found;
    for (const d of batch) counts[d.severity]++;
    if (options.onDiagnostics) options.onDiagnostics(batch);
    else collected.push(...batch);
  };
  emit(store.diagnostics);

  const index = new StoreIndex();
  let files = 0;
  // Outcomes are taken in store order, whatever order the threads finish them in.
  const waiting = new Map<number, TemplateOutcome>();
  let taken = 0;
  const take = (i: number, outcome: TemplateOutcome) => {
    waiting.set(i, outcome);
    for (let ready = waiting.get(taken); ready; ready = waiting.get(taken)) {
      waiting.delete(taken);
      files += ready.files;
      if (ready.admx) index.add(ready.admx, ready.external ?? []);
      emit(ready.diagnostics.sort(byPlace));
      const template = store.templates[taken]!;
      taken++;
      options.onProgress?.(taken, jobs.length, template.admx ?? template.admls[0]?.path ?? template.base);
    }
  };
  const threads = options.jobs ?? 1;
  // Starting a worker costs more than checking a handful of templates.
  if (threads > 1 && jobs.length >= 8) await inWorkers(jobs, threads, () => taken, take);
  else jobs.forEach((job, i) => take(i, checkTemplate(job)));
  emit(index.finish().sort(byPlace));
  return { files, diagnostics: collected.sort(byPlace), counts };
}
