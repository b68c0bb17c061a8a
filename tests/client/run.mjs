// Runs every client test against the node at the URL given as the first argument
// (ws://127.0.0.1:9944 by default). scripts/client-tests.sh starts a node and calls this.
import { foundation } from './foundation.mjs';
import { liquidStaking } from './liquid_staking.mjs';
import { restaking } from './restaking.mjs';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const suites = [foundation, restaking, liquidStaking];
let ok = true;
for (const suite of suites) {
  ok = (await suite(url)) && ok;
  if (!ok) break;
}
process.exit(ok ? 0 : 1);
