import { runCli } from './run-cli.ts';

// Exit with the command's code once it has finished, not when the event loop drains: a stopped server
// has closed its files, answered its requests and interrupted its background builds, and a build's
// query cut short can leave the DuckDB binding holding the loop open (a SIGTERM'd server then never exited).
process.exit(await runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }));
