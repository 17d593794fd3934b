/**
 * Validation in a warm process, as a docs build or an editor runs it: the library's
 * `validateTemplates` over the same store several times in one process. The first run pays for
 * loading and for V8's warm-up; the later ones are what a long-lived process pays per validation.
 * Prints `{ runs: [{ ms, cpuMs, diagnostics }] }` as JSON (CPU = user + system time of the process
 * during that run). Usage: node bench/lib/warm-validate.js <dist folder URL> <store> <runs>
 */
const [distUrl, store, runs = "6"] = process.argv.slice(2);
const { validateTemplates } = await import(new URL("read.js", distUrl).href);

const all = [];
for (let i = 0; i < Number(runs); i++) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  // The CLI streams its findings; so does this loop, keeping only their number.
  let diagnostics = 0;
  await validateTemplates([store], { onDiagnostics: (batch) => (diagnostics += batch.length) });
  const used = process.cpuUsage(cpu);
  all.push({
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
    diagnostics,
  });
}
process.stdout.write(`${JSON.stringify({ runs: all })}\n`);
