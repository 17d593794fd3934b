/**
 * Prints the `--help` of admxkit and of each of its commands, in en-US and ja-JP, as one JSON object
 * ({ "en-US": { overview, commands: [{ name, help }] }, "ja-JP": … }) for the docs' CLI reference
 * (docs/content/_data/cli.js). It runs the built CLI's `main`, as bin/admxkit.js does, once per help
 * text in this one process: a Node start per text (26 of them) was most of the docs build's time.
 * Standard output is the pipe of the build that runs it, so the help is as wide as its COLUMNS says.
 */
import { main } from "../dist/cli-bundle/main.js";

async function help(args, lang) {
  let text = "";
  const code = await main([...args, "--help", "--lang", lang], {
    stdout: (t) => {
      text += t;
    },
    stderr: (t) => process.stderr.write(t),
  });
  if (code !== 0) throw new Error(`admxkit ${args.join(" ")} --help --lang ${lang} exited ${code}`);
  return text;
}

async function reference(lang) {
  const overview = await help([], lang);
  const commands = [];
  for (const [, name] of overview.matchAll(/^ {2}admxkit (\S+)/gm)) {
    commands.push({ name, help: await help([name], lang) });
  }
  return { overview, commands };
}

process.stdout.write(
  JSON.stringify({ "en-US": await reference("en-US"), "ja-JP": await reference("ja-JP") }),
);
