// Run by api.bench.ts as a child process: loads one URL with autocannon and prints its result as
// one JSON line. The load comes from another process so that the API's process spends its CPU
// on serving only, and its CPU time divided by the requests served is what one request costs.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}') as autocannon.Options;
autocannon(options).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
