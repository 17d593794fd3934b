/**
 * A worker thread of `admxkit validate`: it checks the templates the main thread sends, one message each,
 * and posts back the outcome (see check-template.ts and validate-templates.ts).
 */
import { parentPort } from "node:worker_threads";
import { checkTemplate, type TemplateJob } from "./check-template.js";

/** A message to the worker: a job and its number. */
export interface WorkerJob {
  readonly id: number;
  readonly job: TemplateJob;
}

parentPort?.on("message", ({ id, job }: WorkerJob) => {
  parentPort!.postMessage({ id, outcome: checkTemplate(job) });
});
